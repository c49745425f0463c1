package dev.cantata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.config.Setting;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

final class ServeCommandTest {

    @Test
    void aBadFlagStopsTheServerBeforeItStartsWithExitCodeTwoAndTheKeyInTheMessage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = new CommandLine(new Main()).execute("serve", "--port", "abc");
        } finally {
            System.setErr(original);
        }

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo(
                        "cantata: invalid configuration: port = \"abc\" (from flag --port): must be a whole number from 1 to"
                                + " 65535"
                                + System.lineSeparator());
    }

    @Test
    void anUnreachableDatabaseIsReportedAsSuchWithExitCodeOne() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = new CommandLine(new Main())
                    .execute("serve", "--port", "1", "--db", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
        } finally {
            System.setErr(original);
        }

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("cantata: cannot open the database: connecting to");
    }

    @Test
    void theHelpListsEverySettingWithItsLabelAndDescription() {
        String help =
                new CommandLine(new Main()).getSubcommands().get("serve").getUsageMessage(CommandLine.Help.Ansi.OFF);

        // picocli wraps long lines at spaces and at punctuation, so the comparison ignores whitespace
        String unwrapped = help.replaceAll("\\s+", "");
        for (Setting<?> setting : Setting.ALL) {
            assertThat(help).contains(setting.flag() + "=" + setting.label());
            assertThat(unwrapped).contains(setting.description().replaceAll("\\s+", ""));
        }
    }

    @Test
    void aFlagOfEverySettingIsPassedToTheLoaderUnderItsKey() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = new CommandLine(new Main()).execute("serve", "--streaming-hold", "soon");
        } finally {
            System.setErr(original);
        }

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("cantata: invalid configuration: streaming-hold = \"soon\" (from flag --streaming-hold): ");
    }
}
