package dev.cantata.jobs;

import dev.cantata.db.Database;
import dev.cantata.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Tag;

/** The task store contract on a real PostgreSQL, the database several nodes share. */
@Tag("postgres")
final class PostgresTaskStoreTest extends TaskStoreContract {
    @Override
    Database openDatabase() {
        return Database.open(PostgresTestDatabase.url());
    }
}
