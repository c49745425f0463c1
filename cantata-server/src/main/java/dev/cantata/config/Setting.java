package dev.cantata.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One setting Cantata reads, written down once: its key (the flag is {@code --key}, the file key is {@code key}, the
 * environment variable {@code CANTATA_KEY}), its default, how its text is parsed and checked, which part of {@link
 * Settings} it fills, and its help. {@link SettingsLoader}, {@code cantata serve}'s options and the README's table all
 * come from {@link #ALL}, so none of them can disagree with another.
 *
 * @param key the name in flags and in the properties file, e.g. {@code max-request-size}
 * @param label what the flag's value is, in {@code --help}, e.g. {@code SIZE}
 * @param defaultValue the default in the syntax a user writes; null when the setting is simply absent by default
 * @param shownDefault the default as the README shows it (Markdown)
 * @param help what the setting does (Markdown, lower case, no full stop: it is a table cell and a help line)
 * @param secret whether the value must stay out of error messages
 * @param parser turns the trimmed text into a value, or throws {@link IllegalArgumentException} saying what is wrong
 * @param into puts the value into a {@link Settings.Builder}
 * @param <T> the parsed type
 */
public record Setting<T>(
        String key,
        String label,
        @Nullable String defaultValue,
        String shownDefault,
        String help,
        boolean secret,
        Parser<T> parser,
        BiConsumer<Settings.Builder, T> into) {

    /** Parses a setting's text. Relative paths are resolved against {@code workDir}. */
    @FunctionalInterface
    public interface Parser<T> {
        /**
         * The value {@code raw} stands for.
         *
         * @throws IllegalArgumentException with the reason alone (e.g. {@code must be at least 1s}); the caller adds the
         *     key, the value and where it came from
         */
        T parse(String value, Path workDir);
    }

    public Setting {
        if (!key.matches("[a-z]+(-[a-z]+)*")) {
            throw new IllegalArgumentException("a setting key is lower-case words joined by '-': " + key);
        }
    }

    /**
     * The properties file the other settings may come from. The loader reads it itself, so it fills nothing, and a file
     * cannot name another file.
     */
    public static final Setting<Path> CONFIG = absent(
            "config",
            "FILE",
            "`./cantata.properties` if it exists",
            "properties file the other settings are read from",
            Setting::existingFile,
            (settings, file) -> {});

    public static final Setting<String> HOST =
            of("host", "HOST", "0.0.0.0", "address every listener binds", Setting::host, Settings.Builder::host);

    public static final Setting<Integer> PORT =
            of("port", "PORT", "8000", "main HTTP port", (v, dir) -> port(v), Settings.Builder::port);

    public static final Setting<List<Integer>> LISTEN = new Setting<>(
            "listen",
            "PORT[,PORT…]",
            "",
            "none",
            "extra ports with the same routes, e.g. `3000` for suno clients",
            false,
            (v, dir) -> ports(v),
            Settings.Builder::listenPorts);

    public static final Setting<Path> DATA =
            of("data", "DIR", "./data", "data folder: SQLite file and blobs", Setting::path, Settings.Builder::dataDir);

    public static final Setting<String> DB = absent(
            "db",
            "JDBC_URL",
            "`jdbc:sqlite:DATA/cantata.db`",
            "`jdbc:sqlite:FILE` or `jdbc:postgresql://HOST[:PORT]/DB?user=…&password=…`",
            (v, dir) -> dbUrl(v),
            Settings.Builder::dbUrl);

    public static final Setting<Duration> RETENTION = of(
            "retention",
            "DURATION",
            "24h",
            "finished tasks and their files are deleted after this",
            (v, dir) -> duration(v),
            Settings.Builder::retention);

    /** Suno clips are a library that bots and apps link to, not scratch: by default they stay until deleted. */
    public static final Setting<Optional<Duration>> CLIP_RETENTION = of(
            "clip-retention",
            "DURATION|forever",
            "forever",
            "Suno clips (with their stem clips) are deleted this long after they are finished; `forever` keeps them"
                    + " until deleted (`DELETE /api/clip`); never while an extension of them is still to be made",
            (v, dir) -> v.equalsIgnoreCase("forever")
                    ? Optional.empty()
                    : Optional.of(atLeast(duration(v), Duration.ofMinutes(1), "1m")),
            (settings, value) -> settings.clipRetention(value.orElse(null)));

    public static final Setting<Duration> SWEEP_INTERVAL = of(
            "sweep-interval",
            "DURATION",
            "10m",
            "how often the retention sweep runs",
            (v, dir) -> duration(v),
            Settings.Builder::sweepInterval);

    // Half the cores: a song render keeps a core busy, and the HTTP threads and the speech engine need the rest.
    public static final Setting<Integer> WORKERS = new Setting<>(
            "workers",
            "COUNT",
            String.valueOf(Math.max(1, Runtime.getRuntime().availableProcessors() / 2)),
            "half the cores, ≥ 1",
            "tasks this node runs at once",
            false,
            (v, dir) -> intIn(v, 1, 64),
            Settings.Builder::workers);

    // One per core: MaryTTS synthesises in parallel on threads (measured: identical samples, about 2x on 2 cores), and
    // an engine costs no memory beyond the call it is making, so fewer engines than cores only leaves cores idle.
    public static final Setting<Integer> ENGINES = new Setting<>(
            "engines",
            "COUNT",
            String.valueOf(Runtime.getRuntime().availableProcessors()),
            "the number of cores",
            "speech engines that synthesise at once (speech, voice matching, singing and lyric writing share them,"
                    + " a sentence or sung phrase per turn)",
            false,
            (v, dir) -> intIn(v, 1, 64),
            Settings.Builder::engines);

    public static final Setting<Duration> LEASE = of(
            "lease",
            "DURATION",
            "30s",
            "a dead node's task is claimed again after this",
            (v, dir) -> atLeast(duration(v), Duration.ofSeconds(1), "1s"),
            Settings.Builder::lease);

    public static final Setting<Integer> MAX_ATTEMPTS = of(
            "max-attempts",
            "COUNT",
            "3",
            "claims a task gets before it is failed as poisonous",
            (v, dir) -> intIn(v, 1, 100),
            Settings.Builder::maxAttempts);

    public static final Setting<Long> MAX_REQUEST_SIZE = of(
            "max-request-size",
            "SIZE",
            "64MB",
            "larger bodies get 413",
            (v, dir) -> bytes(v),
            Settings.Builder::maxRequestBytes);

    public static final Setting<Duration> SHUTDOWN_GRACE = of(
            "shutdown-grace",
            "DURATION",
            "30s",
            "time requests in flight get on SIGTERM",
            (v, dir) -> duration(v),
            Settings.Builder::shutdownGrace);

    public static final Setting<String> API_KEY = new Setting<>(
            "api-key",
            "KEY",
            null,
            "none",
            "when set, every route (docs and health too) wants `Authorization: Bearer KEY`, but for the studio's page and"
                    + " files (the page asks for the key and sends it)",
            true,
            (v, dir) -> apiKey(v),
            Settings.Builder::apiKey);

    public static final Setting<Path> SOUNDFONT = absent(
            "soundfont",
            "SF2",
            "Debian's FluidR3",
            "SF2 soundfont the instruments play from; must be a readable file",
            Setting::soundfont,
            Settings.Builder::soundfont);

    public static final Setting<Integer> CREDITS = of(
            "credits",
            "COUNT",
            "500",
            "Suno-dialect credits per account a month (5 a clip)",
            (v, dir) -> intIn(v, 0, 100_000_000),
            Settings.Builder::credits);

    public static final Setting<Duration> STREAMING_HOLD = of(
            "streaming-hold",
            "DURATION",
            "10s",
            "how long a finished Suno clip still reports `streaming`",
            (v, dir) -> duration(v),
            Settings.Builder::streamingHold);

    public static final Setting<Integer> MAX_QUEUED_SONGS = of(
            "max-queued-songs",
            "COUNT",
            "100",
            "song tasks queued or running on this node's database beyond which new song requests get 429",
            (v, dir) -> intIn(v, 1, 1_000_000),
            Settings.Builder::maxQueuedSongs);

    public static final Setting<Integer> MAX_QUEUED_SONGS_PER_CLIENT = of(
            "max-queued-songs-per-client",
            "COUNT",
            "10",
            "song tasks one client (its account, else its address) may have queued or running; more get 429",
            (v, dir) -> intIn(v, 1, 1_000_000),
            Settings.Builder::maxQueuedSongsPerClient);

    public static final Setting<Set<String>> ACCOUNTS = new Setting<>(
            "accounts",
            "KEY[,KEY…]|FILE",
            null,
            "any bearer key",
            "bearer keys that are accounts (own credits and queue share): a comma list, or a file with one a line;"
                    + " other bearers are pooled with anonymous requests",
            true,
            Setting::accounts,
            Settings.Builder::accounts);

    public static final Setting<Duration> IDLE_TIMEOUT = of(
            "idle-timeout",
            "DURATION",
            "30s",
            "a connection that sends or takes nothing for this long is closed (waiting requests are exempt)",
            (v, dir) -> atLeast(duration(v), Duration.ofMillis(100), "100ms"),
            Settings.Builder::idleTimeout);

    public static final Setting<Long> MIN_REQUEST_RATE = of(
            "min-request-rate",
            "SIZE",
            "4KB",
            "a request body must arrive at least this fast, per second on average after its first second; slower ones get 408",
            (v, dir) -> bytes(v),
            Settings.Builder::minRequestRate);

    public static final Setting<List<AddressRange>> TRUSTED_PROXIES = new Setting<>(
            "trusted-proxies",
            "IP[/BITS],…",
            "",
            "none",
            "reverse proxies whose `X-Forwarded-Host` and `-Proto` are believed (e.g. `127.0.0.1,10.0.0.0/8`);"
                    + " from anyone else they are ignored",
            false,
            (v, dir) -> addressRanges(v),
            Settings.Builder::trustedProxies);

    public static final Setting<List<String>> CORS_ORIGINS = of(
            "cors-origins",
            "ORIGIN,…",
            "*",
            "origins browsers may call from (`*`: any, as upstream; or e.g. `https://app.example`); see the warning"
                    + " under Configuration",
            (v, dir) -> origins(v),
            Settings.Builder::corsOrigins);

    /** Every setting, in the order help and documentation list them. */
    public static final List<Setting<?>> ALL = List.of(
            CONFIG,
            HOST,
            PORT,
            LISTEN,
            DATA,
            DB,
            RETENTION,
            CLIP_RETENTION,
            SWEEP_INTERVAL,
            WORKERS,
            ENGINES,
            LEASE,
            MAX_ATTEMPTS,
            MAX_REQUEST_SIZE,
            SHUTDOWN_GRACE,
            API_KEY,
            SOUNDFONT,
            CREDITS,
            STREAMING_HOLD,
            MAX_QUEUED_SONGS,
            MAX_QUEUED_SONGS_PER_CLIENT,
            ACCOUNTS,
            IDLE_TIMEOUT,
            MIN_REQUEST_RATE,
            TRUSTED_PROXIES,
            CORS_ORIGINS);

    /** The setting with this key, if there is one. */
    public static Optional<Setting<?>> named(String key) {
        return ALL.stream().filter(s -> s.key.equals(key)).findFirst();
    }

    /** Every key, comma-separated, for messages about unknown ones. */
    public static String keys() {
        List<String> keys = new ArrayList<>();
        for (Setting<?> setting : ALL) {
            keys.add(setting.key);
        }
        return String.join(", ", keys);
    }

    /** The command-line flag, e.g. {@code --max-request-size}. */
    public String flag() {
        return "--" + key;
    }

    /** The environment variable, e.g. {@code CANTATA_MAX_REQUEST_SIZE}. */
    public String env() {
        return "CANTATA_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** Whether the properties file may set it. */
    public boolean inFile() {
        return !equals(CONFIG);
    }

    /** One line for {@code --help}: the help as a sentence, with the default. */
    public String description() {
        String text = help.substring(0, 1).toUpperCase(Locale.ROOT) + help.substring(1);
        String shown = shownDefault.equals("none") ? "" : " (default " + shownDefault + ")";
        return (text + shown).replace("`", "") + ".";
    }

    /** Applies the default to {@code settings}, if there is one. */
    void applyDefault(Settings.Builder settings, Path workDir) {
        if (defaultValue != null) {
            into.accept(settings, parser.parse(defaultValue, workDir));
        }
    }

    private static <T> Setting<T> of(
            String key,
            String label,
            String defaultValue,
            String help,
            Parser<T> parser,
            BiConsumer<Settings.Builder, T> into) {
        return new Setting<>(key, label, defaultValue, "`" + defaultValue + "`", help, false, parser, into);
    }

    private static <T> Setting<T> absent(
            String key,
            String label,
            String shownDefault,
            String help,
            Parser<T> parser,
            BiConsumer<Settings.Builder, T> into) {
        return new Setting<>(key, label, null, shownDefault, help, false, parser, into);
    }

    // ---------------------------------------------------------------- the syntax of values

    private static Path path(String value, Path workDir) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("must be a path");
        }
        try {
            return workDir.resolve(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a valid path: " + e.getReason(), e);
        }
    }

    private static Path existingFile(String value, Path workDir) {
        Path path = path(value, workDir);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no such file");
        }
        return path;
    }

    private static Path soundfont(String value, Path workDir) {
        Path path = path(value, workDir);
        if (!Files.isReadable(path) || Files.isDirectory(path)) {
            throw new IllegalArgumentException("no readable file there (an .sf2 soundfont)");
        }
        return path;
    }

    private static String dbUrl(String url) {
        for (String prefix : List.of("jdbc:sqlite:", "jdbc:postgresql:")) {
            if (url.startsWith(prefix) && url.length() > prefix.length()) {
                return url;
            }
        }
        throw new IllegalArgumentException("must be jdbc:sqlite:FILE or jdbc:postgresql://HOST[:PORT]/DATABASE");
    }

    private static String apiKey(String key) {
        if (key.length() < 8 || !key.matches("[\\x21-\\x7e]+")) {
            throw new IllegalArgumentException("must be at least 8 printable characters without spaces");
        }
        return key;
    }

    /** A file of keys (one a line, {@code #} comments) if {@code value} names one, else a comma list of keys. */
    private static Set<String> accounts(String value, Path workDir) {
        List<String> keys;
        Path file = null;
        try {
            file = workDir.resolve(value);
        } catch (InvalidPathException e) {
            // not a path: a list of keys
        }
        if (file != null && Files.isRegularFile(file)) {
            try {
                keys = Files.readAllLines(file);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("the file of account keys cannot be read: " + e.getMessage(), e);
            }
            keys = keys.stream().filter(line -> !line.strip().startsWith("#")).toList();
        } else {
            keys = List.of(value.split(","));
        }
        Set<String> accounts = new java.util.LinkedHashSet<>();
        for (String key : keys) {
            String k = key.strip();
            if (k.isEmpty()) {
                continue;
            }
            if (!k.matches("[\\x21-\\x7e]+")) {
                throw new IllegalArgumentException("account keys are printable characters without spaces");
            }
            accounts.add(k);
        }
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("names no account key (leave it unset to make every bearer an account)");
        }
        return Set.copyOf(accounts);
    }

    private static String host(String value, Path workDir) {
        if (value.isEmpty() || !value.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
            throw new IllegalArgumentException("must be a host name or an IP address");
        }
        return value;
    }

    private static int port(String value) {
        return intIn(value, 1, 65535);
    }

    private static List<Integer> ports(String value) {
        List<Integer> ports = new ArrayList<>();
        if (value.isBlank()) {
            return ports;
        }
        for (String part : value.split(",")) {
            int port = port(part.trim());
            if (ports.contains(port)) {
                throw new IllegalArgumentException("port " + port + " is listed twice");
            }
            ports.add(port);
        }
        return ports;
    }

    private static List<AddressRange> addressRanges(String value) {
        List<AddressRange> ranges = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                ranges.add(AddressRange.parse(part));
            }
        }
        return List.copyOf(ranges);
    }

    private static final Pattern ORIGIN =
            Pattern.compile("https?://([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*|\\[[0-9A-Fa-f:.]+\\])(:\\d{1,5})?");

    /** {@code *}, or origins as a browser sends them: scheme, host and port, no path. */
    private static List<String> origins(String value) {
        if (value.strip().equals("*")) {
            return List.of("*");
        }
        List<String> origins = new ArrayList<>();
        for (String part : value.split(",")) {
            String origin = part.strip();
            if (origin.isEmpty()) {
                continue;
            }
            if (!ORIGIN.matcher(origin).matches()) {
                throw new IllegalArgumentException("'" + origin + "' is not an origin such as https://app.example:8443"
                        + " (scheme, host and port; no path), nor *");
            }
            origins.add(origin.toLowerCase(Locale.ROOT));
        }
        if (origins.isEmpty()) {
            throw new IllegalArgumentException("must be * or at least one origin");
        }
        return List.copyOf(origins);
    }

    private static int intIn(String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw new IllegalArgumentException("must be a whole number from " + min + " to " + max);
    }

    private static Duration atLeast(Duration value, Duration min, String shown) {
        if (value.compareTo(min) < 0) {
            throw new IllegalArgumentException("must be at least " + shown);
        }
        return value;
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);

    /** {@code 1500ms}, {@code 90s}, {@code 10m}, {@code 24h}, {@code 7d}, or ISO-8601 such as {@code PT24H}. */
    static Duration duration(String value) {
        Matcher m = DURATION.matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            Duration d = Duration.parse(value);
            if (!d.isNegative()) {
                return d;
            }
        } catch (RuntimeException e) {
            // reported below with the accepted forms
        }
        throw new IllegalArgumentException("must be a duration such as 1500ms, 90s, 10m, 24h, 7d or PT24H");
    }

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|mb|gb)?", Pattern.CASE_INSENSITIVE);

    /** {@code 1048576}, {@code 512KB}, {@code 64MB}, {@code 1GB} (binary multiples). */
    static long bytes(String value) {
        Matcher m = SIZE.matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
            long size = switch (unit) {
                case "kb" -> n << 10;
                case "mb" -> n << 20;
                case "gb" -> n << 30;
                default -> n;
            };
            if (size >= 1024 && size <= (4L << 30)) {
                return size;
            }
        }
        throw new IllegalArgumentException("must be a size from 1KB to 4GB, such as 64MB");
    }
}
