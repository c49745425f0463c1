package dev.cantata.songs;

import org.jspecify.annotations.Nullable;

/**
 * Make {@code variations} new songs.
 *
 * @param style the style words, and perhaps a recording whose style to follow
 * @param seconds the exact length, or null for as long as the lyrics need
 * @param title the title, or null to take it from the lyrics
 */
public record NewSong(
        String lyrics,
        StyleSource style,
        @Nullable Double seconds,
        int variations,
        long seed,
        @Nullable String title,
        SongOutputs outputs)
        implements SongJob {
    /** The engine's songs are 5 to 600 s long ({@link dev.cantata.music.SongSpec}). */
    public static final double MIN_SECONDS = 5;

    public static final double MAX_SECONDS = 600;

    public NewSong {
        SongJob.check(lyrics, variations);
        if (seconds != null && !(seconds >= MIN_SECONDS && seconds <= MAX_SECONDS)) {
            throw new IllegalArgumentException(
                    "a song's length must be " + MIN_SECONDS + " to " + MAX_SECONDS + " s, not " + seconds);
        }
        if (title != null && title.isBlank()) {
            title = null;
        }
    }
}
