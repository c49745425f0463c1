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

    public SongSpec {
        if (length != null && !(length >= 5 && length <= 600)) {
            throw new IllegalArgumentException("length " + length + " s is outside 5–600 s");
        }
    }

    public static SongSpec of(String lyrics, String style, @Nullable Double length, long seed) {
        return new SongSpec(lyrics, style, length, seed, false, null, null, 0);
    }
}
