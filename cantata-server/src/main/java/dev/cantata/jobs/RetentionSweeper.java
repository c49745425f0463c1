package dev.cantata.jobs;

import dev.cantata.blobs.BlobStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes finished tasks and their files once they are older than the retention, in one scheduled sweep (not a
 * sleeping thread per task, as upstream does). Tasks a {@link Library} keeps are left to it: the sweep asks each library
 * to delete what its own retention says is due. It also removes task folders that have no task row (left by a delete
 * that raced a running worker) and temporaries left by a crash mid-write.
 */
public final class RetentionSweeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweeper.class);
    private static final int BATCH = 200;
    /** Files younger than this are never treated as orphans: their task may be being written right now. */
    private static final Duration ORPHAN_AGE = Duration.ofHours(1);

    private final TaskStore store;
    private final BlobStore blobs;
    private final Duration retention;
    private final InstantSource clock;
    private final List<Library> libraries;
    private final List<String> kept;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cantata-retention");
        t.setDaemon(true);
        return t;
    });

    /** A sweep of scratch tasks only: no library keeps any. */
    public RetentionSweeper(TaskStore store, BlobStore blobs, Duration retention, InstantSource clock) {
        this(store, blobs, retention, clock, List.of());
    }

    /** @param libraries the libraries whose tasks the {@code retention} leaves alone, each swept by its own rule */
    public RetentionSweeper(
            TaskStore store, BlobStore blobs, Duration retention, InstantSource clock, List<Library> libraries) {
        this.store = store;
        this.blobs = blobs;
        this.retention = retention;
        this.clock = clock;
        this.libraries = List.copyOf(libraries);
        this.kept = this.libraries.stream().map(Library::table).toList();
    }

    /** Sweeps now and then every {@code interval}. */
    public void start(Duration interval) {
        long every = Math.max(1, interval.toMillis());
        // sweepLogged catches and logs every failure, so the future never holds one to look at
        var unused = scheduler.scheduleWithFixedDelay(this::sweepLogged, 0, every, TimeUnit.MILLISECONDS);
    }

    /** One sweep: returns how many tasks it deleted, scratch and kept in a library. */
    public int sweep() throws IOException {
        Instant now = clock.instant();
        int deleted = 0;
        List<Task> expired;
        do {
            expired = store.finishedBefore(now.minus(retention), BATCH, kept);
            for (Task task : expired) {
                blobs.delete(Task.blobFolder(task.id()));
                for (String key : task.blobs()) {
                    blobs.delete(key);
                }
                store.delete(task.id());
                deleted++;
            }
        } while (expired.size() == BATCH);
        for (Library library : libraries) {
            deleted += library.sweep(now);
        }
        Instant orphanCutoff = now.minus(ORPHAN_AGE);
        for (BlobStore.Entry entry : blobs.list("tasks")) {
            if (entry.modified().isBefore(orphanCutoff) && isOrphan(entry.name())) {
                blobs.delete("tasks/" + entry.name());
            }
        }
        blobs.deleteStaleTemporaries(orphanCutoff);
        return deleted;
    }

    private boolean isOrphan(String folder) {
        UUID id;
        try {
            id = UUID.fromString(folder);
        } catch (IllegalArgumentException e) {
            return false; // not a task folder; not ours to judge
        }
        return store.find(id).isEmpty();
    }

    private void sweepLogged() {
        try {
            int deleted = sweep();
            if (deleted > 0) {
                LOG.info(
                        "retention: deleted {} finished tasks (scratch older than {}, or due in a library)",
                        deleted,
                        retention);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("retention sweep failed; trying again at the next one", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
