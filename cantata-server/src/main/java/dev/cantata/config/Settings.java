package dev.cantata.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything a server node needs to start, already validated.
 *
 * @param host the address every listener binds to
 * @param port the main HTTP port
 * @param listenPorts extra HTTP ports serving the same routes (suno clients expect 3000)
 * @param dataDir the folder that holds the SQLite file and the blobs
 * @param dbUrl a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL
 * @param retention how long finished tasks and their files are kept
 * @param sweepInterval how often the retention sweep runs
 * @param workers how many tasks this node runs at once
 * @param lease how long a claimed task stays ours without a renewal
 * @param maxAttempts how many claims a task gets before a dying worker marks it failed
 * @param maxRequestBytes the largest request body accepted
 * @param shutdownGrace how long running requests may take to finish on shutdown
 * @param apiKey when set, every route wants {@code Authorization: Bearer <apiKey>}
 * @param soundfont the SF2 the instruments play from; null for Debian's FluidR3 (or Gervill's own bank without it)
 * @param credits Suno-dialect credits each account gets a month (5 a clip)
 * @param streamingHold how long a finished Suno clip still reports {@code streaming}, for clients that wait for it
 */
public record Settings(
    String host,
    int port,
    List<Integer> listenPorts,
    Path dataDir,
    String dbUrl,
    Duration retention,
    Duration sweepInterval,
    int workers,
    Duration lease,
    int maxAttempts,
    long maxRequestBytes,
    Duration shutdownGrace,
    @Nullable String apiKey,
    @Nullable Path soundfont,
    int credits,
    Duration streamingHold) {

  public Settings {
    listenPorts = List.copyOf(listenPorts);
    if (listenPorts.contains(port)) {
      throw new ConfigException("listen = " + listenPorts + ": repeats the main port " + port);
    }
  }

  /**
   * A node on loopback with an ephemeral port, data in {@code dataDir} and the defaults otherwise (one worker): what
   * tests and the benchmark start.
   */
  public static Settings loopback(Path dataDir) {
    return new Settings("127.0.0.1", 0, List.of(), dataDir, defaultDbUrl(dataDir), Duration.ofHours(24),
        Duration.ofMinutes(10), 1, Duration.ofSeconds(30), 3, 64L << 20, Duration.ofSeconds(10), null, null, 500,
        Duration.ofSeconds(10));
  }

  public Settings withApiKey(@Nullable String key) {
    return new Settings(host, port, listenPorts, dataDir, dbUrl, retention, sweepInterval, workers, lease, maxAttempts,
        maxRequestBytes, shutdownGrace, key, soundfont, credits, streamingHold);
  }

  public Settings withListenPorts(List<Integer> ports) {
    return new Settings(host, port, ports, dataDir, dbUrl, retention, sweepInterval, workers, lease, maxAttempts,
        maxRequestBytes, shutdownGrace, apiKey, soundfont, credits, streamingHold);
  }

  /** These limits instead: lease, largest request, shutdown grace. */
  public Settings withLimits(Duration newLease, long newMaxRequestBytes, Duration newShutdownGrace) {
    return new Settings(host, port, listenPorts, dataDir, dbUrl, retention, sweepInterval, workers, newLease,
        maxAttempts, newMaxRequestBytes, newShutdownGrace, apiKey, soundfont, credits, streamingHold);
  }

  public Settings withWorkers(int count) {
    return new Settings(host, port, listenPorts, dataDir, dbUrl, retention, sweepInterval, count, lease, maxAttempts,
        maxRequestBytes, shutdownGrace, apiKey, soundfont, credits, streamingHold);
  }

  /** These Suno-dialect limits instead. */
  public Settings withCredits(int monthly, Duration hold) {
    return new Settings(host, port, listenPorts, dataDir, dbUrl, retention, sweepInterval, workers, lease, maxAttempts,
        maxRequestBytes, shutdownGrace, apiKey, soundfont, monthly, hold);
  }

  /** The database URL used when none is configured: a SQLite file in the data folder. */
  public static String defaultDbUrl(Path dataDir) {
    return "jdbc:sqlite:" + dataDir.resolve("cantata.db").toAbsolutePath();
  }
}
