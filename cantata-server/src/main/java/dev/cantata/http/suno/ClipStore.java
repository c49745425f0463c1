package dev.cantata.http.suno;

import dev.cantata.db.Database;
import dev.cantata.db.Dialect;
import dev.cantata.db.Jdbc;
import dev.cantata.music.Stem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The {@code suno_clips} table (one row a clip, deleted with its task) and {@code suno_stems} (one row a stem clip,
 * deleted with the clip it comes from). A stem clip is read joined with its clip's row, so both read as {@link
 * SunoClip}s.
 */
final class ClipStore {
    /** The table whose rows make song tasks clips: the Suno library ({@link ClipLibrary}). */
    static final String TABLE = "suno_clips";

    // Both selects give the same columns, so a clip and a stem clip map alike (and the feed is their union).
    private static final String CLIP_ROWS = "SELECT c.id AS id, NULL AS stem, c.account AS account, c.model AS model,"
            + " c.title AS title, c.tags AS tags, c.negative_tags AS negative_tags, c.description AS description,"
            + " c.type AS type, c.lyrics AS lyrics, c.source_clip AS source_clip, c.continue_at AS continue_at,"
            + " c.created_at AS created_at, l.parent AS parent, l.root AS root, l.kind AS kind, l.start_s AS start_s,"
            + " l.end_s AS end_s, l.lyrics AS new_lyrics FROM suno_clips c LEFT JOIN suno_lineage l ON l.clip = c.id";
    private static final String STEM_ROWS = "SELECT s.id AS id, s.stem AS stem, s.account AS account, c.model AS model,"
            + " c.title AS title, c.tags AS tags, c.negative_tags AS negative_tags, c.description AS description,"
            + " 'stem' AS type, c.lyrics AS lyrics, c.id AS source_clip, 0 AS continue_at, s.created_at AS created_at,"
            + " NULL AS parent, NULL AS root, NULL AS kind, NULL AS start_s, NULL AS end_s, NULL AS new_lyrics"
            + " FROM suno_stems s JOIN suno_clips c ON c.id = s.clip";
    private static final String UNFINISHED = "('queued', 'processing')";

    private final Jdbc jdbc;
    private final Dialect dialect;

    ClipStore(Database database) {
        this.jdbc = database.jdbc();
        this.dialect = database.dialect();
    }

    /** Adds a clip (and where it comes from, when it is a version of another); its task must exist. */
    void insert(SunoClip clip) {
        if (clip.type() == ClipType.STEM) {
            throw new IllegalArgumentException("a stem clip is stored with insertStem");
        }
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
        Lineage line = clip.lineage();
        if (line != null) {
            jdbc.update(
                    "recording where Suno clip " + clip.id() + " comes from",
                    "INSERT INTO suno_lineage (clip, parent, root, kind, start_s, end_s, lyrics)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    dialect.id(clip.id()),
                    dialect.id(line.parent()),
                    dialect.id(line.root()),
                    line.kind().wire(),
                    line.start(),
                    line.end(),
                    line.lyrics());
        }
    }

    /**
     * Makes stem {@code stem} of {@code clip} a clip of its own with id {@code id}, unless it already is one (then it
     * keeps its first creation time); the clip must exist.
     *
     * @return the stem clip as stored
     */
    SunoClip insertStem(UUID id, SunoClip clip, Stem stem, Instant createdAt) {
        jdbc.update(
                "recording the " + stem.wireName() + " stem of Suno clip " + clip.id(),
                "INSERT INTO suno_stems (id, clip, stem, account, created_at) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (id) DO NOTHING",
                dialect.id(id),
                dialect.id(clip.id()),
                stem.wireName(),
                clip.account(),
                createdAt.toEpochMilli());
        return find(id).orElseThrow(() -> new IllegalStateException("the stem clip " + id + " was not stored"));
    }

    /** The clip or stem clip {@code id}. */
    Optional<SunoClip> find(UUID id) {
        return jdbc.queryOne(
                "reading Suno clip " + id,
                CLIP_ROWS + " WHERE c.id = ? UNION ALL " + STEM_ROWS + " WHERE s.id = ?",
                ClipStore::clip,
                dialect.id(id),
                dialect.id(id));
    }

    /** Page {@code page} (from 0) of an account's clips and stem clips, newest first, {@code size} a page. */
    List<SunoClip> feed(String account, int page, int size) {
        return jdbc.query(
                "listing the clips of " + account,
                "SELECT * FROM (" + CLIP_ROWS + " WHERE c.account = ? UNION ALL " + STEM_ROWS
                        + " WHERE s.account = ?) feed ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
                ClipStore::clip,
                account,
                account,
                size,
                (long) page * size);
    }

