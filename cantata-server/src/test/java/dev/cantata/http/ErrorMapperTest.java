package dev.cantata.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose database is out of reach (its pool closed: every statement finds no connection, as when PostgreSQL is
 * down once the pool's 5 s timeout has passed) still speaks with built-in voices, and answers what needs the database
 * with 503 and {@code Retry-After} in the shape of the request's dialect, rather than 500.
 */
final class ErrorMapperTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    static TestServer server;

    @BeforeAll
    static void startThenLoseTheDatabase() {
        server = TestServer.start(data, null);
        server.server.database().close();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode unavailable(HttpResponse<byte[]> r) throws Exception {
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
        return JSON.readTree(r.body());
    }

    @Test
    void builtInVoicesSpeakWithoutTheDatabase() throws Exception {
        HttpResponse<byte[]> flash = server.postJson("/speak", "{\"name\":\"female\",\"text\":\"Still here.\"}");
        HttpResponse<byte[]> openAi = server.postJson(
                "/v1/audio/speech", "{\"model\":\"tts-1\",\"voice\":\"alloy\",\"input\":\"Still here.\"}");

        assertThat(flash.statusCode()).isEqualTo(200);
        assertThat(flash.body().length).isGreaterThan(1000);
        assertThat(openAi.statusCode()).isEqualTo(200);
    }

    @Test
    void anAddedSpeakerIsUnavailableInFastApisShape() throws Exception {
        JsonNode body = unavailable(server.postJson("/speak", "{\"name\":\"my-added-voice\",\"text\":\"Hello.\"}"));
        assertThat(body.get("detail").asText()).contains("database is unavailable");
    }

    @Test
    void openAiNamesThatNeedTheDatabaseAreUnavailableInOpenAisShape() throws Exception {
        JsonNode body = unavailable(server.postJson(
                "/v1/audio/speech", "{\"model\":\"tts-1\",\"voice\":\"my-added-voice\",\"input\":\"Hello.\"}"));
        assertThat(body.get("error").get("message").asText()).contains("database is unavailable");
    }

    @Test
    void sunoCreditsAreUnavailableInSunosShape() throws Exception {
        HttpResponse<String> r = server.get("/api/get_limit");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(JSON.readTree(r.body()).get("error").asText()).contains("database is unavailable");
    }

    @Test
    void aDiffRhythmStatusIsUnavailableInFastApisShape() throws Exception {
        HttpResponse<String> r = server.get("/api/status/00000000-0000-0000-0000-000000000000");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(r.body()).get("detail").asText()).contains("database is unavailable");
    }
}
