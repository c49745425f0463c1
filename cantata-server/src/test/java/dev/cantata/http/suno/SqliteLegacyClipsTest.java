package dev.cantata.http.suno;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/** The clip table's migration on SQLite. */
final class SqliteLegacyClipsTest extends LegacyClipsContract {
    @TempDir
    Path dir;

    @Override
    String url() {
        return "jdbc:sqlite:" + dir.resolve("legacy.db");
    }

    @Override
    String migrations() {
        return "classpath:db/sqlite";
    }

    @Override
    Object bind(UUID id) {
        return id.toString();
    }
}
