package dev.cantata.http.suno;

import dev.cantata.db.Database;
import dev.cantata.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Tag;

/** Credits on a real PostgreSQL, the database several nodes share. */
@Tag("postgres")
final class PostgresCreditsTest extends CreditsContract {
    @Override
    Database openDatabase() {
        return Database.open(PostgresTestDatabase.url());
    }
}
