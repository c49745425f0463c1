package dev.cantata.http.suno;

import dev.cantata.blobs.BlobStore;
import dev.cantata.http.ApiException;
import dev.cantata.jobs.Library;
import dev.cantata.jobs.Task;
import dev.cantata.jobs.TaskStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The Suno clips as a library, not scratch: bots and apps keep {@code audio_url}s and ids, so a clip stays until its
 * account deletes it, or for {@code clip-retention} after it finishes when that is set, and never while an extension
 * or a replaced section of it is still to be made (it reads the clip's audio when it runs). Deleting a clip deletes its song task (each
 * clip has its own, so its sibling from the same request is untouched), its files and its stem clips; deleting a stem
 * clip deletes only its row, since its audio is its clip's.
 */
final class ClipLibrary implements Library {
    private static final int BATCH = 200;

    private final ClipStore store;
    private final TaskStore tasks;
    private final BlobStore blobs;
    private final @Nullable Duration retention;

    /** @param retention how long clips are kept after they finish; null keeps them until they are deleted */
    ClipLibrary(ClipStore store, TaskStore tasks, BlobStore blobs, @Nullable Duration retention) {
        this.store = store;
        this.tasks = tasks;
        this.blobs = blobs;
        this.retention = retention;
    }

    /** What a delete did: the clips deleted (stem clips of a deleted clip included) and the ids it found no clip for. */
    record Deleted(List<UUID> deleted, List<String> notFound) {}

    @Override
    public String table() {
        return ClipStore.TABLE;
    }

    @Override
    public int sweep(Instant now) throws IOException {
        if (retention == null) {
            return 0;
        }
        int deleted = 0;
        List<UUID> due;
        do {
            due = store.finishedBefore(now.minus(retention), BATCH);
            for (UUID id : due) {
                deleteSong(id);
                deleted++;
            }
        } while (due.size() == BATCH);
        return deleted;
    }

    /**
     * Deletes the clips {@code ids} name that are {@code account}'s; an id that names no clip of the account (unknown,
     * deleted, someone else's, or not an id) is listed as not found. Nothing is deleted when one of them is a clip an
     * extension or a replaced section still to be made reads from, unless that clip is deleted with it.
     *
     * @throws ApiException 409 naming the clip and the one still to be made from it
     */
    Deleted delete(String account, List<String> ids) throws IOException {
        Map<UUID, SunoClip> found = new LinkedHashMap<>();
        List<String> notFound = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            Optional<SunoClip> clip = parse(id).flatMap(store::find);
            if (clip.isPresent() && clip.get().account().equals(account)) {
                found.put(clip.get().id(), clip.get());
            } else {
                notFound.add(id);
            }
        }
        for (SunoClip clip : found.values()) {
            if (clip.stem() != null) {
                continue;
            }
            for (UUID reader : store.pendingReaders(clip.id())) {
                if (!found.containsKey(reader)) {
                    throw new ApiException(
                            409,
                            "Clip " + clip.id() + " cannot be deleted yet: clip " + reader
                                    + " (an extension or a replaced section) is still being made from its audio."
                                    + " Delete it once that clip is made, or delete both together");
                }
            }
        }
        Set<UUID> deleted = new LinkedHashSet<>();
        // newest first, so an extension deleted with its source goes before it
        List<SunoClip> order = new ArrayList<>(found.values());
        order.sort(Comparator.comparing(SunoClip::createdAt).reversed());
        for (SunoClip clip : order) {
            if (clip.stem() != null) {
                if (store.deleteStem(clip.id())) {
                    deleted.add(clip.id());
                }
            } else {
                deleted.add(clip.id());
                deleted.addAll(store.stemsOf(clip.id()));
                deleteSong(clip.id());
            }
        }
        return new Deleted(List.copyOf(deleted), List.copyOf(notFound));
    }

    /**
     * Deletes a clip's song task, which takes its clip row and stem clips with it, then its files. The row goes first:
     * a crash between leaves a folder without a task, which the retention sweep removes, never a clip whose files are
     * gone. A worker still making the song finds its claim gone at its next renewal and stops.
     */
    private void deleteSong(UUID id) throws IOException {
        tasks.delete(id);
        blobs.delete(Task.blobFolder(id));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
