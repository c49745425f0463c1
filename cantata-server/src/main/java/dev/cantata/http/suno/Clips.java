package dev.cantata.http.suno;

import dev.cantata.http.ApiException;
import dev.cantata.jobs.Task;
import dev.cantata.jobs.TaskStatus;
import dev.cantata.jobs.TaskStore;
import dev.cantata.music.Stem;
import dev.cantata.songs.SongJob;
import dev.cantata.songs.SongTasks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Finds clips: a clip's row, its task, what was made and its status word, by id or a page of an account's feed. A stem
 * clip shows the task of the clip it comes from.
 */
final class Clips {
    static final int PAGE = 20;

    private final ClipStore store;
    private final TaskStore tasks;
    private final InstantSource clock;
    private final Duration hold;
    private final @Nullable Duration retention;

    /** @param retention how long a finished clip is kept ({@code clip-retention}), null: until it is deleted */
    Clips(ClipStore store, TaskStore tasks, InstantSource clock, Duration hold, @Nullable Duration retention) {
        this.store = store;
        this.tasks = tasks;
        this.clock = clock;
        this.hold = hold;
        this.retention = retention;
    }

    /**
     * A clip as a client sees it now.
     *
     * @param queuePosition its task's place in the song queue (1: next), 0 once it is no longer queued
     * @param expiresAt when the retention sweep will delete it (at its first run after), null: not until deleted
     */
    record Clip(
            SunoClip info,
            Task task,
            SongTasks.@Nullable Made made,
            ClipStatus status,
            long queuePosition,
            @Nullable Instant expiresAt) {
        UUID id() {
            return info.id();
        }

        @Nullable
        Double duration() {
            return made == null ? null : made.seconds();
        }

        /** The made song's title once there is one, else the one asked for; a stem clip's says which stem it is. */
        String title() {
            String title = made != null ? made.title() : info.title();
            return info.stem() == null ? title : title + " (" + info.stem().wireName() + ")";
        }
    }

    /** The clip {@code id} names, or a 404. */
    Clip get(String id) throws IOException {
        return find(id).orElseThrow(() -> ApiException.notFound("Clip not found: " + id));
    }

    Optional<Clip> find(String id) throws IOException {
        UUID uuid;
        try {
            uuid = UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<SunoClip> info = store.find(uuid);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        Optional<Task> task = tasks.find(info.get().task());
        return task.isEmpty() ? Optional.empty() : Optional.of(clip(info.get(), task.get()));
    }

    /** The clip named by {@code id}, which must be finished; {@code missing} is the 400 when no id was given. */
    Clip finished(String id, String missing) throws IOException {
        if (id.isBlank()) {
            throw ApiException.badRequest(missing);
        }
        Clip c = get(id);
        if (c.task().status() != TaskStatus.COMPLETED) {
            throw ApiException.badRequest(
                    "Clip " + id.strip() + " is not complete yet (" + c.status().wire() + ")");
        }
        return c;
    }

    /**
     * Stem {@code stem} of {@code clip} (a finished song clip) as a clip of its own: made now the first time it is asked
     * for, the same clip every time after. Its id is derived from the clip's and the stem's.
     */
    Clip stem(Clip clip, Stem stem) throws IOException {
        UUID id = UUID.nameUUIDFromBytes((clip.id() + "/" + stem.wireName()).getBytes(StandardCharsets.UTF_8));
        return clip(store.insertStem(id, clip.info(), stem, clock.instant()), clip.task());
    }

    /** Page {@code page} of an account's clips, newest first: two statements, whatever the feed's length. */
    List<Clip> feed(String account, int page) throws IOException {
        return withTasks(store.feed(account, page, PAGE));
    }

    /**
     * Every version of the song {@code clip} is a version of (its line's first clip, while it exists, and every clip
     * made from it or from another version), oldest first; a stem clip's are its clip's.
     */
    List<Clip> versions(Clip clip) throws IOException {
        UUID root = clip.info().stem() == null
                ? clip.info().root()
                : store.find(clip.info().task())
                        .map(SunoClip::root)
                        .orElse(clip.info().task());
        return withTasks(store.versions(root));
    }

    /** The rows with their tasks: two statements, however many rows. */
    private List<Clip> withTasks(List<SunoClip> rows) throws IOException {
        Map<UUID, Task> byId = tasks
                .findAll(rows.stream().map(SunoClip::task).distinct().toList())
                .stream()
                .collect(Collectors.toMap(Task::id, Function.identity()));
        List<Clip> out = new ArrayList<>();
        for (SunoClip row : rows) {
            Task task = byId.get(row.task());
            if (task != null && task.kind().equals(SongJob.KIND)) {
                out.add(clip(row, task));
            }
        }
        return out;
    }

    private Clip clip(SunoClip info, Task task) throws IOException {
        SongTasks.@Nullable Made made = null;
        if (task.status() == TaskStatus.COMPLETED && task.result() != null) {
            List<SongTasks.Made> songs = SongTasks.result(task.result()).songs();
            made = songs.isEmpty() ? null : songs.get(0);
        }
        Instant finished = task.finishedAt();
        return new Clip(
                info,
                task,
                made,
                ClipStatus.of(task, clock.instant(), hold),
                tasks.queuePosition(task),
                retention == null || finished == null ? null : finished.plus(retention));
    }
}
