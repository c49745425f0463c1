package dev.cantata.cli;

import dev.cantata.CantataServer;
import dev.cantata.config.ConfigException;
import dev.cantata.config.Setting;
import dev.cantata.config.Settings;
import dev.cantata.config.SettingsLoader;
import dev.cantata.db.DataAccessException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cantata serve}: runs a node until SIGTERM or SIGINT. Its options are the {@link Setting}s, made when picocli
 * builds the command; every one can also come from an environment variable ({@code CANTATA_PORT}) or the config file;
 * flags win, then the environment, then the file.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the server.",
        modelTransformer = ServeCommand.SettingOptions.class)
final class ServeCommand implements Callable<Integer> {

    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    @Spec
    CommandSpec spec;

    /**
     * Adds an option per {@link Setting}. Every value is taken as text, so that {@link SettingsLoader} parses flags,
     * variables and file alike and reports a bad one in the same words.
     */
    static final class SettingOptions implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            for (Setting<?> setting : Setting.ALL) {
                command.addOption(OptionSpec.builder(setting.flag())
                        .paramLabel(setting.label())
                        .description(setting.description())
                        .type(String.class)
                        .build());
            }
            return command;
        }
    }

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
        for (Setting<?> setting : Setting.ALL) {
            String value = spec.findOption(setting.flag()).getValue();
            if (value != null) {
                flags.put(setting.key(), value);
            }
        }
        return flags;
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            text.append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
