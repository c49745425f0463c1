package dev.cantata.jobs;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A durable unit of work as stored.
 *
 * @param input the request, JSON as submitted
 * @param progress 0–100, moved by the worker through its stages
 * @param stage what the worker is doing now, in words a client can show
 * @param result the handler's JSON result once completed
 * @param blobs keys of the files the task produced
 * @param attempts how many times a worker has claimed it
 */
public record Task(
        UUID id,
        String kind,
        String input,
        TaskStatus status,
        int progress,
        @Nullable String stage,
        @Nullable String error,
        @Nullable String result,
        List<String> blobs,
        int attempts,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {

    public Task {
        blobs = List.copyOf(blobs);
        if (progress < 0 || progress > 100) {
            throw new IllegalArgumentException("progress " + progress + " is outside 0–100");
        }
    }

    /** The blob folder that holds everything this task writes. */
    public static String blobFolder(UUID id) {
        return "tasks/" + id;
    }
}
