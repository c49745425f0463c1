package dev.cantata.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.client.Multipart;
import dev.cantata.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text the voices cannot pronounce, over real HTTP in every dialect: refused with a reason in the dialect's shape when
 * nothing of it could be heard (it used to be 200 with silence), spoken or sung in part with what was skipped named.
 * Speech reads every script of espeak-ng's languages; singing, English alone so far.
 */
final class UnspeakableTextTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CHINESE = "你好，世界。今天天气很好。";

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

    static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** Tifinagh (Berber): a script that neither MaryTTS nor espeak-ng 1.51 reads. */
    static final String TIFINAGH = "ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵏⴰⵡⴰⵢⵜ";

    @Test
    void openAiSpeechOfAScriptNoVoiceReadsOrOfEmojiIsA400NamingIt() throws Exception {
        for (String input : new String[] {TIFINAGH, "😀🎉"}) {
            HttpResponse<byte[]> r = server.postJson(
                    "/v1/audio/speech",
                    JSON.writeValueAsString(java.util.Map.of("model", "tts-1", "voice", "alloy", "input", input)));

            assertThat(r.statusCode()).as(input).isEqualTo(400);
            JsonNode error = json(r).get("error");
            assertThat(error.get("param").asText()).isEqualTo("input");
            assertThat(error.get("code").asText()).isEqualTo("unsupported_language");
            assertThat(error.get("message").asText()).startsWith("input: nothing in it can be spoken: it holds ");
        }
        JsonNode tifinagh = json(server.postJson(
                        "/v1/audio/speech", "{\"model\":\"tts-1\",\"voice\":\"alloy\",\"input\":\"" + TIFINAGH + "\"}"))
                .get("error");
        assertThat(tifinagh.get("message").asText()).contains("16 characters in Tifinagh script");
    }

    @Test
    void flashTtsSpeakCloneAndDialogueRefuseItInFastApisShape() throws Exception {
        HttpResponse<byte[]> speak = server.postJson(
                "/speak", "{\"name\":\"female\",\"text\":\"" + TIFINAGH + "\",\"response_format\":\"wav\"}");
        HttpResponse<byte[]> dialogue =
                server.postJson("/multi_speak", "{\"text\":\"<role:female>" + TIFINAGH + "<role:male>🎉\"}");
        HttpResponse<byte[]> clone = server.postMultipart(
                "/clone_voice",
                new Multipart().field("text", "😀").file("reference_audio_file", "r.wav", new byte[] {0, 1, 2}));

        for (HttpResponse<byte[]> r : java.util.List.of(speak, dialogue, clone)) {
            assertThat(r.statusCode()).as(r.uri().getPath()).isEqualTo(400);
            assertThat(json(r).get("detail").asText())
                    .as(r.uri().getPath())
                    .startsWith("text: nothing in it can be spoken: it holds ");
        }
        assertThat(json(dialogue).get("detail").asText())
                .contains("Tifinagh script")
                .contains("1 emoji");
    }

    @Test
    void textWithNoLettersOrDigitsHasNothingToSay() throws Exception {
        HttpResponse<byte[]> r = server.postJson("/speak", "{\"name\":\"female\",\"text\":\"... ?!\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("detail").asText())
                .isEqualTo("text: it has no letters or digits, so there is nothing to say");
    }

    @Test
    void mixedTextIsSpokenAndTheReplySaysWhatWasSkipped() throws Exception {
        HttpResponse<byte[]> whole = server.postJson(
                "/speak", "{\"name\":\"female\",\"text\":\"Hello 你好 world 🎉\",\"response_format\":\"wav\"}");
        HttpResponse<byte[]> streamed = server.postJson(
                "/v1/audio/speech",
                "{\"model\":\"tts-1\",\"voice\":\"nova\",\"input\":\"Good morning, 早上好! ⵜⴰⵎⴰ\","
                        + "\"response_format\":\"wav\"}");

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue(SpeechInputs.UNSPOKEN_HEADER)).hasValue("1 emoji or symbol not spoken");
        assertThat(TestServer.ffmpegDecode(whole.body(), 16_000, false).length).isGreaterThan(8_000);
        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(streamed.headers().firstValue(SpeechInputs.UNSPOKEN_HEADER))
                .hasValue("4 characters in Tifinagh script not spoken");
        assertThat(TestServer.ffmpegDecode(streamed.body(), 16_000, false).length)
                .isGreaterThan(8_000);
        HttpResponse<byte[]> english =
                server.postJson("/speak", "{\"name\":\"female\",\"text\":\"Hello.\",\"response_format\":\"wav\"}");
        assertThat(english.headers().firstValue(SpeechInputs.UNSPOKEN_HEADER)).isEmpty();
    }

    static HttpResponse<byte[]> generate(String lrc) throws Exception {
        return server.postMultipart(
                "/api/generate",
                new Multipart()
                        .file("lyrics", "l.lrc", lrc.getBytes(StandardCharsets.UTF_8))
                        .field("ref_prompt", "pop")
                        .field("audio_length", "95"));
    }

    @Test
    void anLrcInAScriptNothingSingsIsRefusedByDiffRhythmAndQueuesNothing() throws Exception {
        String lrc = "[00:05.00]Привет, как дела\n[00:10.00]Сегодня хороший день\n";
        HttpResponse<byte[]> r = generate(lrc);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("detail").asText())
                .isEqualTo("lyrics: no line can be sung: nothing in it can be sung: it holds 31 characters in Cyrillic"
                        + " script (Russian, Ukrainian, Bulgarian, Serbian), and Cantata sings English and Chinese"
                        + " (Mandarin) lyrics so far; other languages are spoken (/speak, /v1/audio/speech) but not yet"
                        + " sung");
        assertThat(server.server
                        .tasks()
                        .load(dev.cantata.songs.SongJob.KIND, null)
                        .total())
                .as("nothing queued")
                .isZero();
    }

    @Test
    void aDiffRhythmSongWithSomeUnsingableLinesIsQueuedAndTheReplySaysWhichAreNotSung() throws Exception {
        String lrc = "[00:05.00]Morning rain upon the window\n[00:10.00]Сегодня хороший\n";
        HttpResponse<byte[]> r = generate(lrc);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("message").asText())
                .isEqualTo("Music generation task queued successfully; not sung (in 1 line): 14 characters in Cyrillic"
                        + " script (Russian, Ukrainian, Bulgarian, Serbian)");
        String id = json(r).get("task_id").asText();
        assertThat(server.server.tasks().cancel(java.util.UUID.fromString(id))).isPresent();
    }

    @Test
    void sunoCustomLyricsInKoreanAreRefusedInSunosShape() throws Exception {
        HttpResponse<byte[]> r = server.postJson(
                "/api/custom_generate", "{\"prompt\":\"[Verse]\\n안녕하세요 여러분\",\"tags\":\"pop\",\"title\":\"Hi\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").asText()).startsWith("no line can be sung: nothing in it can be sung");
    }

    @Test
    void theSpeakCommandLineSaysWhyItCannotSpeakAndWritesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("x.wav");
        int status = new picocli.CommandLine(new dev.cantata.cli.Main()).execute("say", TIFINAGH, "-o", out.toString());

        assertThat(status).isEqualTo(2);
        assertThat(Files.exists(out)).isFalse();
    }
}
