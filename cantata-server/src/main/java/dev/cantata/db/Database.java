package dev.cantata.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * A migrated, pooled database. SQLite runs in WAL mode with a busy timeout, so readers never block and writers queue
 * in SQLite's own single-writer lock; PostgreSQL gets a normal pool. Migrations run on open, before anything else
 * touches the schema.
 */
public final class Database implements AutoCloseable {
    /** How long a statement waits for a connection before it fails. */
    static final int CONNECTION_TIMEOUT_MS = 5_000;

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final Jdbc jdbc;
    private volatile @Nullable String integrity;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Opens and migrates the database at {@code jdbcUrl}, creating a SQLite file's parent folder if needed.
     *
     * @throws DataAccessException if the database cannot be reached or migrated; the message says which
     */
    public static Database open(String jdbcUrl) {
        Dialect dialect = Dialect.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("cantata-db");
        config.setInitializationFailTimeout(10_000);
        // A database that does not answer fails a request in seconds (a 503 the client can retry), rather than holding
        // it for Hikari's default 30 s while requests pile up behind it.
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        if (dialect == Dialect.SQLITE) {
            createParent(jdbcUrl);
            config.setMaximumPoolSize(4);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("busy_timeout", "15000");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("foreign_keys", "true");
        } else {
            config.setMaximumPoolSize(8);
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DataAccessException("connecting to " + redact(jdbcUrl) + " failed: " + e.getMessage(), e);
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(dialect.migrations())
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            dataSource.close();
            throw new DataAccessException("migrating " + redact(jdbcUrl) + " failed: " + e.getMessage(), e);
        }
        Database database = new Database(dataSource, dialect);
        database.checkIntegrity();
        return database;
    }

    /**
     * SQLite's {@code quick_check} at start: a damaged file otherwise starts a node whose every query fails while it
     * looks healthy. The finding is logged and reported by {@link #problem()}; the node still starts, so whatever can
     * still be read can be.
     */
    private void checkIntegrity() {
        if (dialect != Dialect.SQLITE) {
            return; // PostgreSQL checks its own pages (and is not ours to scan at every start)
        }
        try {
            List<String> rows =
                    jdbc.query("checking the database's integrity", "PRAGMA quick_check(5)", row -> row.getString(1));
            if (!rows.equals(List.of("ok"))) {
                integrity = "the database file is damaged (SQLite quick_check: " + String.join("; ", rows) + ")";
            }
        } catch (DataAccessException e) {
            integrity = "the database file is damaged: " + e.getMessage();
        }
        if (integrity != null) {
            LoggerFactory.getLogger(Database.class).error("{}: restore it from a backup", integrity);
        }
    }

    /**
     * What is wrong with the database now, if anything: damage found at start, or no connection within {@link
     * #CONNECTION_TIMEOUT_MS}.
     */
    public Optional<String> problem() {
        if (integrity != null) {
            return Optional.of(integrity);
        }
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2) ? Optional.empty() : Optional.of("the database does not answer");
        } catch (SQLException e) {
            return Optional.of("the database cannot be reached: " + e.getMessage());
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public Jdbc jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static void createParent(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.startsWith("file:")) {
            file = file.substring("file:".length());
        }
        if (file.isEmpty() || file.equals(":memory:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database folder " + parent, e);
        }
    }

    /** The URL without its password, for messages. */
    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
