package dev.cantata.http.suno;

import dev.cantata.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/** The clip library's SQL on PostgreSQL, in a schema of its own so no other test's clips or tasks are seen. */
@Tag("postgres")
final class PostgresClipStoreTest extends ClipStoreContract {
    private final String schema =
            "clips_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private @Nullable String base;

    @BeforeEach
    @Override
    void open() {
        base = PostgresTestDatabase.url();
        try (Connection c = DriverManager.getConnection(base);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("creating schema " + schema, e);
        }
        super.open();
    }

    @AfterEach
    @Override
    void close() {
        super.close();
        if (base != null) {
            try (Connection c = DriverManager.getConnection(base);
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("dropping schema " + schema, e);
            }
        }
    }

    @Override
    String url() {
        return base + (base != null && base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
