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
 * @param title the song's title, or null to take it from the lyrics
 * @param extendsSong the master blob of a song to continue (instead of making a new one), or null
 * @param continueAt where to continue it, seconds
 * @param labels what the asking dialect wants kept with the song and given back (tags, model, prompt…)
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
    @Nullable String title,
    @Nullable String extendsSong,
    double continueAt,
    java.util.Map<String, String> labels) {

  public static final String KIND = "song";

  public SongJob {
    labels = labels == null ? java.util.Map.of() : java.util.Map.copyOf(labels);
  }

  public String label(String name) {
    return labels.getOrDefault(name, "");
  }

  /** The song task {@code id} names, if it is a task id at all and the task exists and is a song's. */
  public static java.util.Optional<dev.cantata.jobs.Task> find(dev.cantata.jobs.TaskStore tasks, String id) {
    java.util.UUID uuid;
    try {
      uuid = java.util.UUID.fromString(id.strip());
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
    return tasks.find(uuid).filter(t -> t.kind().equals(KIND));
  }
}
