package dev.cantata.songs;

import org.jspecify.annotations.Nullable;

/**
 * Where a song's style comes from: words, a recording (whose tempo, key, loudness and brightness are measured when the
 * task runs), or both (the words refine what the recording says).
 *
 * @param words free-text style words; may be blank when there is a reference
 * @param reference blob key of the reference recording in the task's {@code input/} folder, or null
 */
public record StyleSource(String words, @Nullable String reference) {
    public StyleSource {
        if (reference != null && reference.isBlank()) {
            reference = null;
        }
    }

    public static StyleSource words(String words) {
        return new StyleSource(words, null);
    }
}
