package dev.cantata.songs;

/**
 * Regenerate {@code segments} of a song, keeping every sample outside them.
 *
 * @param song blob key of the uploaded song to edit
 * @param segments {@code edit_segments} as sent ({@code [[start,end],…]}, already checked against the song)
 * @param style the style of the new material
 */
public record EditSong(
        String lyrics, StyleSource style, String song, String segments, int variations, long seed, SongOutputs outputs)
        implements SongJob {
    public EditSong {
        SongJob.check(lyrics, variations);
        if (song.isBlank() || segments.isBlank()) {
            throw new IllegalArgumentException("an edit needs the song and its segments");
        }
    }
}
