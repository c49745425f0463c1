package dev.cantata.client;

import org.jspecify.annotations.Nullable;

/**
 * What {@link CantataClient#customGenerateAudio}, {@link CantataClient#generateAudioByPrompt} and
 * {@link CantataClient#extendAudio} send. Build one with {@link #lyrics}, {@link #description} or {@link #extend}, then
 * the {@code with…} methods.
 *
 * @param prompt lyrics (custom, extend) or a description (generate)
 * @param audioId the clip to extend, or null
 * @param continueAt where to continue it (seconds), or null for its end
 */
public record SongRequest(
        String prompt,
        String tags,
        String title,
        boolean makeInstrumental,
        String negativeTags,
        String model,
        boolean waitAudio,
        @Nullable String audioId,
        @Nullable Double continueAt) {

    public static SongRequest lyrics(String lyrics, String tags, String title) {
        return new SongRequest(lyrics, tags, title, false, "", "chirp-v3-5", false, null, null);
    }

    public static SongRequest description(String description) {
        return new SongRequest(description, "", "", false, "", "chirp-v3-5", false, null, null);
    }

    public static SongRequest extend(String audioId, String lyrics, @Nullable Double continueAt) {
        return new SongRequest(lyrics, "", "", false, "", "chirp-v3-5", false, audioId, continueAt);
    }

    public SongRequest withWaitAudio(boolean wait) {
        return new SongRequest(prompt, tags, title, makeInstrumental, negativeTags, model, wait, audioId, continueAt);
    }

    public SongRequest withInstrumental(boolean instrumental) {
        return new SongRequest(prompt, tags, title, instrumental, negativeTags, model, waitAudio, audioId, continueAt);
    }

    public SongRequest withTags(String newTags) {
        return new SongRequest(
                prompt, newTags, title, makeInstrumental, negativeTags, model, waitAudio, audioId, continueAt);
    }

    public SongRequest withModel(String newModel) {
        return new SongRequest(
                prompt, tags, title, makeInstrumental, negativeTags, newModel, waitAudio, audioId, continueAt);
    }
}
