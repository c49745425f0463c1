package dev.cantata.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cantata} command line. */
@Command(
        name = "cantata",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Self-hosted song and speech generation server.",
        subcommands = {ServeCommand.class, SayCommand.class, SongCommand.class, BenchCommand.class})
public final class Main {

    public static void main(String[] args) {
        int code = new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"cantata " + dev.cantata.Version.current()};
        }
    }
}
