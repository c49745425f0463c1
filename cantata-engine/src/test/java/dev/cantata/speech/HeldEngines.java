package dev.cantata.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * Every engine of a pool held by a thread of its own until {@link #close}, for tests (in this module and the
 * server's) that need speech to wait in the queue.
 */
public final class HeldEngines implements AutoCloseable {
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService holders;
    private final List<Future<Boolean>> held = new ArrayList<>();

    private HeldEngines(MaryEngine pool) {
        int engines = pool.engines();
        holders = Executors.newFixedThreadPool(engines);
        for (int i = 0; i < engines; i++) {
            held.add(holders.submit(() -> pool.withMary(mary -> {
                release.await();
                return true;
            })));
        }
        while (pool.busy() < engines) {
            LockSupport.parkNanos(100_000); // a poll, not a timing: the test's timeout bounds it
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted (the test's timeout) while waiting");
            }
        }
    }

    /** Holds every engine of {@code pool}; returns once all are held. */
    public static HeldEngines all(MaryEngine pool) {
        return new HeldEngines(pool);
    }

    /** Gives the engines back and waits until every holder has. */
    @Override
    public void close() throws ExecutionException {
        release.countDown();
        try {
            for (Future<Boolean> f : held) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the engines were given back", e);
        } finally {
            holders.shutdown();
        }
    }
}
