package dev.cantata.songs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Make {@code variations} new songs.
 *
 * @param style the style words, and perhaps a recording whose style to follow
 * @param seconds the exact length, or null for as long as the lyrics need
 * @param title the title, or null to take it from the lyrics
 * @param skippedLines what the request's LRC reader skipped, told to the client with the task (none is not stored)
 */
public record NewSong(
        String lyrics,
        StyleSource style,
        @Nullable Double seconds,
        int variations,
        long seed,
        @Nullable String title,
        SongOutputs outputs,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> skippedLines)
        implements SongJob {
    /** The engine's songs are 5 to 600 s long ({@link dev.cantata.music.SongSpec}). */
    public static final double MIN_SECONDS = 5;

    public static final double MAX_SECONDS = 600;

    public NewSong(
            String lyrics,
            StyleSource style,
            @Nullable Double seconds,
            int variations,
            long seed,
            @Nullable String title,
            SongOutputs outputs) {
        this(lyrics, style, seconds, variations, seed, title, outputs, List.of());
    }

    /** This song with its style also heard from the recording stored at blob key {@code reference}. */
    public NewSong withReference(String reference) {
        return new NewSong(
                lyrics,
                new StyleSource(style.words(), reference),
                seconds,
                variations,
                seed,
                title,
                outputs,
                skippedLines);
    }

    public NewSong {
        SongJob.check(lyrics, variations);
        skippedLines = skippedLines == null ? List.of() : List.copyOf(skippedLines); // stored before the field: none
        if (seconds != null && !(seconds >= MIN_SECONDS && seconds <= MAX_SECONDS)) {
            throw new IllegalArgumentException(
                    "a song's length must be " + MIN_SECONDS + " to " + MAX_SECONDS + " s, not " + seconds);
        }
        if (title != null && title.isBlank()) {
            title = null;
        }
    }
}
