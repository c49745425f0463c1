package dev.cantata.speech;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The order in which waiting turns get an engine: strictly by {@link Priority}, and within a priority round-robin by
 * client, one turn at a time, so a client with forty sentences waiting is served once and then goes behind every other
 * client that waits, however many turns it has queued. Turns of one client keep their order. Not thread-safe: {@link
 * EnginePool} holds its lock around every call.
 *
 * @param <T> a waiting turn
 */
final class TurnQueue<T> {
    /** One client's waiting turns, oldest first. */
    private static final class Line<T> {
        final Object client;
        final ArrayDeque<T> turns = new ArrayDeque<>();

        Line(Object client) {
            this.client = client;
        }
    }

    /** Each priority's clients with turns waiting; the front one is served next. */
    private final Map<Priority, ArrayDeque<Line<T>>> rings = new EnumMap<>(Priority.class);

    private final Map<Object, Line<T>> lines = new java.util.HashMap<>();
    private int size;

    TurnQueue() {
        for (Priority p : Priority.values()) {
            rings.put(p, new ArrayDeque<>());
        }
    }

    /** Queues {@code turn} behind {@code client}'s other waiting turns; a client waits in one priority at a time. */
    void add(Object client, Priority priority, T turn) {
        Line<T> line = lines.get(client);
        if (line == null) {
            line = new Line<>(client);
            lines.put(client, line);
            ring(priority).addLast(line);
        }
        line.turns.addLast(turn);
        size++;
    }

    /**
     * The next turn to serve, removed: the oldest turn of the client at the front of the highest priority's ring, which
     * then goes to the back of that ring if it has more. Turns that {@code dropped} accepts (their client left) are
     * removed without being served. Null when nothing waits.
     */
    @Nullable
    T next(Predicate<T> dropped) {
        for (Priority p : Priority.values()) {
            ArrayDeque<Line<T>> ring = ring(p);
            while (!ring.isEmpty()) {
                Line<T> line = ring.pollFirst();
                T turn = line.turns.pollFirst();
                size--;
                if (line.turns.isEmpty()) {
                    lines.remove(line.client);
                } else {
                    ring.addLast(line);
                }
                if (turn != null && !dropped.test(turn)) {
                    return turn;
                }
            }
        }
        return null;
    }

    /** Removes {@code turn} of {@code client} if it still waits (its caller gave up); true if it was there. */
    boolean remove(Object client, T turn) {
        Line<T> line = lines.get(client);
        if (line == null || !line.turns.remove(turn)) {
            return false;
        }
        size--;
        if (line.turns.isEmpty()) {
            lines.remove(client);
            for (ArrayDeque<Line<T>> ring : rings.values()) {
                ring.remove(line);
            }
        }
        return true;
    }

    private ArrayDeque<Line<T>> ring(Priority priority) {
        return Objects.requireNonNull(rings.get(priority));
    }

    /** How many turns wait. */
    int size() {
        return size;
    }
}
