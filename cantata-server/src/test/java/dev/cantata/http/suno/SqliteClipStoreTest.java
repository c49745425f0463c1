package dev.cantata.http.suno;

/** The clip library's SQL on SQLite, the default database. */
final class SqliteClipStoreTest extends ClipStoreContract {
    @Override
    String url() {
        return "jdbc:sqlite:" + dir.resolve("clips.db");
    }
}
