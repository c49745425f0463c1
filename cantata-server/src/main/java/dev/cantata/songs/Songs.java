package dev.cantata.songs;

import dev.cantata.audio.Codecs;
import dev.cantata.blobs.BlobStore;
import dev.cantata.jobs.Task;
import dev.cantata.jobs.TaskStore;
import dev.cantata.jobs.TaskWorkers;
import java.io.IOException;
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
        Seeds seeds) {

    /**
     * Queues a song job with its input files. The files ({@code name → bytes}) are written to the task's {@code input/}
     * folder before the task exists, so no worker can claim a task whose inputs are missing; if anything fails, the
     * folder is removed and nothing stays behind.
     *
     * @param job makes the job from the blob keys the files were written to (same names)
     * @return the new task, as queued
     */
    public Task submit(Map<String, byte[]> uploads, Function<Map<String, String>, SongJob> job) throws IOException {
        UUID id = UUID.randomUUID();
        try {
            Map<String, String> keys = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> upload : uploads.entrySet()) {
                String key = Task.blobFolder(id) + "/input/" + upload.getKey();
                blobs.write(key, upload.getValue());
                keys.put(upload.getKey(), key);
            }
            Task task = tasks.submit(id, SongJob.KIND, SongJobs.write(job.apply(keys)));
            workers.wake();
            return task;
        } catch (IOException | RuntimeException e) {
            if (!uploads.isEmpty()) {
                blobs.delete(Task.blobFolder(id));
            }
            throw e;
        }
    }
}
