package dev.cantata.http.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /} by Accept, the studio's files, and the routes the studio added, over real HTTP. */
final class StudioRoutesTest {
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(data, null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return server.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBrowserAtTheRootGetsTheStudioPage() throws Exception {
        HttpResponse<String> page = get("/", BROWSER);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Vary").orElse("")).contains("Accept");
        assertThat(page.body()).contains("<title>Cantata studio</title>", "/studio/js/main.js");
    }

    @Test
    void everyOtherClientAtTheRootGetsTheJsonItGotBefore() throws Exception {
        for (String accept : new String[] {null, "*/*", "application/json"}) {
            HttpResponse<String> root = get("/", accept);

            assertThat(root.statusCode()).isEqualTo(200);
            assertThat(root.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            JsonNode body = JSON.readTree(root.body());
            assertThat(body.get("name").asText()).isEqualTo("Cantata");
            assertThat(body.get("docs").asText()).isEqualTo("/docs");
            assertThat(body.get("health").asText()).isEqualTo("/api/health");
        }
    }

    @Test
    void thePagesScriptsAndTheWaveformLibraryComeFromTheServer() throws Exception {
        HttpResponse<String> page = get("/", BROWSER);
        HttpResponse<String> main = get("/studio/js/main.js", "*/*");
        HttpResponse<String> wavesurfer = get("/studio/vendor/wavesurfer.esm.js", "*/*");

        assertThat(main.statusCode()).isEqualTo(200);
        assertThat(main.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(wavesurfer.statusCode()).isEqualTo(200);
        assertThat(wavesurfer.body()).contains("registerPlugin", "export{");
        // nothing the page loads names another host
        assertThat(page.body()).doesNotContain("http://", "https://", "//cdn");
        assertThat(get("/studio/no-such-file.js", "*/*").statusCode()).isEqualTo(404);
    }

    @Test
    void theStyleRouteListsTheVocabularyAndTheWordsItWillIgnore() throws Exception {
        HttpResponse<String> answer = get("/api/style?text=melancholic%20folk,%20harmonica,%20zorbly", null);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.at("/vocabulary/genres").toString()).contains("\"folk\"", "\"hip hop\"");
        assertThat(body.at("/vocabulary/moods").toString()).contains("\"melancholic\"");
        assertThat(body.at("/vocabulary/instruments").toString()).contains("\"harmonica\"");
        assertThat(body.at("/reading/genre").asText()).isEqualTo("folk");
        assertThat(body.at("/reading/moods").toString()).isEqualTo("[\"melancholic\"]");
        assertThat(body.at("/reading/instruments").size()).isEqualTo(1);
        assertThat(body.at("/reading/unknown").toString()).isEqualTo("[\"zorbly\"]");
        assertThat(body.at("/reading/key_change").isNull()).isTrue();
        assertThat(body.at("/vocabulary/key_change").toString()).contains("\"key change\"");
        JsonNode lifted = JSON.readTree(
                get("/api/style?text=power%20ballad,%20key%20change", null).body());
        assertThat(lifted.at("/reading/key_change").asBoolean()).isTrue();
        assertThat(lifted.at("/reading/unknown").size()).isZero();
    }

    @Test
    void aStyleOverItsLimitIsRefusedInFastApisShape() throws Exception {
        HttpResponse<String> answer = get("/api/style?text=" + "a".repeat(1001), null);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).get("detail").asText()).contains("1001", "1000");
    }

    @Test
    void timingLyricsWithoutLyricsIsA422NamingTheField() throws Exception {
        HttpResponse<byte[]> answer = server.postJson("/api/time_lyrics", "{\"tags\":\"pop\"}");

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("lyrics");
    }

