package dev.cantata.audio;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How much memory decoded uploads may hold at once. Each decode reserves what its output can take at most (its length
 * cap × rate × channels × 4 bytes, and the copies made while it grows) before it starts, and gives it back when done;
 * a decode that cannot reserve within a short wait is refused with {@link AudioBusyException} instead of running the
 * heap out. A decode larger than the whole budget reserves all of it and so runs alone.
 */
public final class DecodeBudget {
    /** Reservations are counted in KiB, so a semaphore's int holds budgets up to terabytes. */
    private static final long UNIT = 1024;

    /** Peak bytes per output byte: the growing array and its next copy (×1.5) are alive together. */
    static final double GROWTH = 2.5;

    private final Semaphore permits;
    private final int total;
    private final long waitMillis;
    private final AtomicLong held = new AtomicLong();

    /**
     * @param bytes the memory all decodes together may hold
     * @param waitMillis how long a decode waits for its share before it is refused
     */
    public DecodeBudget(long bytes, long waitMillis) {
        if (bytes < UNIT) {
            throw new IllegalArgumentException("a decode budget must be at least 1 KiB, not " + bytes);
        }
        this.total = (int) Math.min(Integer.MAX_VALUE, bytes / UNIT);
        this.permits = new Semaphore(total, true);
        this.waitMillis = waitMillis;
    }

    /** A quarter of the heap the JVM may grow to, waiting up to 2 s: the rest is for the engines and requests. */
    public static DecodeBudget ofHeap() {
        return new DecodeBudget(Runtime.getRuntime().maxMemory() / 4, 2_000);
    }

    /** A reservation; closing it gives the memory back. */
    public final class Reservation implements AutoCloseable {
        private final int units;
        private boolean closed;

        private Reservation(int units) {
            this.units = units;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                permits.release(units);
            }
        }
    }

    /**
     * Reserves room for a decode of at most {@code outputBytes} of PCM.
     *
     * @throws AudioBusyException when the budget stays exhausted for the wait
     */
    Reservation reserve(long outputBytes) throws AudioBusyException {
        int units = (int) Math.min(total, Math.max(1, (long) Math.ceil(outputBytes * GROWTH / UNIT)));
        try {
            if (!permits.tryAcquire(units, waitMillis, TimeUnit.MILLISECONDS)) {
                throw new AudioBusyException(
                        "the server is decoding as many uploads as its memory allows; try again" + " in a few seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AudioBusyException("interrupted while waiting to decode");
        }
        return new Reservation(units);
    }

    /** Counts PCM that a decode now holds in memory (for {@link #heldBytes}). */
    void held(long bytes) {
        held.addAndGet(bytes);
    }

    /** The PCM bytes decodes have materialised in memory since this budget was made (a measure, for tests and logs). */
    public long heldBytes() {
        return held.get();
    }
}
