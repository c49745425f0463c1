package dev.cantata.songs;

import java.time.Duration;

/** A song request the node will not queue now: too many songs are waiting, in all or of this client. */
public final class SongQueueFull extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    SongQueueFull(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** When a slot is likely to be free, estimated from the queue and how long recent songs took. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
