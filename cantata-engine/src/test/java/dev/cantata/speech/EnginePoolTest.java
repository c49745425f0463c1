package dev.cantata.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pool's lending, on fake engines (strings); each wait is on the pool's own counts, never on a clock. */
@Timeout(60) // a safety net against a pool that never lends: nothing here measures time
final class EnginePoolTest {
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private static void await(BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            LockSupport.parkNanos(100_000); // a poll, not a timing
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted (the test's timeout) while waiting");
            }
        }
    }

    /** A caller that takes one turn, notes the order it was served in, and gives the engine back. */
    private Future<String> turn(
            EnginePool<String> pool,
            Object client,
            Priority p,
            String name,
            List<String> served,
            BooleanSupplier gone) {
        return threads.submit(() -> {
            String engine = pool.acquire(client, p, gone);
            served.add(name);
            pool.release(engine);
            return engine;
        });
    }

    @Test
    void asManyTurnsRunAtOnceAsThereAreEngines() throws Exception {
        EnginePool<String> pool = new EnginePool<>(List.of("one", "two"));

        String a = pool.acquire("a", Priority.SPEECH, () -> false);
        String b = pool.acquire("b", Priority.SPEECH, () -> false);
        List<String> served = Collections.synchronizedList(new ArrayList<>());
        Future<String> third = turn(pool, "c", Priority.SPEECH, "c", served, () -> false);
        await(() -> pool.waiting() == 1);

        assertThat(List.of(a, b)).containsExactlyInAnyOrder("one", "two");
        assertThat(pool.busy()).isEqualTo(2);
        assertThat(served).isEmpty();
        pool.release(a);
        assertThat(third.get()).isEqualTo(a);
        pool.release(b);
        assertThat(pool.busy()).isZero();
    }

    @Test
    void waitingTurnsAreServedByPriorityThenRoundRobin() throws Exception {
        EnginePool<String> pool = new EnginePool<>(List.of("only"));
        String held = pool.acquire("test", Priority.SPEECH, () -> false);
        List<String> served = Collections.synchronizedList(new ArrayList<>());
        List<Future<String>> turns = new ArrayList<>();
        String[][] asked = {
            {"writer", "WRITING"}, {"song", "SINGING"}, {"long", "SPEECH"}, {"long", "SPEECH"}, {"short", "SPEECH"}
        };
        for (String[] a : asked) {
            int before = pool.waiting();
            turns.add(turn(pool, a[0], Priority.valueOf(a[1]), a[0], served, () -> false));
            await(() -> pool.waiting() == before + 1); // queued in this order
        }

        pool.release(held);
        for (Future<String> f : turns) {
            f.get();
        }

        assertThat(served).containsExactly("long", "short", "long", "song", "writer");
    }

    @Test
    void aClientThatLeavesWhileWaitingLosesItsPlaceAndIsNeverServed() throws Exception {
        EnginePool<String> pool = new EnginePool<>(List.of("only"));
        String held = pool.acquire("test", Priority.SPEECH, () -> false);
        List<String> served = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean hungUp = new AtomicBoolean();
        Future<String> leaver = turn(pool, "leaver", Priority.SPEECH, "leaver", served, hungUp::get);
        await(() -> pool.waiting() == 1);
        Future<String> stayer = turn(pool, "stayer", Priority.SPEECH, "stayer", served, () -> false);
        await(() -> pool.waiting() == 2);

        hungUp.set(true);
        // it leaves the queue while the engine is still held: its place is given up at once, not when its turn comes
        await(() -> pool.waiting() == 1);
        assertThatThrownBy(leaver::get).hasCauseInstanceOf(ClientGone.class);
        pool.release(held);

        assertThat(stayer.get()).isEqualTo("only");
        assertThat(served).containsExactly("stayer");
    }

    @Test
    void anInterruptedWaiterLeavesTheQueue() throws Exception {
        EnginePool<String> pool = new EnginePool<>(List.of("only"));
        String held = pool.acquire("test", Priority.SPEECH, () -> false);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                pool.acquire("waiter", Priority.SPEECH, () -> false);
                failure.complete(new AssertionError("served"));
            } catch (InterruptedException | ClientGone e) {
                failure.complete(e);
            }
        });
        waiter.start();
        await(() -> pool.waiting() == 1);

        waiter.interrupt();

        assertThat(failure.get()).isInstanceOf(InterruptedException.class);
        assertThat(pool.waiting()).isZero();
        pool.release(held);
        assertThat(pool.acquire("next", Priority.SPEECH, () -> false)).isEqualTo("only");
    }

    @Test
    void aCheckThatThrowsCountsAsAClientThatLeft() {
        EnginePool<String> pool = new EnginePool<>(List.of("only"));

        assertThatThrownBy(() -> pool.acquire("broken", Priority.SPEECH, () -> {
                    throw new IllegalStateException("no connection");
                }))
                .isInstanceOf(ClientGone.class);
        assertThat(pool.busy()).isZero();
    }

    @Test
    void aPoolWithoutEnginesIsRefused() {
        assertThatThrownBy(() -> new EnginePool<String>(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
