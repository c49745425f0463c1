package dev.cantata.http.suno;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.CantataServer;
import dev.cantata.client.Multipart;
import dev.cantata.config.Settings;
import dev.cantata.testing.SettableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suno clips are a library, over real HTTP on a node whose clock the test moves: the task retention leaves them alone
 * (DiffRhythm tasks still go after 24 h), a clip retention deletes them, and never while an extension of them is still
 * to be made.
 */
final class ClipLibraryTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String LYRICS = "[Verse]\nMorning rain upon the window\n";

    @TempDir
    Path data;

    final SettableClock clock = new SettableClock(Instant.parse("2025-03-01T12:00:00Z"));
    final HttpClient client = HttpClient.newHttpClient();

    @Nullable
    CantataServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    void start(@Nullable Duration clipRetention) {
        server = CantataServer.start(
                Settings.loopback(data).toBuilder()
                        .clipRetention(clipRetention)
                        // finished clips report complete at once: the clock stands still
                        .streamingHold(Duration.ZERO)
                        // sweeps happen when the test runs them (the node's own first one finds nothing)
                        .sweepInterval(Duration.ofHours(1))
                        .build(),
                Map.of(),
                List.of(),
                clock);
    }

    CantataServer node() {
        assertThat(server).isNotNull();
        return server;
    }

    HttpResponse<String> send(String method, String path, @Nullable String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node().port() + path))
                .timeout(Duration.ofMinutes(3));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    List<String> ids(HttpResponse<String> clips) throws Exception {
        assertThat(clips.statusCode()).as(clips.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(clips.body()).forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    List<String> twoClips() throws Exception {
        return ids(send(
                "POST",
                "/api/custom_generate",
                "{\"prompt\":" + JSON.writeValueAsString(LYRICS) + ",\"tags\":\"folk\",\"title\":\"Rain\"}"));
    }

    List<String> existing(List<String> ids) throws Exception {
        return ids(send("GET", "/api/get?ids=" + String.join(",", ids), null));
    }

    void waitComplete(List<String> ids) throws Exception {
        for (int i = 0; i < 1200; i++) {
            JsonNode clips = JSON.readTree(
                    send("GET", "/api/get?ids=" + String.join(",", ids), null).body());
            boolean done = clips.size() == ids.size();
            for (JsonNode c : clips) {
                assertThat(c.get("status").asText()).as(c.toString()).isNotEqualTo("error");
                done &= c.get("status").asText().equals("complete");
            }
            if (done) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("clips " + ids + " did not complete");
    }

    String diffRhythmSong() throws Exception {
        Multipart form = new Multipart()
                .file(
                        "lyrics",
                        "lyrics.lrc",
                        "[00:10.00]Morning rain upon the window\n".getBytes(StandardCharsets.UTF_8))
                .field("ref_prompt", "folk, acoustic guitar")
                .field("audio_length", "95");
        HttpResponse<String> queued = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node().port() + "/api/generate"))
                        .header("Content-Type", form.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String id = JSON.readTree(queued.body()).get("task_id").asText();
        for (int i = 0; i < 1200; i++) {
            String status = JSON.readTree(send("GET", "/api/status/" + id, null).body())
                    .get("status")
                    .asText();
            if (status.equals("completed")) {
                return id;
            }
            assertThat(status).isNotEqualTo("failed");
            Thread.sleep(250);
        }
        throw new AssertionError("DiffRhythm task " + id + " did not complete");
    }

    boolean filesExist(String clip) {
        return Files.exists(data.resolve("blobs/tasks/" + clip));
    }

    @Test
    void byDefaultClipsOutliveTheTaskRetentionThatDeletesDiffRhythmTasks() throws Exception {
        start(null);
        List<String> clips = twoClips();
        String task = diffRhythmSong();
        waitComplete(clips);
        String audio = JSON.readTree(
                        send("GET", "/api/get?ids=" + clips.get(0), null).body())
                .get(0)
                .get("audio_url")
                .asText();
        clock.advance(Duration.ofDays(400));

        int deleted = node().retention().sweep();

        assertThat(deleted).isEqualTo(1);
        assertThat(send("GET", "/api/status/" + task, null).statusCode()).isEqualTo(404);
        assertThat(existing(clips)).containsExactlyElementsOf(clips);
        HttpResponse<byte[]> mp3 =
                client.send(HttpRequest.newBuilder(URI.create(audio)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(mp3.statusCode()).isEqualTo(200);
        assertThat(mp3.body().length).isGreaterThan(10_000);
    }

    @Test
    void aClipRetentionDeletesClipsButNeverOneAnExtensionStillToBeMadeReadsFrom() throws Exception {
        start(Duration.ofDays(7));
        List<String> clips = twoClips();
        String source = clips.get(0);
        String sibling = clips.get(1);
        waitComplete(clips);
        node().workers().stop(Duration.ofSeconds(10)); // so the extensions stay queued
        List<String> extensions = ids(send(
                "POST",
                "/api/extend_audio",
                "{\"audio_id\":\"" + source + "\",\"prompt\":\"[Verse 2]\\nThe city lights are fading slow\"}"));
        clock.advance(Duration.ofDays(6));

        assertThat(node().retention().sweep())
                .as("younger than the clip retention")
                .isZero();

        clock.advance(Duration.ofDays(2));
        assertThat(node().retention().sweep()).isEqualTo(1);
        assertThat(existing(List.of(source, sibling, extensions.get(0), extensions.get(1))))
                .containsExactly(source, extensions.get(0), extensions.get(1));
        assertThat(filesExist(source)).isTrue();
        assertThat(filesExist(sibling)).isFalse();

        HttpResponse<String> refused = send("DELETE", "/api/clip?id=" + source, null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).get("error").asText())
                .contains(source, "extension", "still being made");

        HttpResponse<String> gone = send("POST", "/api/delete", JSON.writeValueAsString(Map.of("ids", extensions)));
        assertThat(JSON.readTree(gone.body()).get("deleted"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(extensions);
        assertThat(node().retention().sweep())
                .as("nothing reads from it any more")
                .isEqualTo(1);

        assertThat(existing(List.of(source))).isEmpty();
        assertThat(filesExist(source)).isFalse();
        HttpResponse<String> extend = send("POST", "/api/extend_audio", "{\"audio_id\":\"" + source + "\"}");
        assertThat(extend.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(extend.body()).get("error").asText()).isEqualTo("Clip not found: " + source);
    }
}
