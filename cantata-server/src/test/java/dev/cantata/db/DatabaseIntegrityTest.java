package dev.cantata.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DatabaseIntegrityTest {
    @TempDir
    Path dir;

    /** A database with enough task rows to fill many pages, closed; returns its file. */
    Path databaseWithRows() {
        Path file = dir.resolve("cantata.db");
        try (Database db = Database.open("jdbc:sqlite:" + file)) {
            for (int i = 0; i < 400; i++) {
                db.jdbc()
                        .update(
                                "adding a task",
                                "INSERT INTO tasks (id, kind, input, status, created_at)"
                                        + " VALUES (?, 'song', ?, 'queued', ?)",
                                "id-" + i,
                                "x".repeat(500),
                                i);
            }
            db.jdbc().query("checkpointing", "PRAGMA wal_checkpoint(TRUNCATE)", row -> row.getInt(1));
        }
        return file;
    }

    @Test
    void aSoundDatabaseHasNoProblem() {
        Path file = databaseWithRows();
        try (Database db = Database.open("jdbc:sqlite:" + file)) {
            assertThat(db.problem()).isEmpty();
        }
    }

    @Test
    void aDamagedPageIsFoundAtStartAndReported() throws Exception {
        Path file = databaseWithRows();
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            int pageSize = 4096;
            long pages = raw.length() / pageSize;
            raw.seek((pages - 3) * pageSize); // a page of task rows, far from the schema on page 1
            raw.write(new byte[] {13, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
            byte[] garbage = new byte[pageSize - 12];
            java.util.Arrays.fill(garbage, (byte) 0xA5);
            raw.write(garbage);
        }
        try (Database db = Database.open("jdbc:sqlite:" + file)) {
            assertThat(db.problem()).hasValueSatisfying(p -> assertThat(p).contains("damaged"));
        }
    }
}
