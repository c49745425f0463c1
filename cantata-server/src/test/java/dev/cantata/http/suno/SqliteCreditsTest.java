package dev.cantata.http.suno;

import dev.cantata.db.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Credits on SQLite, the default database. */
final class SqliteCreditsTest extends CreditsContract {
    @TempDir
    Path dir;

    @Override
    Database openDatabase() {
        return Database.open("jdbc:sqlite:" + dir.resolve("credits.db"));
    }
}
