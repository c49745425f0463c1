package dev.cantata.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Resolves {@link Settings} from, in falling precedence: command-line flags, environment variables ({@code
 * CANTATA_PORT} for {@code port}), a properties file, and defaults. Every failure is a {@link ConfigException} that
 * names the key, the offending value and its source, so a mistyped deployment fails at start, not at first use.
 */
public final class SettingsLoader {

  /** The file read when neither {@code --config} nor {@code CANTATA_CONFIG} names one, if it exists. */
  public static final String DEFAULT_FILE = "cantata.properties";

  /** Every key Cantata reads, with its default. */
  public enum Key {
    CONFIG(null),
    HOST("0.0.0.0"),
    PORT("8000"),
    LISTEN(""),
    DATA("./data"),
    DB(null),
    RETENTION("24h"),
    SWEEP_INTERVAL("10m"),
    WORKERS(String.valueOf(Math.max(1, Runtime.getRuntime().availableProcessors() / 2))),
    LEASE("30s"),
    MAX_ATTEMPTS("3"),
    MAX_REQUEST_SIZE("64MB"),
    SHUTDOWN_GRACE("30s"),
    API_KEY(null),
    SOUNDFONT(null),
    CREDITS("500"),
    STREAMING_HOLD("10s");

    private final @Nullable String defaultValue;

    Key(@Nullable String defaultValue) {
      this.defaultValue = defaultValue;
    }

    /** The name in flags ({@code --max-request-size}) and in the properties file. */
    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The environment variable, e.g. {@code CANTATA_MAX_REQUEST_SIZE}. */
    public String env() {
      return "CANTATA_" + name();
    }
  }

  private record Raw(String value, String source) {}

  private final Map<Key, Raw> raw = new LinkedHashMap<>();

  private SettingsLoader() {}

  /**
   * @param flags values given on the command line, by {@link Key#key()}; absent keys are simply not there
   * @param env the process environment
   * @param workDir where relative paths and the default config file are resolved
   */
  public static Settings load(Map<String, String> flags, Map<String, String> env, Path workDir) {
    SettingsLoader loader = new SettingsLoader();
    for (String flag : flags.keySet()) {
      if (loader.keyOf(flag) == null) {
        throw new ConfigException(flag + ": unknown setting; known: " + knownKeys());
      }
    }
    Raw file = loader.pick(Key.CONFIG, flags, env, Map.of());
    Map<String, String> fileValues = Map.of();
    String fileSource = "";
    if (file != null) {
      Path path = loader.path(Key.CONFIG, file, workDir);
      if (!Files.isRegularFile(path)) {
        throw loader.invalid(Key.CONFIG, file, "no such file");
      }
      fileValues = loader.readFile(path);
      fileSource = path.toString();
    } else if (Files.isRegularFile(workDir.resolve(DEFAULT_FILE))) {
      Path path = workDir.resolve(DEFAULT_FILE);
      fileValues = loader.readFile(path);
      fileSource = path.toString();
    }
    for (Key key : Key.values()) {
      if (key == Key.CONFIG) {
        continue;
      }
      Raw value = loader.pick(key, flags, env, fileValues);
      if (value != null && value.source().equals("file")) {
        value = new Raw(value.value(), "config file " + fileSource);
      }
      if (value == null && key.defaultValue != null) {
        value = new Raw(key.defaultValue, "default");
      }
      if (value != null) {
        loader.raw.put(key, value);
      }
    }
    return loader.build(workDir);
  }

  private static String knownKeys() {
    List<String> keys = new ArrayList<>();
    for (Key key : Key.values()) {
      keys.add(key.key());
    }
    return String.join(", ", keys);
  }

  private @Nullable Key keyOf(String name) {
    for (Key key : Key.values()) {
      if (key.key().equals(name)) {
        return key;
      }
    }
    return null;
  }

  private @Nullable Raw pick(
      Key key, Map<String, String> flags, Map<String, String> env, Map<String, String> file) {
    if (flags.containsKey(key.key())) {
      return new Raw(flags.get(key.key()), "flag --" + key.key());
    }
    if (env.containsKey(key.env())) {
      return new Raw(env.get(key.env()), "environment variable " + key.env());
    }
    if (file.containsKey(key.key())) {
      return new Raw(file.get(key.key()), "file");
    }
    return null;
  }

