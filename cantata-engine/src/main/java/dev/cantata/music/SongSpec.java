package dev.cantata.music;

import dev.cantata.speech.VoiceProfile;
import org.jspecify.annotations.Nullable;

/**
 * What song to make.
 *
 * @param lyrics Suno section markup or LRC; empty for an instrumental
 * @param style free text: genres, moods, instruments, voice, tempo, key
 * @param length exact length in seconds, or null for the lyrics' natural length
 * @param seed the same spec and seed give the same bytes
 * @param instrumental sing nothing even if there are lyrics
 * @param singer a voice to sing with (any voice of the speaker library), or null to choose from the style
 * @param singerMedianF0 where that voice speaks, Hz (sets the melody's range)
 */
public record SongSpec(
        String lyrics,
        String style,
        @Nullable Double length,
        long seed,
        boolean instrumental,
        @Nullable String title,
        @Nullable VoiceProfile singer,
        double singerMedianF0) {

    /** The shortest song that can be asked for, seconds. */
    public static final int MIN_LENGTH = 5;
    /**
     * The longest song, seconds, asked for or not: lyrics whose natural length is longer are cut, and the lines left out
     * are reported in {@code dropped_lines}. It bounds what one song costs (a 600 s master and its stems are about
     * 1 GB of float samples while being made).
     */
    public static final int MAX_LENGTH = 600;

    public SongSpec {
        if (length != null && !(length >= MIN_LENGTH && length <= MAX_LENGTH)) {
            throw new IllegalArgumentException(
                    "length " + length + " s is outside " + MIN_LENGTH + "–" + MAX_LENGTH + " s");
        }
    }

    public static SongSpec of(String lyrics, String style, @Nullable Double length, long seed) {
        return new SongSpec(lyrics, style, length, seed, false, null, null, 0);
    }
}
