package dev.cantata.songs;

import java.security.SecureRandom;

/**
 * Where new songs' and lyrics' seeds come from. A seed is 32 bits: enough that two songs never share one by chance in
 * practice, and small enough to show, type back in ({@code --seed}) and pass through JavaScript clients as a number.
 * Drawn from {@link SecureRandom} so that nodes started at the same moment do not repeat each other.
 */
public final class Seeds {
    private final SecureRandom random = new SecureRandom();

    public long next() {
        return random.nextLong() & 0xFFFF_FFFFL;
    }
}
