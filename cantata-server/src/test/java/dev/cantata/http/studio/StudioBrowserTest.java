package dev.cantata.http.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cantata.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studio in a real browser: Debian's headless Chromium, driven by Playwright (node), against a live node. The
 * script ({@code src/main/studio/e2e/studio.e2e.mjs}) makes, plays, mixes, edits, speaks, clones and deletes, and
 * fails on any console error or any request to another host. {@code ./cantata test} installs Chromium; the build
 * installs Playwright with the studio's npm packages. Set {@code -Dcantata.studio.screenshots=DIR} to keep the
 * screenshots of each screen.
 */
final class StudioBrowserTest {
    static final Path STUDIO = Path.of("src/main/studio");

    @TempDir
    Path data;

    @Test
    void aPersonMakesHearsMixesEditsSpeaksClonesAndDeletesInChromium() throws Exception {
        Path chromium = chromium();
        try (TestServer server = TestServer.start(data.resolve("node"), null)) {
            String log = run("e2e/studio.e2e.mjs", server, chromium, null);
            assertThat(log).contains("all checks passed");
        }
    }

    @Test
    void onANodeWithAKeyThePageAsksForItKeepsItAndSendsIt() throws Exception {
        Path chromium = chromium();
        try (TestServer server = TestServer.start(data.resolve("keyed"), "studio-browser-key")) {
            String log = run("e2e/studio-key.e2e.mjs", server, chromium, "studio-browser-key");
            assertThat(log).contains("all checks passed");
        }
    }

    private static Path chromium() {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        assumeTrue(
                Files.isExecutable(chromium),
                "Debian's chromium is not installed at " + chromium
                        + " (apt-get install chromium; ./cantata test installs it): the studio's browser test is skipped");
        assertThat(STUDIO.resolve("node_modules/playwright-core"))
                .as("playwright-core, which the build installs with npm ci")
                .isDirectory();
        return chromium;
    }

    /** Runs one of the studio's browser scripts against {@code server}; fails with its output unless it passes. */
    private String run(String script, TestServer server, Path chromium, String key) throws Exception {
        Path output = data.resolve(script.replace('/', '_') + ".log");
        ProcessBuilder node = new ProcessBuilder("node", script)
                .directory(STUDIO.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        node.environment().put("CANTATA_URL", "http://127.0.0.1:" + server.server.port());
        node.environment().put("CHROMIUM", chromium.toString());
        if (key != null) {
            node.environment().put("CANTATA_KEY", key);
        }
        String shots = System.getProperty("cantata.studio.screenshots");
        if (shots != null && !shots.isBlank()) {
            node.environment()
                    .put("SCREENSHOTS", Path.of(shots).toAbsolutePath().toString());
        }
        Process process = node.start();
        boolean finished = process.waitFor(6, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "(no output)";
        System.out.println(log);
        assertThat(finished)
                .as("the browser script finished within 6 minutes:\n" + log)
                .isTrue();
        assertThat(process.exitValue())
                .as("the browser script's checks:\n" + log)
                .isZero();
        return log;
    }
}
