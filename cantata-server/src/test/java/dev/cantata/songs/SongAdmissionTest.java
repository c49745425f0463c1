package dev.cantata.songs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.CantataServer;
import dev.cantata.client.Multipart;
import dev.cantata.config.Settings;
import dev.cantata.jobs.TaskHandler;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The song queue is bounded, in all and per client, over real HTTP in both song dialects: a request past either limit
 * gets 429 with {@code Retry-After} in its dialect's error shape, and a refused Suno request costs no credits. Songs
 * never finish here (their handler waits), so what is queued stays queued.
 */
final class SongAdmissionTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private final CountDownLatch never = new CountDownLatch(1);
    private @Nullable CantataServer node;
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        never.countDown();
        if (node != null) {
            node.close();
        }
    }

    private void start(int total, int perClient, @Nullable Set<String> accounts) {
        Settings settings = Settings.loopback(data).toBuilder()
                .maxQueuedSongs(total)
                .maxQueuedSongsPerClient(perClient)
                .accounts(accounts)
                .build();
        TaskHandler waits = (task, context) -> {
            never.await();
            throw new InterruptedException("the test is over");
        };
        node = CantataServer.start(settings, Map.of(SongJob.KIND, waits), List.of(), InstantSource.system());
    }

    private HttpResponse<String> send(String path, HttpRequest.BodyPublisher body, String type, @Nullable String key)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + node().port() + path))
                .header("Content-Type", type)
                .POST(body);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private CantataServer node() {
        assertThat(node).isNotNull();
        return java.util.Objects.requireNonNull(node);
    }

    private HttpResponse<String> diffRhythm(@Nullable String key) throws Exception {
        Multipart form = new Multipart()
                .file("lyrics", "l.lrc", "[00:01.00]One more song\n".getBytes(StandardCharsets.UTF_8))
                .field("ref_prompt", "ambient")
                .field("audio_length", "95");
        return send("/api/generate", HttpRequest.BodyPublishers.ofByteArray(form.bytes()), form.contentType(), key);
    }

    private HttpResponse<String> suno(@Nullable String key) throws Exception {
        return send(
                "/api/custom_generate",
                HttpRequest.BodyPublishers.ofString("{\"prompt\":\"[Verse]\\nla la la\\n\",\"tags\":\"pop\"}"),
                "application/json",
                key);
    }

    private int creditsLeft(@Nullable String key) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + node().port() + "/api/get_limit"));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        String body = client.send(request.build(), HttpResponse.BodyHandlers.ofString())
                .body();
        return JSON.readTree(body).get("credits_left").asInt();
    }

    private static void assertRefused(HttpResponse<String> r, String field, String who) throws Exception {
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 3600));
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get(field).asText()).contains("Too many songs queued", who);
    }

    @Test
    void aDiffRhythmClientPastItsShareGets429WithRetryAfterWhileOthersStillQueue() throws Exception {
        start(3, 2, null);

        assertThat(diffRhythm(null).statusCode()).isEqualTo(200);
        assertThat(diffRhythm(null).statusCode()).isEqualTo(200);
        assertRefused(diffRhythm(null), "detail", "this address");

        assertThat(diffRhythm("someone-else").statusCode())
                .as("another account has its own share")
                .isEqualTo(200);
        assertRefused(diffRhythm("a-third-one"), "detail", "this server");
        assertThat(node().tasks().load(SongJob.KIND, null).total()).isEqualTo(3);
    }

    @Test
    void aRefusedSunoRequestCostsNoCreditsAndAnswersInSunosShape() throws Exception {
        start(100, 4, null);

        assertThat(suno(null).statusCode()).isEqualTo(200);
        assertThat(suno(null).statusCode()).isEqualTo(200);
        int left = creditsLeft(null);
        assertRefused(suno(null), "error", "this address");

        assertThat(creditsLeft(null)).isEqualTo(left).isEqualTo(500 - 4 * 5);
        assertThat(node().tasks().load(SongJob.KIND, null).total()).isEqualTo(4);
    }

    @Test
    void withAccountsListedAMadeUpBearerIsPooledWithAnonymousRequests() throws Exception {
        start(100, 2, Set.of("alice-key-0001"));

        assertThat(suno("made-up-key").statusCode()).isEqualTo(200);
        assertThat(creditsLeft(null))
                .as("the made-up key spent the anonymous pool")
                .isEqualTo(490);
        assertThat(creditsLeft("another-made-up-key")).isEqualTo(490);
        assertThat(creditsLeft("alice-key-0001")).isEqualTo(500);
        assertRefused(suno("yet-another-key"), "error", "this address");
        assertThat(suno("alice-key-0001").statusCode()).isEqualTo(200);
    }
}
