package dev.cantata.http.suno;

import dev.cantata.db.Database;
import dev.cantata.db.Dialect;
import dev.cantata.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code suno_clips} table: one row a clip, deleted with its task. */
final class ClipStore {
    /** The table whose rows make song tasks clips: the Suno library ({@link ClipLibrary}). */
    static final String TABLE = "suno_clips";

    private static final String UNFINISHED = "('queued', 'processing')";

    private final Jdbc jdbc;
    private final Dialect dialect;

    ClipStore(Database database) {
        this.jdbc = database.jdbc();
        this.dialect = database.dialect();
    }

    /** Adds a clip; its task must exist. */
    void insert(SunoClip clip) {
        jdbc.update(
                "recording Suno clip " + clip.id(),
                "INSERT INTO suno_clips (id, account, model, title, tags, negative_tags, description, type, lyrics,"
                        + " source_clip, continue_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                dialect.id(clip.id()),
                clip.account(),
                clip.model(),
                clip.title(),
                clip.tags(),
                clip.negativeTags(),
                clip.description(),
                clip.type().wire(),
                clip.lyrics(),
                clip.source() == null ? null : dialect.id(clip.source()),
                clip.source() == null ? null : clip.continueAt(),
                clip.createdAt().toEpochMilli());
    }

    Optional<SunoClip> find(UUID id) {
        return jdbc.queryOne(
                "reading Suno clip " + id, "SELECT * FROM suno_clips WHERE id = ?", ClipStore::clip, dialect.id(id));
    }

    /** Page {@code page} (from 0) of an account's clips, newest first, {@code size} a page. */
    List<SunoClip> feed(String account, int page, int size) {
        return jdbc.query(
                "listing the clips of " + account,
                "SELECT * FROM suno_clips WHERE account = ? ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
                ClipStore::clip,
                account,
                size,
                (long) page * size);
    }

    /** The extensions of {@code source} still to be made (queued or being made): they read its audio when they run. */
    List<UUID> pendingExtensions(UUID source) {
        return jdbc.query(
                "listing the extensions of Suno clip " + source + " still to be made",
                "SELECT e.id FROM suno_clips e JOIN tasks t ON t.id = e.id WHERE e.source_clip = ? AND t.status IN "
                        + UNFINISHED + " ORDER BY e.created_at",
                row -> UUID.fromString(row.getString(1)),
                dialect.id(source));
    }

    /**
     * Up to {@code limit} clips whose tasks finished before {@code cutoff}, oldest first, leaving out those an extension
     * still to be made reads from.
     */
    List<UUID> finishedBefore(Instant cutoff, int limit) {
        return jdbc.query(
                "listing Suno clips past their retention",
                "SELECT c.id FROM suno_clips c JOIN tasks t ON t.id = c.id WHERE t.finished_at IS NOT NULL"
                        + " AND t.finished_at < ? AND NOT EXISTS (SELECT 1 FROM suno_clips e JOIN tasks et"
                        + " ON et.id = e.id WHERE e.source_clip = c.id AND et.status IN " + UNFINISHED + ")"
                        + " ORDER BY t.finished_at LIMIT ?",
                row -> UUID.fromString(row.getString(1)),
                cutoff.toEpochMilli(),
                limit);
    }

    private static SunoClip clip(ResultSet row) throws SQLException {
        String source = row.getString("source_clip");
        double continueAt = row.getDouble("continue_at");
        return new SunoClip(
                UUID.fromString(row.getString("id")),
                row.getString("account"),
                row.getString("model"),
                row.getString("title"),
                row.getString("tags"),
                row.getString("negative_tags"),
                row.getString("description"),
                ClipType.ofWire(row.getString("type")),
                row.getString("lyrics"),
                source == null ? null : UUID.fromString(source),
                continueAt,
                Instant.ofEpochMilli(row.getLong("created_at")));
    }
}
