package dev.cantata.http.suno;

import dev.cantata.http.ApiException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Waits for clips without holding a server thread: a request that waits (for {@code wait_audio}, or for a clip's audio
 * asked for early) gets a future that one shared timer thread completes when a look at the database says so, or when
 * the time is up. Thousands of clients can wait on one thread. A waiter whose client hung up is dropped at its next
 * tick, before it looks at the database (see {@link dev.cantata.http.Hangup} for why Jetty cannot tell us).
 */
final class Waiting {
    private static final long EVERY_MS = 250;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cantata-suno-wait");
        t.setDaemon(true);
        return t;
    });

    private final AtomicInteger pending = new AtomicInteger();

    /** What a look found, and whether it is the answer. */
    record Look<T>(boolean done, T value) {}

    /** One look; may fail, which fails the wait. */
    @FunctionalInterface
    interface Check<T> {
        Look<T> look() throws Exception;
    }

    /**
     * Looks now and then every 250 ms until a look is done or {@code limit} passes, and answers with the last look; or,
     * as soon as {@code hungUp} says so, fails without looking again (with nginx's 499, which nobody reads).
     */
    <T> CompletableFuture<T> until(Check<T> check, Duration limit, BooleanSupplier hungUp) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        long deadline = System.nanoTime() + limit.toNanos();
        AtomicReference<ScheduledFuture<?>> ticking = new AtomicReference<>();
        pending.incrementAndGet();
        Runnable tick = () -> {
            try {
                if (hungUp.getAsBoolean()) {
                    answer.completeExceptionally(new ApiException(499, "Client closed the request"));
                } else {
                    Look<T> look = check.look();
                    if (look.done() || System.nanoTime() > deadline) {
                        answer.complete(look.value());
                    }
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
        var unused = answer.whenComplete((value, error) -> {
            pending.decrementAndGet();
            ticking.get().cancel(false);
        });
        return answer;
    }

    /** How many waits are running. */
    int pending() {
        return pending.get();
    }
}
