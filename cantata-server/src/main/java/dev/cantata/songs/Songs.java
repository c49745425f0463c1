package dev.cantata.songs;

import dev.cantata.audio.Codecs;
import dev.cantata.blobs.BlobStore;
import dev.cantata.jobs.QueueLimit;
import dev.cantata.jobs.QueueLoad;
import dev.cantata.jobs.Task;
import dev.cantata.jobs.TaskStore;
import dev.cantata.jobs.TaskWorkers;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a node offers the song dialects: the task queue and its workers, the blob store and a song's files in it, the
 * codecs for uploads, the engine (started on first use) and the seeds for new songs. {@link #submit} is the one way a
 * song task is queued.
 */
public record Songs(
        TaskStore tasks,
        TaskWorkers workers,
        BlobStore blobs,
        Codecs codecs,
        SongFiles files,
        Studio studio,
        Seeds seeds,
        QueueLimit limit) {
    /** What a song is assumed to take before this node has finished one. */
    private static final Duration TYPICAL_SONG = Duration.ofSeconds(60);

    /**
     * Queues a song job with its input files. The files ({@code name → bytes}) are written to the task's {@code input/}
     * folder before the task exists, so no worker can claim a task whose inputs are missing; if anything fails, the
     * folder is removed and nothing stays behind.
     *
     * @param client who asks (an account or an address), counted against {@link #limit}'s share of one client
     * @param job makes the job from the blob keys the files were written to (same names)
     * @return the new task, as queued
     * @throws SongQueueFull when the queue has no room for it (and nothing was stored)
     */
    public Task submit(String client, Map<String, byte[]> uploads, Function<Map<String, String>, SongJob> job)
            throws IOException {
        UUID id = UUID.randomUUID();
        try {
            Map<String, String> keys = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> upload : uploads.entrySet()) {
                String key = Task.blobFolder(id) + "/input/" + upload.getKey();
                blobs.write(key, upload.getValue());
                keys.put(upload.getKey(), key);
            }
            Task task = tasks.submit(id, SongJob.KIND, SongJobs.write(job.apply(keys)), client, limit)
                    .orElseThrow(() -> full(client, 1));
            workers.wake();
            return task;
        } catch (IOException | RuntimeException e) {
            if (!uploads.isEmpty()) {
                blobs.delete(Task.blobFolder(id));
            }
            throw e;
        }
    }

    /**
     * Refuses at once, before any work, a request for {@code count} songs that the queue has no room for; {@link
     * #submit} checks again as it inserts, so two requests racing past this check still cannot both take the last
     * slot on SQLite.
     *
     * @throws SongQueueFull when the node or the client has too many songs queued or running
     */
    public void admit(String client, int count) {
        QueueLoad load = tasks.load(SongJob.KIND, client);
        if (load.total() + count > limit.total() || load.client() + count > limit.perClient()) {
            throw full(load, client, count);
        }
    }

    private SongQueueFull full(String client, int count) {
        return full(tasks.load(SongJob.KIND, client), client, count);
    }

    /**
     * The refusal, with when to come back: a node-wide slot frees when the next of the running songs finishes (a
     * typical song's time over the workers); the client's own when its oldest song is done, after those ahead of it.
     */
    private SongQueueFull full(QueueLoad load, String client, int count) {
        Duration typical = load.typical() != null ? load.typical() : TYPICAL_SONG;
        int workers = Math.max(1, this.workers.expected());
        boolean clientFull = load.client() + count > limit.perClient();
        Duration wait =
                clientFull ? typical.multipliedBy(load.aheadOfClient() / workers + 1) : typical.dividedBy(workers);
        long seconds = Math.clamp(wait.toSeconds() + 1, 1, 3600);
        String why = clientFull ? client.startsWith("ip:") ? "this address" : "this account" : "this server";
        long held = clientFull ? load.client() : load.total();
        long max = clientFull ? limit.perClient() : limit.total();
        return new SongQueueFull(
                "Too many songs queued: " + why + " has " + held + " queued or being made (at most " + max
                        + "); try again in " + seconds + " s",
                Duration.ofSeconds(seconds));
    }
}