    @Test
    void plainLyricsComeBackAsATimedLrcFromTheComposer() throws Exception {
        HttpResponse<byte[]> answer = server.postJson(
                "/api/time_lyrics",
                "{\"lyrics\":\"[Verse]\\nSun on the water\\nSing it with me\\n[Chorus]\\nHold on to the light\","
                        + "\"tags\":\"pop\",\"seed\":3,\"duration\":24}");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        String[] lines = body.get("lrc").asText().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).matches("\\[\\d\\d:\\d\\d\\.\\d\\d]Sun on the water");
        assertThat(lines[2]).endsWith("]Hold on to the light");
        // each line after the one before, inside the 24 s asked for
        double previous = -1;
        for (String line : lines) {
            double at = Integer.parseInt(line.substring(1, 3)) * 60 + Double.parseDouble(line.substring(4, 9));
            assertThat(at).isGreaterThan(previous).isLessThan(24);
            previous = at;
        }
        assertThat(body.get("length").asDouble()).isEqualTo(24.0);
        assertThat(body.get("lines").asInt()).isEqualTo(3);
    }

    @Test
    void aSeedOrDurationThatIsNotANumberIsRefusedBeforeAnyCreditIsSpent() throws Exception {
        String limit = get("/api/get_limit", null).body();

        HttpResponse<byte[]> seed = server.postJson("/api/custom_generate", "{\"prompt\":\"la la\",\"seed\":1.5}");
        HttpResponse<byte[]> duration =
                server.postJson("/api/custom_generate", "{\"prompt\":\"la la\",\"duration\":\"long\"}");
        HttpResponse<byte[]> tooLong =
                server.postJson("/api/custom_generate", "{\"prompt\":\"la la\",\"duration\":601}");

        assertThat(seed.statusCode()).isEqualTo(400);
        assertThat(new String(seed.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"error\"", "seed must be a whole number");
        assertThat(duration.statusCode()).isEqualTo(400);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(new String(tooLong.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("5 to 600");
        assertThat(get("/api/get_limit", null).body()).isEqualTo(limit);
    }

    @Test
    void aReferenceThatIsNotARecordingOfTenSecondsIsRefusedBeforeAnyCreditIsSpent() throws Exception {
        String limit = get("/api/get_limit", null).body();
        String shortOne = java.util.Base64.getEncoder().encodeToString(dev.cantata.testing.Voices.vowelWav(200, 3));

        HttpResponse<byte[]> notBase64 =
                server.postJson("/api/custom_generate", "{\"prompt\":\"la la\",\"reference_audio\":\"%%%\"}");
        HttpResponse<byte[]> tooShort = server.postJson(
                "/api/custom_generate",
                "{\"prompt\":\"la la\",\"reference_audio\":\"data:audio/wav;base64," + shortOne + "\"}");

        assertThat(notBase64.statusCode()).isEqualTo(400);
        assertThat(new String(notBase64.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("reference_audio");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(new String(tooShort.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("reference_audio");
        assertThat(get("/api/get_limit", null).body()).isEqualTo(limit);
    }

    @Test
    void aSongMadeWithAReferenceFollowsItsTempo() throws Exception {
        // a click on every beat at 100 bpm for 12 s: a recording with one right answer for its tempo
        int rate = 22_050;
        float[] clicks = new float[rate * 12];
        for (int beat = 0; beat * 0.6 < 12; beat++) {
            int at = (int) Math.round(beat * 0.6 * rate);
            for (int i = 0; i < 400 && at + i < clicks.length; i++) {
                clicks[at + i] = (float) (0.8 * Math.sin(2 * Math.PI * 1000 * i / rate) * Math.exp(-i / 80.0));
            }
        }
        String wav = java.util.Base64.getEncoder().encodeToString(dev.cantata.audio.WavFile.bytes(clicks, rate, 1));

        HttpResponse<byte[]> queued = server.postJson(
                "/api/custom_generate",
                "{\"prompt\":\"\",\"make_instrumental\":true,\"tags\":\"pop\",\"duration\":8,\"seed\":5,"
                        + "\"reference_audio\":\"" + wav + "\"}");

        assertThat(queued.statusCode()).isEqualTo(200);
        String id = JSON.readTree(queued.body()).get(0).get("id").asText();
        JsonNode clip = null;
        for (int i = 0; i < 240; i++) {
            clip = JSON.readTree(get("/api/get?ids=" + id, null).body()).get(0);
            if ("completed".equals(clip.get("stage").asText())
                    || "error".equals(clip.get("status").asText())) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(clip.get("stage").asText()).isEqualTo("completed");
        assertThat(clip.get("progress").asInt()).isEqualTo(100);
        assertThat(clip.get("queue_position").asInt()).isZero();
        assertThat(clip.get("expires_at").isNull())
                .as("clip-retention is forever by default")
                .isTrue();
        assertThat(server.client
                        .send(
                                java.net.http.HttpRequest.newBuilder(server.uri("/api/download/"
                                                + clip.get("task_id").asText()))
                                        .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .headers()
                        .firstValue("Content-Type")
                        .orElse(""))
                .as("the clip's task_id names its master WAV")
                .contains("audio/wav");
        double tempo = JSON.readTree(
                        get("/api/get_sections?song_id=" + id, null).body())
                .get("tempo")
                .asDouble();
        assertThat(tempo).isCloseTo(100, org.assertj.core.data.Offset.offset(3.0));
    }
}
