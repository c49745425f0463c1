package dev.cantata.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Resolves {@link Settings} from, in falling precedence: command-line flags, environment variables ({@code
 * CANTATA_PORT} for {@code port}), a properties file, and the defaults, for every {@link Setting}. Every failure is a
 * {@link ConfigException} that names the key, the offending value and its source, so a mistyped deployment fails at
 * start, not at first use.
 */
public final class SettingsLoader {

    /** The file read when neither {@code --config} nor {@code CANTATA_CONFIG} names one, if it exists. */
    public static final String DEFAULT_FILE = "cantata.properties";

    /** A setting's text and where it came from, as error messages name it ({@code flag --port}). */
    private record Raw(String value, String source) {}

    private final Path workDir;
    private final Map<Setting<?>, Raw> given = new LinkedHashMap<>();

    private SettingsLoader(Path workDir) {
        this.workDir = workDir;
    }

    /**
     * Loads the settings from the command line, the environment, the properties file and the defaults.
     *
     * @param flags values given on the command line, by {@link Setting#key()}; absent keys are simply not there
     * @param env the process environment
     * @param workDir where relative paths and the default config file are resolved
     * @throws ConfigException for an unknown key, a value that does not parse, or a file that cannot be read
     */
    public static Settings load(Map<String, String> flags, Map<String, String> env, Path workDir) {
        for (String flag : flags.keySet()) {
            if (Setting.named(flag).isEmpty()) {
                throw new ConfigException(flag + ": unknown setting; known: " + Setting.keys());
            }
        }
        SettingsLoader loader = new SettingsLoader(workDir);
        Map<String, String> file = Map.of();
        String fileSource = "";
        Raw named = pick(Setting.CONFIG, flags, env);
        Path path = named != null ? loader.parse(Setting.CONFIG, named) : workDir.resolve(DEFAULT_FILE);
        if (named != null || Files.isRegularFile(path)) {
            file = readFile(path);
            fileSource = "config file " + path;
        }
        for (Setting<?> setting : Setting.ALL) {
            Raw value = pick(setting, flags, env);
            if (value == null && setting.inFile() && file.containsKey(setting.key())) {
                value = new Raw(file.get(setting.key()), fileSource);
            }
            if (value != null && !setting.equals(Setting.CONFIG)) {
                loader.given.put(setting, value);
            }
        }
        return loader.build();
    }

    private static @Nullable Raw pick(Setting<?> setting, Map<String, String> flags, Map<String, String> env) {
        String flag = flags.get(setting.key());
        if (flag != null) {
            return new Raw(flag, "flag " + setting.flag());
        }
        String variable = env.get(setting.env());
        if (variable != null) {
            return new Raw(variable, "environment variable " + setting.env());
        }
        return null;
    }

    private static Map<String, String> readFile(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("config = \"" + path + "\": cannot be read: " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (!Setting.named(name).map(Setting::inFile).orElse(false)) {
                throw new ConfigException(
                        name + " (in config file " + path + "): unknown setting; known: " + Setting.keys());
            }
            values.put(name, properties.getProperty(name).trim());
        }
        return values;
    }

    private Settings build() {
        Settings.Builder settings = Settings.builder(value(Setting.DATA));
        for (Map.Entry<Setting<?>, Raw> entry : given.entrySet()) {
            apply(entry.getKey(), entry.getValue(), settings);
        }
        Raw listen = given.get(Setting.LISTEN);
        int port = value(Setting.PORT);
        if (listen != null && value(Setting.LISTEN).contains(port)) {
            throw invalid(Setting.LISTEN, listen, "repeats the main port " + port);
        }
        return settings.build();
    }

    private <T> void apply(Setting<T> setting, Raw raw, Settings.Builder settings) {
        setting.into().accept(settings, parse(setting, raw));
    }

    /** The setting's value as given, else its default; only for settings that have one. */
    private <T> T value(Setting<T> setting) {
        Raw raw = given.get(setting);
        if (raw == null) {
            String fallback = setting.defaultValue();
            if (fallback == null) {
                throw new IllegalStateException(setting.key() + " has no default");
            }
            raw = new Raw(fallback, "default");
        }
        return parse(setting, raw);
    }

    private <T> T parse(Setting<T> setting, Raw raw) {
        try {
            return setting.parser().parse(raw.value().trim(), workDir);
        } catch (IllegalArgumentException e) {
            throw invalid(setting, raw, e.getMessage() == null ? "is not valid" : e.getMessage());
        }
    }

    private static ConfigException invalid(Setting<?> setting, Raw raw, String why) {
        // A secret is not repeated: the message goes to logs and terminals other people read.
        String shown = setting.secret() ? "" : " = \"" + raw.value() + "\"";
        return new ConfigException(setting.key() + shown + " (from " + raw.source() + "): " + why);
    }
}
