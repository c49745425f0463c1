package dev.cantata.http.suno;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.cantata.jobs.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Suno's status words. A clip is {@code submitted} only in the reply to the request that made it; then it follows its
 * task. {@code streaming} covers the making and {@code hold} after it is finished, because the seed's client stops
 * polling only on {@code streaming}.
 */
enum ClipStatus {
    SUBMITTED,
    QUEUED,
    STREAMING,
    COMPLETE,
    ERROR;

    static ClipStatus of(Task task, Instant now, Duration hold) {
        return switch (task.status()) {
            case QUEUED -> QUEUED;
            case PROCESSING -> STREAMING;
            case COMPLETED ->
                task.finishedAt() != null
                                && Duration.between(task.finishedAt(), now).compareTo(hold) < 0
                        ? STREAMING
                        : COMPLETE;
            case FAILED, CANCELLED -> ERROR;
        };
    }

    /** What clients treat as "playable now" ({@code wait_audio} and the seed's loop stop here). */
    boolean playable() {
        return this == STREAMING || this == COMPLETE;
    }

    @JsonValue
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
