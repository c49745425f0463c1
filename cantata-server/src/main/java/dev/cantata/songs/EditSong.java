package dev.cantata.songs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Regenerate {@code segments} of a song, keeping every sample outside them.
 *
 * @param song blob key of the uploaded song to edit
 * @param segments {@code edit_segments} as sent ({@code [[start,end],…]}, already checked against the song)
 * @param style the style of the new material
 * @param skippedLines what the request's LRC reader skipped, told to the client with the task (none is not stored)
 */
public record EditSong(
        String lyrics,
        StyleSource style,
        String song,
        String segments,
        int variations,
        long seed,
        SongOutputs outputs,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> skippedLines)
        implements SongJob {
    public EditSong(
            String lyrics,
            StyleSource style,
            String song,
            String segments,
            int variations,
            long seed,
            SongOutputs outputs) {
        this(lyrics, style, song, segments, variations, seed, outputs, List.of());
    }

    public EditSong {
        SongJob.check(lyrics, variations);
        skippedLines = skippedLines == null ? List.of() : List.copyOf(skippedLines); // stored before the field: none
        if (song.isBlank() || segments.isBlank()) {
            throw new IllegalArgumentException("an edit needs the song and its segments");
        }
    }
}
