package dev.cantata.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything a server node needs to start, already validated. {@link SettingsLoader} makes it from the command line,
 * the environment and a file; {@link #builder(Path)} and {@link #toBuilder()} make variants in code. Which {@link
 * Setting} fills each part, and its default, is in {@link Setting}.
 *
 * @param host the address every listener binds to
 * @param port the main HTTP port
 * @param listenPorts extra HTTP ports serving the same routes (suno clients expect 3000)
 * @param dataDir the folder that holds the SQLite file and the blobs
 * @param dbUrl a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL
 * @param retention how long finished tasks and their files are kept
 * @param clipRetention how long Suno clips are kept after they finish; null keeps them until they are deleted
 * @param sweepInterval how often the retention sweep runs
 * @param workers how many tasks this node runs at once
 * @param engines how many speech engines synthesise at once
 * @param lease how long a claimed task stays ours without a renewal
 * @param maxAttempts how many claims a task gets before a dying worker marks it failed
 * @param maxRequestBytes the largest request body accepted
 * @param shutdownGrace how long running requests may take to finish on shutdown
 * @param apiKey when set, every route wants {@code Authorization: Bearer <apiKey>}
 * @param soundfont the SF2 the instruments play from; null for Debian's FluidR3 (or Gervill's own bank without it)
 * @param credits Suno-dialect credits each account gets a month (5 a clip)
 * @param streamingHold how long a finished Suno clip still reports {@code streaming}, for clients that wait for it
 * @param maxQueuedSongs song tasks queued or running (in this node's database) beyond which song requests get 429
 * @param maxQueuedSongsPerClient song tasks one client may have queued or running
 * @param accounts the bearer keys that are accounts; null when every bearer key is its own account
 * @param idleTimeout how long a connection may send and take nothing before it is closed
 * @param minRequestRate the slowest average rate, in bytes a second, at which a request body may arrive
 * @param trustedProxies the peers whose {@code X-Forwarded-Host} and {@code X-Forwarded-Proto} are believed
 * @param corsOrigins the origins browsers may call from; {@code ["*"]} for any
 */
public record Settings(
        String host,
        int port,
        List<Integer> listenPorts,
        Path dataDir,
        String dbUrl,
        Duration retention,
        @Nullable Duration clipRetention,
        Duration sweepInterval,
        int workers,
        int engines,
        Duration lease,
        int maxAttempts,
        long maxRequestBytes,
        Duration shutdownGrace,
        @Nullable String apiKey,
        @Nullable Path soundfont,
        int credits,
        Duration streamingHold,
        int maxQueuedSongs,
        int maxQueuedSongsPerClient,
        @Nullable Set<String> accounts,
        Duration idleTimeout,
        long minRequestRate,
        List<AddressRange> trustedProxies,
        List<String> corsOrigins) {

    public Settings {
        Objects.requireNonNull(host, "host");
        listenPorts = List.copyOf(listenPorts);
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(dbUrl, "dbUrl");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(streamingHold, "streamingHold");
        accounts = accounts == null ? null : Set.copyOf(accounts);
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        trustedProxies = List.copyOf(trustedProxies);
        corsOrigins = List.copyOf(corsOrigins);
        if (engines < 1 || engines > 64) {
            throw new ConfigException("engines = " + engines + ": must be 1–64");
        }
        if (listenPorts.contains(port)) {
            throw new ConfigException("listen = " + listenPorts + ": repeats the main port " + port);
        }
    }

    /**
     * Every setting at the default a server started with nothing configured gets ({@link Setting#defaultValue()}), with
     * data in {@code dataDir} and the database a SQLite file there unless {@link Builder#dbUrl} says otherwise.
     */
    public static Builder builder(Path dataDir) {
        Builder builder = new Builder();
        for (Setting<?> setting : Setting.ALL) {
            setting.applyDefault(builder, dataDir);
        }
        return builder.dataDir(dataDir);
    }

    /**
     * A node for tests and the benchmark, with data in {@code dataDir}: the server's defaults, except where a node started
     * inside another program needs otherwise.
     */
    public static Settings loopback(Path dataDir) {
        return builder(dataDir)
                // Reachable from this machine only: a test node has no API key, so it must not be open to the network.
                .host("127.0.0.1")
                // A free port chosen by the system, so nodes run side by side and beside a real server on 8000.
                .port(0)
                // One worker, so what a test queues runs in order; the default (half the cores) varies by machine.
                .workers(1)
                .build();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder()
                .host(host)
                .port(port)
                .listenPorts(listenPorts)
                .dataDir(dataDir)
                .dbUrl(dbUrl)
                .retention(retention)
                .clipRetention(clipRetention)
                .sweepInterval(sweepInterval)
                .workers(workers)
                .engines(engines)
                .lease(lease)
                .maxAttempts(maxAttempts)
                .maxRequestBytes(maxRequestBytes)
                .shutdownGrace(shutdownGrace)
                .apiKey(apiKey)
                .soundfont(soundfont)
                .credits(credits)
                .streamingHold(streamingHold)
                .maxQueuedSongs(maxQueuedSongs)
                .maxQueuedSongsPerClient(maxQueuedSongsPerClient)
                .accounts(accounts)
                .idleTimeout(idleTimeout)
                .minRequestRate(minRequestRate)
                .trustedProxies(trustedProxies)
                .corsOrigins(corsOrigins);
    }

    /** The database URL used when none is configured: a SQLite file in the data folder. */
    public static String defaultDbUrl(Path dataDir) {
        return "jdbc:sqlite:" + dataDir.resolve("cantata.db").toAbsolutePath();
    }

    /**
     * Makes {@link Settings}; start from {@link Settings#builder(Path)} (the defaults) or {@link Settings#toBuilder()}.
     * Values are checked when {@link #build()} makes the record; what each one means is on {@link Settings}.
     */
    public static final class Builder {
        private @Nullable String host;
        private int port;
        private List<Integer> listenPorts = List.of();
        private @Nullable Path dataDir;
        private @Nullable String dbUrl;
        private @Nullable Duration retention;
        private @Nullable Duration clipRetention;
        private @Nullable Duration sweepInterval;
        private int workers;
        private int engines;
        private @Nullable Duration lease;
        private int maxAttempts;
        private long maxRequestBytes;
        private @Nullable Duration shutdownGrace;
        private @Nullable String apiKey;
        private @Nullable Path soundfont;
        private int credits;
        private @Nullable Duration streamingHold;
        private int maxQueuedSongs;
        private int maxQueuedSongsPerClient;
        private @Nullable Set<String> accounts;
        private @Nullable Duration idleTimeout;
        private long minRequestRate;
        private List<AddressRange> trustedProxies = List.of();
        private List<String> corsOrigins = List.of("*");

        private Builder() {}

        public Builder host(String value) {
            this.host = value;
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder listenPorts(List<Integer> value) {
            this.listenPorts = List.copyOf(value);
            return this;
        }

        public Builder dataDir(Path value) {
            this.dataDir = value;
            return this;
        }

        /** The database; when never set, a SQLite file in the data folder as {@link #build()} finds it. */
        public Builder dbUrl(String value) {
            this.dbUrl = value;
            return this;
        }

        public Builder retention(Duration value) {
            this.retention = value;
            return this;
        }

        /** How long Suno clips are kept after they finish; null (the default) keeps them until they are deleted. */
        public Builder clipRetention(@Nullable Duration value) {
            this.clipRetention = value;
            return this;
        }

        public Builder sweepInterval(Duration value) {
            this.sweepInterval = value;
            return this;
        }

        public Builder workers(int value) {
            this.workers = value;
            return this;
        }

        public Builder engines(int value) {
            this.engines = value;
            return this;
        }

        public Builder lease(Duration value) {
            this.lease = value;
            return this;
        }

        public Builder maxAttempts(int value) {
            this.maxAttempts = value;
            return this;
        }

        public Builder maxRequestBytes(long value) {
            this.maxRequestBytes = value;
            return this;
        }

        public Builder shutdownGrace(Duration value) {
            this.shutdownGrace = value;
            return this;
        }

        public Builder apiKey(@Nullable String value) {
            this.apiKey = value;
            return this;
        }

        public Builder soundfont(@Nullable Path value) {
            this.soundfont = value;
            return this;
        }

        public Builder credits(int value) {
            this.credits = value;
            return this;
        }

        public Builder streamingHold(Duration value) {
            this.streamingHold = value;
            return this;
        }

        public Builder maxQueuedSongs(int value) {
            this.maxQueuedSongs = value;
            return this;
        }

        public Builder maxQueuedSongsPerClient(int value) {
            this.maxQueuedSongsPerClient = value;
            return this;
        }

        public Builder accounts(@Nullable Set<String> value) {
            this.accounts = value;
            return this;
        }

        public Builder idleTimeout(Duration value) {
            this.idleTimeout = value;
            return this;
        }

        public Builder minRequestRate(long value) {
            this.minRequestRate = value;
            return this;
        }

        public Builder trustedProxies(List<AddressRange> value) {
            this.trustedProxies = List.copyOf(value);
            return this;
        }

        public Builder corsOrigins(List<String> value) {
            this.corsOrigins = List.copyOf(value);
            return this;
        }

        /**
         * The settings as built.
         *
         * @throws NullPointerException naming the part left unset (only possible for a builder not made from defaults)
         */
        public Settings build() {
            Path data = Objects.requireNonNull(dataDir, "dataDir");
            return new Settings(
                    Objects.requireNonNull(host, "host"),
                    port,
                    listenPorts,
                    data,
                    dbUrl != null ? dbUrl : defaultDbUrl(data),
                    Objects.requireNonNull(retention, "retention"),
                    clipRetention,
                    Objects.requireNonNull(sweepInterval, "sweepInterval"),
                    workers,
                    engines,
                    Objects.requireNonNull(lease, "lease"),
                    maxAttempts,
                    maxRequestBytes,
                    Objects.requireNonNull(shutdownGrace, "shutdownGrace"),
                    apiKey,
                    soundfont,
                    credits,
                    Objects.requireNonNull(streamingHold, "streamingHold"),
                    maxQueuedSongs,
                    maxQueuedSongsPerClient,
                    accounts,
                    Objects.requireNonNull(idleTimeout, "idleTimeout"),
                    minRequestRate,
                    trustedProxies,
                    corsOrigins);
        }
    }
}
