package dev.cantata.songs;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.cantata.jobs.Task;
import dev.cantata.jobs.TaskStore;
import java.util.Optional;
import java.util.UUID;

/**
 * What a song task is asked to make, as stored with the task: a new song, an edit of segments of a song, or a
 * continuation of one. Every dialect builds one of these and {@link SongTasks} switches over them. Each is checked in
 * its compact constructor, so a task in the queue is always one the worker can run.
 *
 * <p>Stored as JSON tagged by {@code "job"} ({@link SongJobs#write}); tasks queued before the tag existed are read by
 * {@link SongJobs#read} too.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "job")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NewSong.class, name = "new"),
    @JsonSubTypes.Type(value = EditSong.class, name = "edit"),
    @JsonSubTypes.Type(value = ExtendSong.class, name = "extend")
})
public sealed interface SongJob permits NewSong, EditSong, ExtendSong {
    /** The task kind of every song job. */
    String KIND = "song";

    /** The most variations one task makes (DiffRhythm's {@code batch_infer_num} goes to 8). */
    int MAX_VARIATIONS = 8;

    /** LRC or Suno section markup; blank for an instrumental. */
    String lyrics();

    /** The first variation's seed; variation k uses {@code seed + k}. */
    long seed();

    /** How many songs the task makes, from consecutive seeds. */
    int variations();

    /** Which files each song is written as. */
    SongOutputs outputs();

    /** What the request's LRC reader skipped ({@code LRC line 3 has no [mm:ss.xx] time tag: …}), to tell the client. */
    default java.util.List<String> skippedLines() {
        return java.util.List.of();
    }

    /** The song task {@code id} names, if it is a task id at all and the task exists and is a song's. */
    static Optional<Task> find(TaskStore tasks, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return tasks.find(uuid).filter(t -> t.kind().equals(KIND));
    }

    /** Checks what every job shares. */
    static void check(String lyrics, int variations) {
        if (variations < 1 || variations > MAX_VARIATIONS) {
            throw new IllegalArgumentException("variations must be 1 to " + MAX_VARIATIONS + ", not " + variations);
        }
        if (lyrics == null) {
            throw new IllegalArgumentException("a song job needs lyrics (blank for an instrumental)");
        }
    }
}
