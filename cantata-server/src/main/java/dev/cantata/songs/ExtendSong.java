package dev.cantata.songs;

import org.jspecify.annotations.Nullable;

/**
 * Continue a song this node made: its samples up to the first beat at or after {@code continueAt}, then new
 * material from {@code lyrics} in its key, tempo and instruments unless {@code style} names others.
 *
 * @param source the master blob key of the song to continue ({@link SongFiles#master})
 * @param continueAt where to continue it, seconds from its start
 * @param style style words added to the source's
 * @param title the title, or null to take it from the lyrics
 */
public record ExtendSong(
        String lyrics,
        String style,
        String source,
        double continueAt,
        long seed,
        @Nullable String title,
        SongOutputs outputs)
        implements SongJob {
    public ExtendSong {
        SongJob.check(lyrics, 1);
        if (SongFiles.origin(source).isEmpty()) {
            throw new IllegalArgumentException("not a song's master: " + source);
        }
        if (!(continueAt > 0)) {
            throw new IllegalArgumentException("continue_at must be after the start, not " + continueAt);
        }
        if (title != null && title.isBlank()) {
            title = null;
        }
    }

    @Override
    public int variations() {
        return 1;
    }
}
