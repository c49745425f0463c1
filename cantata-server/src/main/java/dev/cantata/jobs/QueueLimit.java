package dev.cantata.jobs;

/**
 * How many tasks of one kind may be queued or running at once: in all, and for one client.
 *
 * @param total across every client
 * @param perClient for one client
 */
public record QueueLimit(int total, int perClient) {
    /** No limit. */
    public static final QueueLimit NONE = new QueueLimit(Integer.MAX_VALUE, Integer.MAX_VALUE);

    public QueueLimit {
        if (total < 1 || perClient < 1) {
            throw new IllegalArgumentException("queue limits must be at least 1, not " + total + " and " + perClient);
        }
    }
}