  private Map<String, String> readFile(Path path) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("config = \"" + path + "\": cannot be read: " + e.getMessage());
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : properties.stringPropertyNames()) {
      Key key = keyOf(name);
      if (key == null || key == Key.CONFIG) {
        throw new ConfigException(
            name + " (in config file " + path + "): unknown setting; known: " + knownKeys());
      }
      values.put(name, properties.getProperty(name).trim());
    }
    return values;
  }

  private Settings build(Path workDir) {
    Path data = path(Key.DATA, raw.get(Key.DATA), workDir);
    Raw db = raw.get(Key.DB);
    String dbUrl = db == null ? Settings.defaultDbUrl(data) : dbUrl(db);
    int port = parse(Key.PORT, SettingsLoader::port);
    List<Integer> listen = parse(Key.LISTEN, this::ports);
    if (listen.contains(port)) {
      throw invalid(Key.LISTEN, raw.get(Key.LISTEN), "repeats the main port " + port);
    }
    String host = parse(Key.HOST, SettingsLoader::host);
    Duration lease = parse(Key.LEASE, SettingsLoader::duration);
    if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
      throw invalid(Key.LEASE, raw.get(Key.LEASE), "must be at least 1s");
    }
    return new Settings(
        host,
        port,
        listen,
        data,
        dbUrl,
        parse(Key.RETENTION, SettingsLoader::duration),
        parse(Key.SWEEP_INTERVAL, SettingsLoader::duration),
        parse(Key.WORKERS, v -> intIn(v, 1, 64)),
        lease,
        parse(Key.MAX_ATTEMPTS, v -> intIn(v, 1, 100)),
        parse(Key.MAX_REQUEST_SIZE, SettingsLoader::bytes),
        parse(Key.SHUTDOWN_GRACE, SettingsLoader::duration),
        apiKey(),
        soundfont(workDir),
        parse(Key.CREDITS, v -> intIn(v, 0, 100_000_000)),
        parse(Key.STREAMING_HOLD, SettingsLoader::duration));
  }

  private @Nullable Path soundfont(Path workDir) {
    Raw value = raw.get(Key.SOUNDFONT);
    if (value == null) {
      return null;
    }
    Path path = path(Key.SOUNDFONT, value, workDir);
    if (!Files.isReadable(path) || Files.isDirectory(path)) {
      throw invalid(Key.SOUNDFONT, value, "no readable file there (an .sf2 soundfont)");
    }
    return path;
  }

  private @Nullable String apiKey() {
    Raw value = raw.get(Key.API_KEY);
    if (value == null) {
      return null;
    }
    String key = value.value().trim();
    if (key.length() < 8 || !key.matches("[\\x21-\\x7e]+")) {
      throw new ConfigException(
          "api-key (from " + value.source() + "): must be at least 8 printable characters without spaces");
    }
    return key;
  }

  private <T> T parse(Key key, Function<String, T> parser) {
    Raw value = raw.get(key);
    if (value == null) {
      throw new ConfigException(key.key() + ": has no value and no default");
    }
    try {
      return parser.apply(value.value().trim());
    } catch (IllegalArgumentException e) {
      throw invalid(key, value, e.getMessage());
    }
  }

  private ConfigException invalid(Key key, @Nullable Raw value, String why) {
    String shown = value == null ? "" : value.value();
    String source = value == null ? "default" : value.source();
    return new ConfigException(key.key() + " = \"" + shown + "\" (from " + source + "): " + why);
  }

  private Path path(Key key, @Nullable Raw value, Path workDir) {
    if (value == null || value.value().isBlank()) {
      throw invalid(key, value, "must be a path");
    }
    try {
      return workDir.resolve(value.value().trim()).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw invalid(key, value, "not a valid path: " + e.getReason());
    }
  }

  private String dbUrl(Raw value) {
    String url = value.value().trim();
    if (url.startsWith("jdbc:sqlite:") && url.length() > "jdbc:sqlite:".length()) {
      return url;
    }
    if (url.startsWith("jdbc:postgresql:") && url.length() > "jdbc:postgresql:".length()) {
      return url;
    }
    throw invalid(
        Key.DB, value, "must be jdbc:sqlite:FILE or jdbc:postgresql://HOST[:PORT]/DATABASE");
  }

  private static int port(String value) {
    return intIn(value, 1, 65535);
  }

  private List<Integer> ports(String value) {
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

  private static String host(String value) {
    if (value.isEmpty() || !value.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
      throw new IllegalArgumentException("must be a host name or an IP address");
    }
    return value;
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

  private static final Pattern DURATION =
      Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);

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
    throw new IllegalArgumentException(
        "must be a duration such as 1500ms, 90s, 10m, 24h, 7d or PT24H");
  }

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|mb|gb)?", Pattern.CASE_INSENSITIVE);

  /** {@code 1048576}, {@code 512KB}, {@code 64MB}, {@code 1GB} (binary multiples). */
  static long bytes(String value) {
    Matcher m = SIZE.matcher(value);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
      long size =
          switch (unit) {
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
