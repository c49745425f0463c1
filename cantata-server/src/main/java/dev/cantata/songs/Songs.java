package dev.cantata.songs;

import dev.cantata.audio.Codecs;
import dev.cantata.blobs.BlobStore;
import dev.cantata.jobs.TaskStore;
import dev.cantata.jobs.TaskWorkers;

/**
 * What a node offers the song dialects: the task queue and its workers, the blob store and a song's files in it, the
 * codecs for uploads, the engine (started on first use) and the seeds for new songs.
 */
public record Songs(
    TaskStore tasks, TaskWorkers workers, BlobStore blobs, Codecs codecs, SongFiles files, Studio studio, Seeds seeds) {}
