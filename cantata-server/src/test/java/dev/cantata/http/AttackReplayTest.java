package dev.cantata.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.config.Settings;
import dev.cantata.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The requests that took a node down when it was attacked, replayed as they were sent: each is now refused (or served)
 * in its dialect's words, and the node goes on making songs and speaking.
 */
final class AttackReplayTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    static TestServer server;

    @BeforeAll
    static void start() {
        server =
                TestServer.start(Settings.loopback(data).toBuilder().credits(10).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode json(HttpResponse<byte[]> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void lyricsThatOverflowedTheXmlParserAreRefusedBeforeTheyAreQueued() throws Exception {
        HttpResponse<byte[]> r = server.postJson(
                "/api/custom_generate",
                JSON.writeValueAsString(java.util.Map.of("prompt", "[".repeat(19_999), "tags", "pop")));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").asText()).isNotBlank();
    }

    @Test
    void lyricsThatComposedAForty_thousandSecondSongAreRefused() throws Exception {
        String lyrics = "[Verse]\nla la la\n" + "[a]\n".repeat(830);
        HttpResponse<byte[]> r = server.postJson(
                "/api/custom_generate",
                JSON.writeValueAsString(java.util.Map.of("prompt", lyrics, "tags", "ballad 40 bpm")));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").asText()).containsIgnoringCase("section");
    }

    @Test
    void aDescriptionOfThreeHundredKilobytesIsRefusedBeforeAnyWork() throws Exception {
        String huge = "a song about the sea ".repeat(15_000);
        for (String path : new String[] {"/api/generate_lyrics", "/api/generate"}) {
            HttpResponse<byte[]> r = server.postJson(path, JSON.writeValueAsString(java.util.Map.of("prompt", huge)));
            assertThat(r.statusCode()).as(path).isEqualTo(400);
        }
    }

    @Test
    void speechOfTenThousandDotsAndOfOddCharactersIsAnsweredNotFailed() throws Exception {
        // streamed: its first piece is the answer that matters (it used to take seconds to tokenise); then hang up
        HttpResponse<java.io.InputStream> dots = server.client.send(
                java.net.http.HttpRequest.newBuilder(server.uri("/speak"))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"female\",\"text\":\"" + "a.".repeat(9_999) + "\",\"stream\":true}"))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream in = dots.body()) {
            assertThat(dots.statusCode()).isEqualTo(200);
            assertThat(in.read()).isNotNegative();
        }
        HttpResponse<byte[]> surrogate =
                server.postJson("/v1/audio/speech", "{\"model\":\"tts-1\",\"voice\":\"alloy\",\"input\":\"\\ud800\"}");
        assertThat(surrogate.statusCode()).isEqualTo(400);
        assertThat(json(surrogate).get("error").get("message").asText()).isNotBlank();
        HttpResponse<byte[]> noncharacter =
                server.postJson("/speak", "{\"name\":\"female\",\"text\":\"\\ufffe hi\",\"response_format\":\"wav\"}");
        assertThat(noncharacter.statusCode()).isLessThan(500);
    }

    @Test
    void afterTheAttacksTheNodeStillMakesASongAndRunsOutOfCreditsPolitely() throws Exception {
        HttpResponse<byte[]> r = server.postJson(
                "/api/custom_generate", "{\"prompt\":\"[Verse]\\nStill standing here\\n\",\"tags\":\"folk\"}");
        assertThat(r.statusCode())
                .as(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(200);
        String id = json(r).get(0).get("id").asText();
        for (int i = 0; i < 1200; i++) {
            JsonNode clip =
                    JSON.readTree(server.get("/api/get?ids=" + id).body()).get(0);
            String status = clip.get("status").asText();
            if (status.equals("complete")
                    || (status.equals("streaming") && !clip.get("duration").isNull())) {
                break;
            }
            assertThat(status).as(clip.toString()).isNotEqualTo("error");
            Thread.sleep(250);
        }
        assertThat(JSON.readTree(server.get("/api/get_limit").body())
                        .get("credits_left")
                        .asInt())
                .isZero();
        HttpResponse<byte[]> chat =
                server.postJson("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"a song\"}]}");
        assertThat(chat.statusCode()).isEqualTo(402);
    }
}
