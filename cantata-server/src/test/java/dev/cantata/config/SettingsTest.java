package dev.cantata.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void aLoopbackNodeHasTheServersDefaultsExceptHostPortAndWorkers() {
        Settings served = SettingsLoader.load(Map.of("data", dir.toString()), Map.of(), dir);

        Settings loopback = Settings.loopback(dir);

        assertThat(loopback.host()).isEqualTo("127.0.0.1");
        assertThat(loopback.port()).isZero();
        assertThat(loopback.workers()).isEqualTo(1);
        assertThat(loopback.toBuilder()
                        .host(served.host())
                        .port(served.port())
                        .workers(served.workers())
                        .build())
                .isEqualTo(served);
        assertThat(loopback.shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theDatabaseIsASqliteFileInTheDataFolderUnlessSet() {
        assertThat(Settings.builder(dir).build().dbUrl()).isEqualTo("jdbc:sqlite:" + dir.resolve("cantata.db"));
        assertThat(Settings.builder(dir)
                        .dbUrl("jdbc:postgresql://db/cantata")
                        .build()
                        .dbUrl())
                .isEqualTo("jdbc:postgresql://db/cantata");
    }

    @Test
    void toBuilderChangesOnlyWhatIsSet() {
        Settings before = Settings.loopback(dir);

        Settings after = before.toBuilder()
                .credits(40)
                .streamingHold(Duration.ofSeconds(1))
                .build();

        assertThat(after.credits()).isEqualTo(40);
        assertThat(after.streamingHold()).isEqualTo(Duration.ofSeconds(1));
        assertThat(after.toBuilder()
                        .credits(before.credits())
                        .streamingHold(before.streamingHold())
                        .build())
                .isEqualTo(before);
    }

    @Test
    void anExtraPortThatRepeatsTheMainPortIsRefused() {
        assertThatThrownBy(() -> Settings.builder(dir)
                        .port(3000)
                        .listenPorts(List.of(3000))
                        .build())
                .isInstanceOf(ConfigException.class)
                .hasMessage("listen = [3000]: repeats the main port 3000");
    }
}
