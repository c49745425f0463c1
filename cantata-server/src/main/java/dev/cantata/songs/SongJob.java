package dev.cantata.songs;

import org.jspecify.annotations.Nullable;

/**
 * A song task's input, as stored with the task (JSON). Uploaded files are blobs in the task's {@code input/} folder.
 *
 * @param edit regenerate {@code segments} of {@code refSong} instead of making a new song
 * @param lyrics LRC or Suno markup; blank for an instrumental
 * @param prompt style words, or null when the style comes from {@code refAudio}
 * @param refAudio blob key of a recording whose style to follow, or null
 * @param length seconds, for a new song
 * @param variations how many songs to make, from consecutive seeds
 * @param seed the first variation's seed
 * @param refSong blob key of the song to edit
 * @param segments {@code edit_segments} as sent
 */
public record SongJob(
    boolean edit,
    String lyrics,
    @Nullable String prompt,
    @Nullable String refAudio,
    double length,
    int variations,
    long seed,
    @Nullable String refSong,
    @Nullable String segments,
    @Nullable String title) {

  public static final String KIND = "song";
}