    /**
     * Every version of the song whose first clip is {@code root}: that clip (while it exists) and every clip of its
     * line, oldest first. Stem clips are views of a version, not versions, so none is listed.
     */
    List<SunoClip> versions(UUID root) {
        return jdbc.query(
                "listing the versions of Suno clip " + root,
                CLIP_ROWS + " WHERE c.id = ? OR l.root = ? ORDER BY c.created_at, c.id",
                ClipStore::clip,
                dialect.id(root),
                dialect.id(root));
    }

    /** The stem clips made of {@code clip}. */
    List<UUID> stemsOf(UUID clip) {
        return jdbc.query(
                "listing the stem clips of " + clip,
                "SELECT id FROM suno_stems WHERE clip = ? ORDER BY id",
                row -> UUID.fromString(row.getString(1)),
                dialect.id(clip));
    }

    /** Deletes a stem clip's row (its audio is its clip's, which stays); false when there was none. */
    boolean deleteStem(UUID id) {
        return jdbc.update("deleting Suno stem clip " + id, "DELETE FROM suno_stems WHERE id = ?", dialect.id(id)) == 1;
    }

    /**
     * The clips still to be made (queued or being made) that read {@code source}'s audio when they run: its extensions
     * and its replaced sections.
     */
    List<UUID> pendingReaders(UUID source) {
        return jdbc.query(
                "listing the clips still to be made from Suno clip " + source,
                "SELECT e.id FROM suno_clips e JOIN tasks t ON t.id = e.id LEFT JOIN suno_lineage l ON l.clip = e.id"
                        + " WHERE (e.source_clip = ? OR (l.parent = ? AND l.kind = 'replace')) AND t.status IN "
                        + UNFINISHED + " ORDER BY e.created_at",
                row -> UUID.fromString(row.getString(1)),
                dialect.id(source),
                dialect.id(source));
    }

    /**
     * Up to {@code limit} clips whose tasks finished before {@code cutoff}, oldest first, leaving out those an extension
     * or a replaced section still to be made reads from.
     */
    List<UUID> finishedBefore(Instant cutoff, int limit) {
        return jdbc.query(
                "listing Suno clips past their retention",
                "SELECT c.id FROM suno_clips c JOIN tasks t ON t.id = c.id WHERE t.finished_at IS NOT NULL"
                        + " AND t.finished_at < ? AND NOT EXISTS (SELECT 1 FROM suno_clips e JOIN tasks et"
                        + " ON et.id = e.id WHERE e.source_clip = c.id AND et.status IN " + UNFINISHED + ")"
                        + " AND NOT EXISTS (SELECT 1 FROM suno_lineage v JOIN tasks vt ON vt.id = v.clip"
                        + " WHERE v.parent = c.id AND v.kind = 'replace' AND vt.status IN " + UNFINISHED + ")"
                        + " ORDER BY t.finished_at LIMIT ?",
                row -> UUID.fromString(row.getString(1)),
                cutoff.toEpochMilli(),
                limit);
    }

    private static SunoClip clip(ResultSet row) throws SQLException {
        String source = row.getString("source_clip");
        String stemName = row.getString("stem");
        Stem stem = stemName == null ? null : Stem.of(stemName);
        // a stem clip sings its clip's lyrics only if it is the voice
        String lyrics = stem == null || stem == Stem.VOCALS ? row.getString("lyrics") : "";
        return new SunoClip(
                UUID.fromString(row.getString("id")),
                row.getString("account"),
                row.getString("model"),
                row.getString("title"),
                row.getString("tags"),
                row.getString("negative_tags"),
                row.getString("description"),
                ClipType.ofWire(row.getString("type")),
                lyrics,
                source == null ? null : UUID.fromString(source),
                row.getDouble("continue_at"),
                Instant.ofEpochMilli(row.getLong("created_at")),
                stem,
                lineage(row));
    }

    private static @Nullable Lineage lineage(ResultSet row) throws SQLException {
        String kind = row.getString("kind");
        if (kind == null) {
            return null;
        }
        double start = row.getDouble("start_s");
        Double from = row.wasNull() ? null : start;
        double end = row.getDouble("end_s");
        Double to = row.wasNull() ? null : end;
        return new Lineage(
                UUID.fromString(row.getString("parent")),
                UUID.fromString(row.getString("root")),
                Lineage.Kind.ofWire(kind),
                from,
                to,
                row.getString("new_lyrics"));
    }
}
