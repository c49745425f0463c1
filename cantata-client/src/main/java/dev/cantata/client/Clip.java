package dev.cantata.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A Suno-dialect clip. {@code status} is {@code submitted}, {@code queued}, {@code streaming}, {@code complete} or
 * {@code error}; {@code audioUrl} is absolute.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Clip(
        String id,
        @Nullable String title,
        @JsonProperty("image_url") @Nullable String imageUrl,
        @Nullable String lyric,
        @JsonProperty("audio_url") @Nullable String audioUrl,
        @JsonProperty("video_url") @Nullable String videoUrl,
        @JsonProperty("created_at") @Nullable String createdAt,
        @JsonProperty("model_name") @Nullable String modelName,
        String status,
        @JsonProperty("gpt_description_prompt") @Nullable String gptDescriptionPrompt,
        @Nullable String prompt,
        @Nullable String type,
        @Nullable String tags,
        @Nullable Double duration,
        @JsonProperty("error_message") @Nullable String errorMessage) {

    /** Whether the clip can be played (being made and streaming, or finished). */
    public boolean playable() {
        return status.equals("streaming") || status.equals("complete");
    }
}
