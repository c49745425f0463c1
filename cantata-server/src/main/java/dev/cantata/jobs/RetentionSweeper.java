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
 * sleeping thread per task, as upstream does). It also removes task folders that have no task row (left by a delete
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
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cantata-retention");
        t.setDaemon(true);
        return t;
    });

    public RetentionSweeper(TaskStore store, BlobStore blobs, Duration retention, InstantSource clock) {
        this.store = store;
        this.blobs = blobs;
        this.retention = retention;
        this.clock = clock;
    }

    /** Sweeps now and then every {@code interval}. */
    public void start(Duration interval) {
        long every = Math.max(1, interval.toMillis());
        // sweepLogged catches and logs every failure, so the future never holds one to look at
        var unused = scheduler.scheduleWithFixedDelay(this::sweepLogged, 0, every, TimeUnit.MILLISECONDS);
    }

    /** One sweep: returns how many tasks it deleted. */
    public int sweep() throws IOException {
        Instant now = clock.instant();
        int deleted = 0;
        List<Task> expired;
        do {
            expired = store.finishedBefore(now.minus(retention), BATCH);
            for (Task task : expired) {
                blobs.delete(Task.blobFolder(task.id()));
                for (String key : task.blobs()) {
                    blobs.delete(key);
                }
                store.delete(task.id());
                deleted++;
            }
        } while (expired.size() == BATCH);
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
                LOG.info("retention: deleted {} finished tasks older than {}", deleted, retention);
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
