package dev.cantata.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With an API key set, every route wants it, and each family says no in its own shape. */
final class ApiKeyTest {
    static final String KEY = "s3cret-key-for-tests";

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

    HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return server.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutTheKeyFlashTtsRoutesAnswer401InFlashTtsShape() throws Exception {
        HttpResponse<String> response = get("/audio_roles", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"Unauthorized\"}");
    }

    @Test
    void withAWrongKeyOpenAiRoutesAnswer401InOpenAisShape() throws Exception {
        HttpResponse<String> response = get("/v1/models", "Bearer wrong");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"code\":\"invalid_api_key\"", "\"type\":\"invalid_request_error\"");
    }

    @Test
    void everyRouteIncludingHealthAndDocsWantsTheKey() throws Exception {
        assertThat(get("/api/health", null).statusCode()).isEqualTo(401);
        assertThat(get("/docs", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/health", "Bearer " + KEY).statusCode()).isEqualTo(200);
        assertThat(get("/audio_roles", "Bearer " + KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void corsPreflightNeedsNoKey() throws Exception {
        HttpResponse<String> response = server.client.send(
                HttpRequest.newBuilder(server.uri("/v1/audio/speech"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://app.example")
                        .header("Access-Control-Request-Method", "POST")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
    }
}
