package dev.cantata.jobs;

import dev.cantata.db.Dialect;
import java.util.Collections;
import java.util.UUID;

/** The task SQL that differs between databases: how to claim one task, and how ids are bound. */
enum TaskDialect {
    /** SQLite has one writer at a time, so a single UPDATE … RETURNING is already atomic. */
    SQLITE(Dialect.SQLITE, ""),
    /** PostgreSQL lets many nodes claim at once; SKIP LOCKED makes each pass over rows another has locked. */
    POSTGRESQL(Dialect.POSTGRESQL, " FOR UPDATE SKIP LOCKED");

    private final Dialect dialect;
    private final String lockClause;

    TaskDialect(Dialect dialect, String lockClause) {
        this.dialect = dialect;
        this.lockClause = lockClause;
    }

    static TaskDialect of(Dialect dialect) {
        return switch (dialect) {
            case SQLITE -> SQLITE;
            case POSTGRESQL -> POSTGRESQL;
        };
    }

    /** How a task id is bound as a statement parameter. */
    Object id(UUID id) {
        return dialect.id(id);
    }

    /**
     * Claims the oldest claimable task of one of {@code kinds}: queued, or processing under a lease that expired while
     * claims remain. Parameters: token, lease end, now (start time), the kinds, now (lease check), max attempts.
     */
    String claim(int kinds) {
        String placeholders = String.join(", ", Collections.nCopies(kinds, "?"));
        return "UPDATE tasks SET status = 'processing', lease_token = ?, lease_until = ?,"
                + " attempts = attempts + 1, started_at = COALESCE(started_at, ?), progress = 0, stage = 'started'"
                + " WHERE id = (SELECT id FROM tasks WHERE kind IN ("
                + placeholders
                + ") AND (status = 'queued' OR (status = 'processing' AND lease_until < ?)) AND attempts < ?"
                + " ORDER BY created_at, id LIMIT 1"
                + lockClause
                + ") RETURNING *";
    }
}
