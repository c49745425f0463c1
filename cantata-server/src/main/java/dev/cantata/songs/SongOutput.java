package dev.cantata.songs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A file a song is written as, besides its score ({@code song-K.json}), which is always written. */
public enum SongOutput {
    /** {@code song-K.wav}: the 16-bit master every other file, edit and extension is made from. */
    WAV,
    /** {@code song-K.mp3}: 192 kb/s, what Suno clients play. */
    MP3,
    /** {@code song-K.STEM.flac}: the stems the master was mixed from (needs ffmpeg; skipped without it). */
    STEMS;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SongOutput ofWire(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
