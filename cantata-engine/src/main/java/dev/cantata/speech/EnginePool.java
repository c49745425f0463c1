package dev.cantata.speech;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A fixed set of engines lent one turn at a time (a sentence, a sung phrase, a line to pronounce) in the order of a
 * {@link TurnQueue}: by priority, then round-robin by client. A turn whose client has left ({@code gone}) loses its
 * place at once: it is asked when its turn comes and every {@link #POLL_MILLIS} ms while it waits, and a waiting
 * thread that is interrupted leaves the queue too. Thread-safe.
 *
 * @param <E> an engine: whatever one thread may use alone while it holds it
 */
final class EnginePool<E> {
    /** How often a waiting turn asks whether its client has gone: small against a sentence's 0.3 s of synthesis. */
    static final long POLL_MILLIS = 50;

    private static final class Turn<E> {
        final Condition granted;
        final BooleanSupplier gone;

        @Nullable
        E engine;

        boolean dropped;

        Turn(Condition granted, BooleanSupplier gone) {
            this.granted = granted;
            this.gone = gone;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<E> idle;
    private final TurnQueue<Turn<E>> queue = new TurnQueue<>();
    private final int size;

    EnginePool(List<E> engines) {
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("a pool needs at least one engine");
        }
        this.idle = new ArrayDeque<>(engines);
        this.size = engines.size();
    }

    /** How many engines the pool lends. */
    int size() {
        return size;
    }

    /**
     * Waits for a turn of {@code client} at {@code priority} and returns the engine it was given, which the caller
     * must {@link #release}. Turns of one client are served in the order they were asked for.
     *
     * @throws ClientGone when {@code gone} became true before the turn came (the caller's client hung up)
     * @throws InterruptedException when the waiting thread was interrupted; it no longer waits
     */
    E acquire(Object client, Priority priority, BooleanSupplier gone) throws ClientGone, InterruptedException {
        lock.lock();
        try {
            Turn<E> turn = new Turn<>(lock.newCondition(), gone);
            queue.add(client, priority, turn);
            dispatch();
            while (turn.engine == null) {
                if (turn.dropped || gone(turn)) {
                    queue.remove(client, turn);
                    throw new ClientGone();
                }
                try {
                    turn.granted.await(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    E given = turn.engine;
                    if (given != null) {
                        idle.push(given);
                        dispatch();
                    } else {
                        queue.remove(client, turn);
                    }
                    throw e;
                }
            }
            return turn.engine;
        } finally {
            lock.unlock();
        }
    }

    /** Gives back an engine that {@link #acquire} lent, and lends it to the next waiting turn. */
    void release(E engine) {
        lock.lock();
        try {
            idle.push(engine);
            dispatch();
        } finally {
            lock.unlock();
        }
    }

    /** How many turns wait for an engine now (for metrics and tests). */
    int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** How many engines are lent now. */
    int busy() {
        lock.lock();
        try {
            return size - idle.size();
        } finally {
            lock.unlock();
        }
    }

    private void dispatch() {
        while (!idle.isEmpty()) {
            Turn<E> next = queue.next(this::drop);
            if (next == null) {
                return;
            }
            next.engine = idle.pop();
            next.granted.signal();
        }
    }

    /** Whether a turn's client has gone; such a turn is woken to leave. */
    private boolean drop(Turn<E> turn) {
        if (!gone(turn)) {
            return false;
        }
        turn.dropped = true;
        turn.granted.signal();
        return true;
    }

    /** A check that fails counts as a client that left: no engine goes to a turn nobody can be sure still waits. */
    private static boolean gone(Turn<?> turn) {
        try {
            return turn.gone.getAsBoolean();
        } catch (RuntimeException e) {
            return true;
        }
    }
}
