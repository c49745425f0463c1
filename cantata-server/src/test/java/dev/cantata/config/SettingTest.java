package dev.cantata.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SettingTest {
    @TempDir
    Path dir;

    /**
     * The README's configuration table is this one, generated from {@link Setting#ALL}; when a setting changes, paste the
     * table the failure prints into {@code README.md}.
     */
    @Test
    void theReadmeConfigurationTableIsTheOneTheSettingsGenerate() throws IOException {
        String generated = readmeTable();

        assertThat(tableInReadme())
                .withFailMessage("README.md's configuration table is out of date; replace it with:%n%n%s%n", generated)
                .isEqualTo(generated);
    }

    @Test
    void everyDefaultParses() {
        for (Setting<?> setting : Setting.ALL) {
            if (setting.defaultValue() != null) {
                setting.parser().parse(setting.defaultValue(), dir);
            }
        }
    }

    @Test
    void keysAreUniqueAndNameTheirFlagAndVariable() {
        assertThat(new HashSet<>(Setting.ALL.stream().map(Setting::key).toList()))
                .hasSize(Setting.ALL.size());
        assertThat(Setting.SWEEP_INTERVAL.flag()).isEqualTo("--sweep-interval");
        assertThat(Setting.SWEEP_INTERVAL.env()).isEqualTo("CANTATA_SWEEP_INTERVAL");
        assertThat(Setting.named("sweep-interval")).contains(Setting.SWEEP_INTERVAL);
        assertThat(Setting.named("sweep_interval")).isEmpty();
    }

    @Test
    void theHelpLineIsASentenceWithTheDefaultAndNoMarkdown() {
        assertThat(Setting.PORT.description()).isEqualTo("Main HTTP port (default 8000).");
        assertThat(Setting.STREAMING_HOLD.description())
                .isEqualTo("How long a finished Suno clip still reports streaming (default 10s).");
        assertThat(Setting.API_KEY.description())
                .isEqualTo("When set, every route (docs and health too) wants Authorization: Bearer KEY, but for the"
                        + " studio's page and files (the page asks for the key and sends it).");
    }

    @Test
    void onlyKeysAreSecret() {
        assertThat(Setting.ALL.stream().filter(Setting::secret).toList())
                .containsExactly(Setting.API_KEY, Setting.ACCOUNTS);
    }

    @Test
    void aKeyIsLowerCaseWordsJoinedByHyphens() {
        assertThatThrownBy(() -> new Setting<>("Max_Size", "N", "1", "`1`", "x", false, (v, d) -> v, (b, v) -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The Markdown table of every setting, as the README shows it. */
    static String readmeTable() {
        List<String> rows = new ArrayList<>();
        rows.add("| Flag / file key | Environment | Default | Meaning |");
        rows.add("|---|---|---|---|");
        for (Setting<?> setting : Setting.ALL) {
            String names = "`" + setting.flag() + "`" + (setting.inFile() ? " / `" + setting.key() + "`" : "");
            rows.add("| " + names + " | `" + setting.env() + "` | " + setting.shownDefault() + " | " + setting.help()
                    + " |");
        }
        return String.join("\n", rows);
    }

    /** The table under {@code ## Configuration} in the repository's README. */
    private static String tableInReadme() throws IOException {
        List<String> lines = Files.readAllLines(readme());
        int heading = lines.indexOf("## Configuration");
        assertThat(heading).as("README.md has a ## Configuration section").isNotNegative();
        int start = heading;
        while (start < lines.size() && !lines.get(start).startsWith("|")) {
            start++;
        }
        int end = start;
        while (end < lines.size() && lines.get(end).startsWith("|")) {
            end++;
        }
        return String.join("\n", lines.subList(start, end));
    }

    private static Path readme() {
        // Tests run in the module's folder; the README is at the repository's root, above it.
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.isRegularFile(at.resolve("README.md")) && Files.isDirectory(at.resolve("cantata-server"))) {
                return at.resolve("README.md");
            }
        }
        throw new IllegalStateException("no README.md above " + Path.of("").toAbsolutePath());
    }
}
