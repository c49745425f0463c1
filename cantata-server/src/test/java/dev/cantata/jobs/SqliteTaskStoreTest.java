package dev.cantata.jobs;

import dev.cantata.db.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The task store contract on SQLite, the default database. */
final class SqliteTaskStoreTest extends TaskStoreContract {
    @TempDir
    Path dir;

    @Override
    Database openDatabase() {
        return Database.open("jdbc:sqlite:" + dir.resolve("tasks.db"));
    }
}
