package dev.cantata.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.client.Multipart;
import dev.cantata.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chinese lyrics sung end to end: DiffRhythm's example with a Chinese LRC (the finished task says what was sung) and an
 * edit of it with a new Chinese line, and a Suno clip whose aligned lyrics are its Hanzi at their notes and whose stems
 * come from its score.
 */
final class ChineseSongTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String LRC = "[00:05.00]我们一起走过春天\n[00:10.00]风吹过你的笑脸\n[00:15.00]唱一首歌给你听\n";

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

    static JsonNode get(String path) throws Exception {
        return JSON.readTree(server.get(path).body());
    }

    @Test
    void diffRhythmsExampleWithAChineseLrcIsSungAndTheStatusSaysWhatWasSung() throws Exception {
        HttpResponse<byte[]> queued = server.postMultipart(
                "/api/generate",
                new Multipart()
                        .file("lyrics", "lyrics.lrc", LRC.getBytes(StandardCharsets.UTF_8))
                        .field("ref_prompt", "pop ballad")
                        .field("audio_length", "95"));
        assertThat(queued.statusCode()).isEqualTo(200);
        String id = JSON.readTree(queued.body()).get("task_id").asText();

        JsonNode status = null;
        for (int i = 0; i < 900; i++) {
            status = get("/api/status/" + id);
            String s = status.get("status").asText();
            if (s.equals("completed") || s.equals("failed")) {
                break;
            }
            Thread.sleep(200);
        }

        assertThat(status.get("status").asText()).as(status.toString()).isEqualTo("completed");
        assertThat(status.get("message").asText()).isEqualTo("Sung in Chinese (Mandarin), 3 lines.");
        HttpResponse<byte[]> wav = server.client.send(
                HttpRequest.newBuilder(server.uri("/api/download/" + id)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        float[] audio = TestServer.ffmpegDecode(wav.body(), 16_000, false);
        assertThat(audio.length / 16_000.0).isBetween(94.0, 96.0);

        // an edit with a new Chinese line: sung in its segment, the rest kept
        HttpResponse<byte[]> edit = server.postMultipart(
                "/api/edit",
                new Multipart()
                        .file("lyrics", "l.lrc", "[00:31.00]月亮照在小河上\n".getBytes(StandardCharsets.UTF_8))
                        .file("ref_song", "song.wav", wav.body())
                        .field("ref_prompt", "pop ballad")
                        .field("edit_segments", "[[30,45]]"));
        assertThat(edit.statusCode()).isEqualTo(200);
        JsonNode edited = finished(JSON.readTree(edit.body()).get("task_id").asText());
        assertThat(edited.get("status").asText()).as(edited.toString()).isEqualTo("completed");
        assertThat(edited.get("message").asText()).isEqualTo("Sung in Chinese (Mandarin), 1 line.");
        float[] after = TestServer.ffmpegDecode(
                server.client
                        .send(
                                HttpRequest.newBuilder(server.uri("/api/download/"
                                                + edited.get("task_id").asText()))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray())
                        .body(),
                16_000,
                false);
        int same = 0;
        for (int i = 0; i < 25 * 16_000; i++) {
            same += Math.abs(after[i] - audio[i]) < 1e-3 ? 1 : 0;
        }
        assertThat(same).as("samples before the segment kept").isGreaterThan((int) (0.99 * 25 * 16_000));
    }

    private static JsonNode finished(String id) throws Exception {
        JsonNode status = null;
        for (int i = 0; i < 900; i++) {
            status = get("/api/status/" + id);
            String s = status.get("status").asText();
            if (s.equals("completed") || s.equals("failed")) {
                return status;
            }
            Thread.sleep(200);
        }
        return status;
    }

    @Test
    void aSunoClipOfChineseLyricsHasItsHanziAsAlignedWords() throws Exception {
        HttpResponse<byte[]> made = server.postJson(
                "/api/custom_generate",
                "{\"prompt\":\"[Verse]\\n我们一起走过春天\\n[Chorus]\\n唱一首歌给你听\",\"tags\":\"pop\",\"title\":\"春天\","
                        + "\"make_instrumental\":false,\"wait_audio\":false}");
        assertThat(made.statusCode()).isEqualTo(200);
        String id = JSON.readTree(made.body()).get(0).get("id").asText();
        for (int i = 0; i < 900; i++) {
            if (get("/api/get?ids=" + id).get(0).get("status").asText().equals("complete")) {
                break;
            }
            Thread.sleep(250);
        }

        JsonNode words = get("/api/get_aligned_lyrics?song_id=" + id);
        List<String> sung = new ArrayList<>();
        double last = -1;
        for (JsonNode w : words) {
            sung.add(w.get("word").asText());
            assertThat(w.get("start_s").asDouble()).isGreaterThanOrEqualTo(last);
            assertThat(w.get("end_s").asDouble()).isGreaterThan(w.get("start_s").asDouble());
            last = w.get("start_s").asDouble();
        }
        assertThat(sung).startsWith("我", "们", "一", "起", "走", "过", "春", "天");
        JsonNode stems = JSON.readTree(server.postJson("/api/generate_stems", "{\"audio_id\":\"" + id + "\"}")
                .body());
        assertThat(stems).hasSize(5);
    }
}
