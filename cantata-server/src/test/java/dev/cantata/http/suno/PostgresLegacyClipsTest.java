package dev.cantata.http.suno;

import dev.cantata.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/** The clip table's migration on PostgreSQL, in a schema of its own (the shared database is migrated already). */
@Tag("postgres")
final class PostgresLegacyClipsTest extends LegacyClipsContract {
    private final String schema =
            "legacy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private String base;

    @BeforeEach
    void createSchema() throws Exception {
        base = PostgresTestDatabase.url();
        try (Connection c = DriverManager.getConnection(base);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (base != null) {
            try (Connection c = DriverManager.getConnection(base);
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Override
    String url() {
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    String migrations() {
        return "classpath:db/postgresql";
    }

    @Override
    Object bind(UUID id) {
        return id;
    }
}
