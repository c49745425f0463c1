package dev.cantata.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A DiffRhythm-dialect task as {@code /api/status} reports it: {@code status} is {@code "queued"},
 * {@code "processing"}, {@code "completed"} or {@code "failed"}; {@code message} is the stage it is in.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SongTask(
        @JsonProperty("task_id") String taskId,
        String status,
        @Nullable Integer progress,
        @Nullable String message,
        @JsonProperty("output_path") @Nullable String outputPath,
        @JsonProperty("created_at") @Nullable String createdAt,
        @JsonProperty("completed_at") @Nullable String completedAt,
        @Nullable String error) {

    public boolean finished() {
        return status.equals("completed") || status.equals("failed");
    }
}
