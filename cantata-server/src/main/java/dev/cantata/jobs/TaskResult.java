package dev.cantata.jobs;

import java.util.List;

/**
 * What a handler returns.
 *
 * @param json the result, JSON, stored with the task
 * @param blobs the keys of the files it wrote, deleted with the task
 */
public record TaskResult(String json, List<String> blobs) {
    public TaskResult {
        blobs = List.copyOf(blobs);
    }
}
