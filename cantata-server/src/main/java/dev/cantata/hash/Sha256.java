package dev.cantata.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 digest fed piece by piece and read as lower-case hex. One instance digests one message: it is not
 * thread-safe, and {@link #hex()} ends the message.
 *
 * <pre>{@code
 * String key = new Sha256().update(recording).update((byte) 0).update(referenceText).hex();
 * }</pre>
 */
public final class Sha256 {
    private final MessageDigest digest;

    public Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public Sha256 update(byte[] bytes) {
        digest.update(bytes);
        return this;
    }

    public Sha256 update(byte b) {
        digest.update(b);
        return this;
    }

    /** Adds {@code text} as UTF-8. */
    public Sha256 update(String text) {
        return update(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The whole digest: 64 hex digits. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The first {@code bytes} bytes of the digest (1 to 32) as {@code 2 * bytes} hex digits: a shorter name. */
    public String hex(int bytes) {
        if (bytes < 1 || bytes > 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 1 to 32 bytes, not " + bytes);
        }
        return HexFormat.of().formatHex(digest.digest(), 0, bytes);
    }
}
