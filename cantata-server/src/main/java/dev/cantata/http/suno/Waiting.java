package dev.cantata.http.suno;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Waits for clips without holding a server thread: a request that waits (for {@code wait_audio}, or for a clip's audio
 * asked for early) gets a future that one shared timer thread completes when a look at the database says so, or when
 * the time is up. Thousands of clients can wait on one thread.
 */
final class Waiting {
    private static final long EVERY_MS = 250;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cantata-suno-wait");
        t.setDaemon(true);
        return t;
    });

    /** What a look found, and whether it is the answer. */
    record Look<T>(boolean done, T value) {}

    /** One look; may fail, which fails the wait. */
    @FunctionalInterface
    interface Check<T> {
        Look<T> look() throws Exception;
    }

    /** Looks now and then every 250 ms until a look is done or {@code limit} passes; answers with the last look. */
    <T> CompletableFuture<T> until(Check<T> check, Duration limit) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        long deadline = System.nanoTime() + limit.toNanos();
        AtomicReference<ScheduledFuture<?>> ticking = new AtomicReference<>();
        Runnable tick = () -> {
            try {
                Look<T> look = check.look();
                if (look.done() || System.nanoTime() > deadline) {
                    answer.complete(look.value());
                }
            } catch (Exception | Error e) {
                answer.completeExceptionally(e);
            }
            if (answer.isDone() && ticking.get() != null) {
                ticking.get().cancel(false);
            }
        };
        ticking.set(timer.scheduleWithFixedDelay(tick, 0, EVERY_MS, TimeUnit.MILLISECONDS));
        // the future whenComplete returns only mirrors answer, which the caller already has
        var unused = answer.whenComplete((value, error) -> ticking.get().cancel(false));
        return answer;
    }
}
