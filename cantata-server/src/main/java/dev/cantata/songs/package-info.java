/**
 * Songs as durable tasks: the song engine started on first use ({@link dev.cantata.songs.Studio}), a song's files in
 * the blob store ({@link dev.cantata.songs.SongFiles}), and the task handler that makes and edits songs
 * ({@link dev.cantata.songs.SongTasks}) for every API dialect that asks for them.
 */
@NullMarked
package dev.cantata.songs;

import org.jspecify.annotations.NullMarked;
