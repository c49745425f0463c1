package dev.cantata.cli;

import dev.cantata.CantataServer;
import dev.cantata.config.ConfigException;
import dev.cantata.config.Settings;
import dev.cantata.config.SettingsLoader;
import dev.cantata.db.DataAccessException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cantata serve}: runs a node until SIGTERM or SIGINT. Every option can also come from an environment variable
 * ({@code CANTATA_PORT}) or the config file; flags win, then the environment, then the file.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the server.")
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE", description = "Properties file (default ./cantata.properties if present).")
  @Nullable String config;

  @Option(names = "--host", description = "Address to bind (default 0.0.0.0).")
  @Nullable String host;

  @Option(names = "--port", description = "Main HTTP port (default 8000).")
  @Nullable String port;

  @Option(names = "--listen", paramLabel = "PORT[,PORT…]", description = "Extra ports with the same routes, e.g. 3000.")
  @Nullable String listen;

  @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default ./data).")
  @Nullable String data;

  @Option(names = "--db", paramLabel = "JDBC_URL", description = "Database (default: SQLite file in the data folder).")
  @Nullable String db;

  @Option(names = "--retention", paramLabel = "DURATION", description = "Keep finished tasks this long (default 24h).")
  @Nullable String retention;

  @Option(names = "--sweep-interval", paramLabel = "DURATION", description = "How often retention runs (default 10m).")
  @Nullable String sweepInterval;

  @Option(names = "--workers", description = "Tasks run at once on this node (default: half the cores, at least 1).")
  @Nullable String workers;

  @Option(names = "--lease", paramLabel = "DURATION", description = "Task lease; a dead node's tasks return after it (default 30s).")
  @Nullable String lease;

  @Option(names = "--max-attempts", description = "Claims a task gets before it is failed (default 3).")
  @Nullable String maxAttempts;

  @Option(names = "--max-request-size", paramLabel = "SIZE", description = "Largest request body (default 64MB).")
  @Nullable String maxRequestSize;

  @Option(names = "--shutdown-grace", paramLabel = "DURATION", description = "Time running requests get on shutdown (default 30s).")
  @Nullable String shutdownGrace;

  @Option(names = "--api-key", paramLabel = "KEY", description = "Require Authorization: Bearer KEY on every route.")
  @Nullable String apiKey;

  @Option(names = "--soundfont", paramLabel = "SF2", description = "Soundfont for the instruments (default: Debian's FluidR3).")
  @Nullable String soundfont;

  @Option(names = "--credits", description = "Suno-dialect credits per account a month, 5 a clip (default 500).")
  @Nullable String credits;

  @Option(names = "--streaming-hold", paramLabel = "DURATION", description = "How long a finished Suno clip still says 'streaming' (default 10s).")
  @Nullable String streamingHold;

  @Override
  public Integer call() throws InterruptedException {
    Settings settings;
    try {
      settings = SettingsLoader.load(flags(), System.getenv(), Path.of("").toAbsolutePath());
    } catch (ConfigException e) {
      System.err.println("cantata: invalid configuration: " + e.getMessage());
      return 2;
    }
    CantataServer server;
    try {
      server = CantataServer.start(settings, Map.of(), List.of(), InstantSource.system());
    } catch (DataAccessException e) {
      System.err.println("cantata: cannot open the database: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      System.err.println("cantata: cannot start: " + describe(e));
      return 1;
    }
    server.runUntilStopped();
    return 0;
  }

  private Map<String, String> flags() {
    Map<String, String> flags = new LinkedHashMap<>();
    put(flags, "config", config);
    put(flags, "host", host);
    put(flags, "port", port);
    put(flags, "listen", listen);
    put(flags, "data", data);
    put(flags, "db", db);
    put(flags, "retention", retention);
    put(flags, "sweep-interval", sweepInterval);
    put(flags, "workers", workers);
    put(flags, "lease", lease);
    put(flags, "max-attempts", maxAttempts);
    put(flags, "max-request-size", maxRequestSize);
    put(flags, "shutdown-grace", shutdownGrace);
    put(flags, "api-key", apiKey);
    put(flags, "soundfont", soundfont);
    put(flags, "credits", credits);
    put(flags, "streaming-hold", streamingHold);
    return flags;
  }

  private static void put(Map<String, String> flags, String key, @Nullable String value) {
    if (value != null) {
      flags.put(key, value);
    }
  }

  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      text.append(": ").append(cause.getMessage());
    }
    return text.toString();
  }
}
