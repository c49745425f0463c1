package dev.cantata.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@link CantataClient#generateSong} and {@link CantataClient#editSong} upload: LRC lyrics, a style as words
 * ({@code refPrompt}) or a recording ({@code refAudio}), the length, and for an edit the song and its segments.
 */
public record SongUpload(
        String lrc,
        @Nullable String refPrompt,
        byte @Nullable [] refAudio,
        int audioLength,
        int batchInferNum,
        byte @Nullable [] refSong,
        @Nullable List<double[]> editSegments) {

    public static SongUpload prompt(String lrc, String style, int audioLength) {
        return new SongUpload(lrc, style, null, audioLength, 1, null, null);
    }

    public static SongUpload reference(String lrc, byte[] recording, int audioLength) {
        return new SongUpload(lrc, null, recording, audioLength, 1, null, null);
    }

    /** An edit of {@code song}: regenerate {@code segments} ([start, end] seconds, -1 = the song's start or end). */
    public SongUpload editing(byte[] song, List<double[]> segments) {
        return new SongUpload(lrc, refPrompt, refAudio, audioLength, batchInferNum, song, List.copyOf(segments));
    }

    public SongUpload withVariations(int count) {
        return new SongUpload(lrc, refPrompt, refAudio, audioLength, count, refSong, editSegments);
    }
}
