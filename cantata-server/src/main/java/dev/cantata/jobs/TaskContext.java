package dev.cantata.jobs;

import dev.cantata.blobs.BlobStore;
import java.io.IOException;
import java.time.Duration;

/** What a running handler may do to its task: report progress and write its files. One per claim. */
public final class TaskContext {
    private final TaskStore store;
    private final BlobStore blobs;
    private final Claim claim;
    private final Duration lease;
    private volatile boolean lost;

    TaskContext(TaskStore store, BlobStore blobs, Claim claim, Duration lease) {
        this.store = store;
        this.blobs = blobs;
        this.claim = claim;
        this.lease = lease;
    }

    /**
     * Records progress and the stage in words, and renews the lease.
     *
     * @throws TaskCancelledException if the task is no longer this worker's
     */
    public void progress(int percent, String stage) {
        checkCancelled();
        if (!store.progress(claim, percent, stage, lease)) {
            lost = true;
            checkCancelled();
        }
    }

    /**
     * Writes one of the task's files, whole, under the task's folder.
     *
     * @return the blob key to list in the {@link TaskResult}
     * @throws TaskCancelledException if the task is no longer this worker's
     */
    public String writeBlob(String name, BlobStore.Content content) throws IOException {
        checkCancelled();
        String key = Task.blobFolder(claim.task().id()) + "/" + name;
        blobs.write(key, content);
        return key;
    }

    /**
     * Returns quietly while the task is still this worker's.
     *
     * @throws TaskCancelledException if the task was cancelled, taken over, or this node is stopping
     */
    public void checkCancelled() {
        if (lost) {
            throw new TaskCancelledException("task " + claim.task().id() + " is no longer this worker's");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new TaskCancelledException("task " + claim.task().id() + " was interrupted");
        }
    }

    void markLost() {
        lost = true;
    }

    boolean isLost() {
        return lost;
    }

    Claim claim() {
        return claim;
    }
}
