package dev.cantata.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SettingsLoaderTest {
    @TempDir
    Path dir;

    @Test
    void withNothingConfiguredTheEmbeddedDefaultsApply() {
        Settings settings = SettingsLoader.load(Map.of(), Map.of(), dir);

        assertThat(settings.port()).isEqualTo(8000);
        assertThat(settings.host()).isEqualTo("0.0.0.0");
        assertThat(settings.listenPorts()).isEmpty();
        assertThat(settings.dataDir()).isEqualTo(dir.resolve("data"));
        assertThat(settings.dbUrl()).isEqualTo("jdbc:sqlite:" + dir.resolve("data/cantata.db"));
        assertThat(settings.retention()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.lease()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxRequestBytes()).isEqualTo(64L << 20);
        assertThat(settings.workers()).isPositive();
    }

    @Test
    void aFlagBeatsTheEnvironmentWhichBeatsTheFile() throws IOException {
        Files.writeString(dir.resolve("cantata.properties"), "port=7001\nretention=2h\nworkers=3\n");

        Settings settings = SettingsLoader.load(
                Map.of("port", "7003"), Map.of("CANTATA_PORT", "7002", "CANTATA_RETENTION", "90m"), dir);

        assertThat(settings.port()).isEqualTo(7003);
        assertThat(settings.retention()).isEqualTo(Duration.ofMinutes(90));
        assertThat(settings.workers()).isEqualTo(3);
    }

    @Test
    void theConfigFileCanBeNamedByFlagOrEnvironment() throws IOException {
        Path file = dir.resolve("prod.properties");
        Files.writeString(file, "listen=3000, 3001\ndb=jdbc:postgresql://127.0.0.1/cantata\n");

        Settings fromEnv = SettingsLoader.load(Map.of(), Map.of("CANTATA_CONFIG", file.toString()), dir);
        Settings fromFlag = SettingsLoader.load(Map.of("config", "prod.properties"), Map.of(), dir);

        assertThat(fromEnv.listenPorts()).containsExactly(3000, 3001);
        assertThat(fromFlag.dbUrl()).isEqualTo("jdbc:postgresql://127.0.0.1/cantata");
    }

    @Test
    void durationsAndSizesTakeTheirUsualForms() {
        Settings settings = SettingsLoader.load(
                Map.of("retention", "PT36H", "lease", "1500ms", "max-request-size", "512KB", "sweep-interval", "2d"),
                Map.of(),
                dir);

        assertThat(settings.retention()).isEqualTo(Duration.ofHours(36));
        assertThat(settings.lease()).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.maxRequestBytes()).isEqualTo(512 * 1024);
        assertThat(settings.sweepInterval()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void sunoClipsAreKeptForeverUnlessAClipRetentionIsGiven() {
        Settings byDefault = SettingsLoader.load(Map.of(), Map.of(), dir);
        Settings forever = SettingsLoader.load(Map.of("clip-retention", "Forever"), Map.of(), dir);
        Settings month = SettingsLoader.load(Map.of(), Map.of("CANTATA_CLIP_RETENTION", "30d"), dir);

        assertThat(byDefault.clipRetention()).isNull();
        assertThat(byDefault.retention()).as("tasks keep upstream's 24 h").isEqualTo(Duration.ofHours(24));
        assertThat(forever.clipRetention()).isNull();
        assertThat(month.clipRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(month.toBuilder().build().clipRetention()).isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("clip-retention", "10s"), Map.of(), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage("clip-retention = \"10s\" (from flag --clip-retention): must be at least 1m");
    }

    @Test
    void aBadPortNamesTheKeyTheValueAndTheFlag() {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("port", "80000"), Map.of(), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage("port = \"80000\" (from flag --port): must be a whole number from 1 to 65535");
    }

    @Test
    void aBadDurationNamesTheEnvironmentVariable() {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("CANTATA_RETENTION", "forever"), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("retention = \"forever\" (from environment variable CANTATA_RETENTION): ")
                .hasMessageContaining("24h");
    }

    @Test
    void aBadValueInTheFileNamesTheFile() throws IOException {
        Files.writeString(dir.resolve("cantata.properties"), "workers=none\n");

        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of(), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage("workers = \"none\" (from config file "
                        + dir.resolve("cantata.properties")
                        + "): must be a whole number from 1 to 64");
    }

    @Test
    void anUnknownKeyInTheFileIsAnErrorNotIgnored() throws IOException {
        Files.writeString(dir.resolve("cantata.properties"), "prot=8000\n");

        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of(), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("prot (in config file ")
                .hasMessageContaining("unknown setting; known: config, host, port");
    }

    @Test
    void aSoundfontMustBeAReadableFile() throws IOException {
        Path sf2 = Files.writeString(dir.resolve("bank.sf2"), "RIFF");

        assertThat(SettingsLoader.load(Map.of("soundfont", "bank.sf2"), Map.of(), dir)
                        .soundfont())
                .isEqualTo(sf2);
        assertThat(SettingsLoader.load(Map.of(), Map.of(), dir).soundfont()).isNull();
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("CANTATA_SOUNDFONT", "missing.sf2"), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("soundfont")
                .hasMessageContaining("CANTATA_SOUNDFONT")
                .hasMessageContaining("no readable file there");
    }

    @Test
    void anUnsupportedDatabaseUrlIsRefused() {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("db", "jdbc:mysql://x/y"), Map.of(), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage("db = \"jdbc:mysql://x/y\" (from flag --db): must be jdbc:sqlite:FILE or"
                        + " jdbc:postgresql://HOST[:PORT]/DATABASE");
    }

    @Test
    void anExtraPortThatRepeatsTheMainPortIsRefused() {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("port", "3000", "listen", "3000"), Map.of(), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage("listen = \"3000\" (from flag --listen): repeats the main port 3000");
    }

    @Test
    void aMissingConfigFileIsAnError() {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("config", "nope.properties"), Map.of(), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config = \"nope.properties\" (from flag --config): no such file");
    }

    @Test
    void aLeaseUnderOneSecondIsRefused() {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("lease", "10ms"), Map.of(), dir))
                .hasMessage("lease = \"10ms\" (from flag --lease): must be at least 1s");
    }

    @Test
    void anApiKeyThatIsTooShortIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of("CANTATA_API_KEY", "hunter2"), dir))
                .hasMessage(
                        "api-key (from environment variable CANTATA_API_KEY): must be at least 8 printable characters without"
                                + " spaces");
    }

    @Test
    void theConfigKeyCannotBeSetFromTheFileItself() throws IOException {
        Files.writeString(dir.resolve("cantata.properties"), "config=other.properties\n");

        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of(), dir))
                .hasMessageStartingWith("config (in config file ")
                .hasMessageContaining("unknown setting");
    }

    @Test
    void anUnknownFlagIsAnError() {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("prot", "1"), Map.of(), dir))
                .hasMessageStartingWith(
                        "prot: unknown setting; known: config, host, port, listen, data, db, retention");
    }

    @Test
    void withNothingConfiguredTheResultIsTheBuildersDefaults() {
        Settings loaded = SettingsLoader.load(Map.of(), Map.of(), dir);

        assertThat(loaded).isEqualTo(Settings.builder(dir.resolve("data")).build());
    }

    @Test
    void everyKeyHasAnEnvironmentVariable() {
        assertThat(Setting.MAX_REQUEST_SIZE.env()).isEqualTo("CANTATA_MAX_REQUEST_SIZE");
        assertThat(Setting.MAX_REQUEST_SIZE.key()).isEqualTo("max-request-size");
        // Every key its own variable (a fixed count broke whenever a setting was added).
        assertThat(Setting.ALL.stream().map(Setting::env).distinct()).hasSameSizeAs(Setting.ALL);
    }
}
