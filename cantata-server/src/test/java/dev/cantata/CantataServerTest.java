package dev.cantata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cantata.config.Settings;
import dev.cantata.http.Routes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over real HTTP on loopback. */
final class CantataServerTest {
    @TempDir
    Path dir;

    final HttpClient client = HttpClient.newHttpClient();
    CantataServer server;

    CantataServer start(List<Integer> extraPorts, List<Routes> routes) {
        Settings settings = Settings.loopback(dir).toBuilder()
                .listenPorts(extraPorts)
                .maxRequestBytes(1 << 20)
                .build();
        server = CantataServer.start(settings, Map.of(), routes, InstantSource.system());
        return server;
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAnswersLikeTheDiffRhythmWrapperWithCantatasNameAndVersion() throws Exception {
        start(List.of(), List.of());

        HttpResponse<String> response = get(server.port(), "/api/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).contains("json"));
        assertThat(response.body())
                .isEqualTo("{\"status\":\"healthy\",\"message\":\"Cantata is running\",\"version\":\""
                        + Version.current()
                        + "\"}");
        assertThat(Version.current()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void theOpenApiDocumentIsGeneratedFromTheRoutes() throws Exception {
        start(List.of(), List.of());

        HttpResponse<String> response = get(server.port(), "/openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"openapi\"", "\"/api/health\"", "\"Health\"", "\"title\" : \"Cantata\"");
        // every dialect's routes are documented, and the shared POST /api/generate names both bodies
        assertThat(response.body())
                .contains(
                        "\"/speak\"",
                        "\"/v1/audio/speech\"",
                        "\"/api/edit\"",
                        "\"/api/status/{task_id}\"",
                        "\"/api/custom_generate\"",
                        "\"/api/extend_audio\"",
                        "\"/api/get_limit\"",
                        "\"/v1/chat/completions\"",
                        "multipart/form-data",
                        "DiffRhythm, multipart",
                        "Suno, application/json");
    }

    @Test
    void swaggerUiAndRedocAreServedWithTheirScriptsFromThisServerNotACdn() throws Exception {
        start(List.of(), List.of());

        for (String page : List.of("/docs", "/redoc")) {
            HttpResponse<String> html = get(server.port(), page);
            assertThat(html.statusCode()).as(page).isEqualTo(200);
            assertThat(html.body()).as(page).doesNotContain("https://", "http://");
            Matcher scripts = Pattern.compile("src=\"(/webjars/[^\"]+)\"").matcher(html.body());
            int found = 0;
            while (scripts.find()) {
                HttpResponse<String> script = get(server.port(), scripts.group(1));
                assertThat(script.statusCode()).as(scripts.group(1)).isEqualTo(200);
                assertThat(script.body().length()).as(scripts.group(1)).isGreaterThan(10_000);
                found++;
            }
            assertThat(found).as(page + " loads its UI script").isPositive();
        }
    }

    @Test
    void corsIsOpenLikeTheUpstreamServers() throws Exception {
        start(List.of(), List.of());

        HttpResponse<String> preflight = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/health"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://studio.example")
                        .header("Access-Control-Request-Method", "POST")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> plain = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/health"))
                        .header("Origin", "http://studio.example")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("access-control-allow-origin"))
                .hasValue("*");
        assertThat(plain.headers().firstValue("access-control-allow-origin")).hasValue("*");
    }

    @Test
    void extraPortsServeTheSameRoutes() throws Exception {
        int extra = freePort();
        start(List.of(extra), List.of());

        assertThat(server.extraPorts()).containsExactly(extra);
        assertThat(get(extra, "/api/health").body()).contains("healthy");
        assertThat(get(server.port(), "/api/health").body()).contains("healthy");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() throws Exception {
        start(List.of(), List.of(config -> config.router.mount(r -> r.post("/echo", ctx -> ctx.result(ctx.body())))));

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/echo"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[(1 << 20) + 1]))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("over the limit");
    }

    @Test
    void shutdownLetsARequestInFlightFinishAndThenRefusesConnections() throws Exception {
        start(
                List.of(),
                List.of(config -> config.router.mount(r -> r.get("/slow", ctx -> {
                    Thread.sleep(1500);
                    ctx.result("finished");
                }))));
        int port = server.port();
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);

        server.close();
        server = null;

        HttpResponse<String> response = inFlight.get();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("finished");
        assertThatThrownBy(() -> HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
