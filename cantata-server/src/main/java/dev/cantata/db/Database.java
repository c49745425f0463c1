package dev.cantata.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * A migrated, pooled database. SQLite runs in WAL mode with a busy timeout, so readers never block and writers queue
 * in SQLite's own single-writer lock; PostgreSQL gets a normal pool. Migrations run on open, before anything else
 * touches the schema.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final Dialect dialect;
  private final Jdbc jdbc;

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
    return new Database(dataSource, dialect);
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
