package dev.cantata.http.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With an API key, the studio's page opens (it is where the key is typed in); everything it calls wants the key. */
final class StudioApiKeyTest {
    static final String KEY = "studio-test-key";

    @TempDir
    static Path data;

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(data, KEY);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static int status(String path, String accept, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).header("Accept", accept);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return server.client
                .send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void thePageAndItsFilesOpenWithoutTheKey() throws Exception {
        assertThat(status("/", StudioRoutesTest.BROWSER, null)).isEqualTo(200);
        assertThat(status("/studio/js/api.js", "*/*", null)).isEqualTo(200);
    }

    @Test
    void theRootsJsonAndTheApiStillWantTheKey() throws Exception {
        assertThat(status("/", "*/*", null)).isEqualTo(401);
        assertThat(status("/api/get", "*/*", null)).isEqualTo(401);
        assertThat(status("/api/style", "*/*", null)).isEqualTo(401);
        assertThat(status("/api/get", "*/*", "Bearer " + KEY)).isEqualTo(200);
    }
}
