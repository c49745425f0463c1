package dev.cantata.http.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.client.Multipart;
import dev.cantata.testing.TestServer;
import dev.cantata.testing.Voices;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenAI's speech route over real HTTP, as the SDKs call it. */
final class OpenAiRoutesTest {
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

    static HttpResponse<byte[]> speech(String json) throws Exception {
        return server.postJson("/v1/audio/speech", json);
    }

    static JsonNode error(HttpResponse<byte[]> response) throws Exception {
        return JSON.readTree(response.body()).get("error");
    }

    @Test
    void everyOpenAiVoiceNameSpeaksWithAnyModelName() throws Exception {
        for (String voice : List.of(
                "alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer", "verse", "marin",
                "cedar")) {
            HttpResponse<byte[]> response = speech("{\"model\":\"gpt-4o-mini-tts\",\"voice\":\"" + voice
                    + "\",\"input\":\"Hi.\",\"response_format\":\"wav\"}");
            assertThat(response.statusCode()).as(voice).isEqualTo(200);
        }
        assertThat(speech("{\"model\":\"whatever-model\",\"voice\":\"alloy\",\"input\":\"Hi.\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void pcmIsHeaderless24KilohertzSixteenBitMono() throws Exception {
        HttpResponse<byte[]> response = speech(
                "{\"model\":\"tts-1\",\"voice\":\"nova\",\"input\":\"Raw samples.\",\"response_format\":\"pcm\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("audio/pcm");
        byte[] pcm = response.body();
        assertThat(new String(pcm, 0, 4, StandardCharsets.US_ASCII)).isNotEqualTo("RIFF");
        float[] samples = TestServer.ffmpegDecode(pcm, 24_000, true);
        assertThat(samples.length / 24_000.0).isBetween(0.5, 3.0);
        assertThat(Voices.medianF0(samples, 24_000)).isBetween(150.0, 260.0);
    }

    @Test
    void speedIsHonouredWithinTenPercent() throws Exception {
        String body = "{\"model\":\"tts-1\",\"voice\":\"alloy\",\"input\":\"The speed of this sentence is set by the"
                + " client.\",\"response_format\":\"pcm\"";
        int normal = speech(body + "}").body().length;

        int fast = speech(body + ",\"speed\":2.0}").body().length;
        int slow = speech(body + ",\"speed\":0.5}").body().length;

        assertThat((double) fast).isCloseTo(normal / 2.0, within(normal / 2.0 * 0.1));
        assertThat((double) slow).isCloseTo(normal * 2.0, within(normal * 2.0 * 0.1));
    }

    @Test
    void speedAndPitchOutsideTheirRangesAreClampedAsFlashTtsClampsThem() throws Exception {
        String body = "{\"model\":\"tts-1\",\"voice\":\"alloy\",\"input\":\"Clamped rather than refused, as"
                + " upstream does.\",\"response_format\":\"pcm\"";
        int fastest = speech(body + ",\"speed\":4}").body().length;

        HttpResponse<byte[]> tooFast = speech(body + ",\"speed\":10,\"pitch\":9}");
        HttpResponse<byte[]> asText = speech(body + ",\"speed\":\"4.0\",\"pitch\":\"0.1\"}");
        HttpResponse<byte[]> notANumber = speech(body + ",\"speed\":NaN}");

        assertThat(tooFast.statusCode()).isEqualTo(200);
        assertThat(tooFast.body().length).isCloseTo(fastest, within(fastest / 10));
        assertThat(Voices.medianF0(TestServer.ffmpegDecode(tooFast.body(), 24_000, true), 24_000))
                .as("pitch 9 speaks at twice the F0, the most Cantata's voices do")
                .isGreaterThan(230);
        assertThat(asText.statusCode()).isEqualTo(200);
        assertThat(asText.body().length).isCloseTo(fastest, within(fastest / 10));
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(error(notANumber).get("message").asText())
                .isEqualTo("Invalid 'speed': Input should be a finite number.");
    }

    @Test
    void streamAndTheSamplingFieldsTakeWhatPydanticTakes() throws Exception {
        HttpResponse<byte[]> lax = speech(
                "{\"model\":\"tts-1\",\"voice\":\"alloy\",\"input\":\"Lax.\",\"stream\":0,"
                        + "\"top_k\":50.0,\"temperature\":\"7\",\"top_p\":3,\"max_tokens\":\"1_000_000\",\"repetition_penalty\":-1}");
        HttpResponse<byte[]> fraction =
                speech("{\"model\":\"tts-1\",\"voice\":\"alloy\",\"input\":\"x\",\"top_k\":1.5}");
        HttpResponse<byte[]> two = speech("{\"model\":\"tts-1\",\"voice\":\"alloy\",\"input\":\"x\",\"stream\":2}");

        assertThat(lax.statusCode()).isEqualTo(200);
        assertThat(lax.headers().firstValue("x-accel-buffering"))
                .as("stream 0 is false: a whole answer")
                .isEmpty();
        assertThat(fraction.statusCode()).isEqualTo(400);
        assertThat(error(fraction).get("message").asText())
                .isEqualTo("Invalid 'top_k': Input should be a valid integer, got a number with a fractional part.");
        assertThat(error(two).get("param").asText()).isEqualTo("stream");
    }

    @Test
    void aVoiceObjectAndBase64AudioAreAcceptedAsVoices() throws Exception {
        HttpResponse<byte[]> byId =
                speech("{\"model\":\"tts-1\",\"voice\":{\"id\":\"narrator\"},\"input\":\"Hello.\"}");
        String b64 = Base64.getEncoder().encodeToString(Voices.vowelWav(130, 2));
        HttpResponse<byte[]> cloned = speech("{\"model\":\"tts-1\",\"voice\":\"" + b64
                + "\",\"input\":\"Hello from a clone.\",\"response_format\":\"pcm\"}");

        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(cloned.statusCode()).isEqualTo(200);
        assertThat(Voices.medianF0(TestServer.ffmpegDecode(cloned.body(), 24_000, true), 24_000))
                .isCloseTo(130, within(13.0));
    }

    @Test
    void sseSendsAudioDeltasAndADoneEventWithUsage() throws Exception {
        HttpResponse<byte[]> response =
                speech("{\"model\":\"gpt-4o-mini-tts\",\"voice\":\"alloy\",\"input\":\"One. Two."
                        + " Three.\",\"stream_format\":\"sse\",\"response_format\":\"pcm\"}");

        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        List<JsonNode> events = new ArrayList<>();
        for (String line : new String(response.body(), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("data: ")) {
                events.add(JSON.readTree(line.substring(6)));
            }
        }
        assertThat(events.size()).isGreaterThanOrEqualTo(2);
        assertThat(events.subList(0, events.size() - 1))
                .allSatisfy(e -> assertThat(e.get("type").asText()).isEqualTo("speech.audio.delta"));
        JsonNode done = events.get(events.size() - 1);
        assertThat(done.get("type").asText()).isEqualTo("speech.audio.done");
        assertThat(done.get("usage").get("input_tokens").asInt()).isPositive();
        int bytes = 0;
        for (JsonNode e : events.subList(0, events.size() - 1)) {
            bytes += Base64.getDecoder().decode(e.get("audio").asText()).length;
        }
        assertThat(bytes).isGreaterThan(24_000);
    }

    @Test
    void inputOverFourThousandNinetySixCharactersIsA400InOpenAisShape() throws Exception {
        HttpResponse<byte[]> response =
                speech("{\"model\":\"tts-1\",\"voice\":\"alloy\",\"input\":\"" + "a".repeat(4097) + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = error(response);
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("param").asText()).isEqualTo("input");
        assertThat(error.get("message").asText()).contains("4096");
    }

    @Test
    void badFieldsNameTheParameter() throws Exception {
        assertThat(error(speech("{\"model\":\"tts-1\",\"voice\":\"alloy\"}"))
                        .get("param")
                        .asText())
                .isEqualTo("input");
        assertThat(error(speech("{\"model\":\"tts-1\",\"input\":\"x\"}"))
                        .get("param")
                        .asText())
                .isEqualTo("voice");
        assertThat(error(speech("{\"model\":\"tts-1\",\"voice\":\"alloy\",\"input\":\"x\",\"speed\":\"fast\"}"))
                        .get("param")
                        .asText())
                .isEqualTo("speed");
        assertThat(error(
                                speech(
                                        "{\"model\":\"tts-1\",\"voice\":\"alloy\",\"input\":\"x\",\"response_format\":\"ogg\"}"))
                        .get("param")
                        .asText())
                .isEqualTo("response_format");
        assertThat(error(speech("{\"model\":\"tts-1\",\"voice\":\"nobody\",\"input\":\"x\"}"))
                        .get("message")
                        .asText())
                .contains("not a voice of this server");
        assertThat(speech("{\"model\":\"tts-1\",\"voice\":\"" + "A".repeat(400) + "\",\"input\":\"x\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(error(speech("{}")).get("param").asText())
                .as("an empty object is JSON, missing its fields")
                .isEqualTo("model");
    }

    @Test
    void openWebUiFindsTheModelsAndEveryVoiceWhereItLooks() throws Exception {
        HttpResponse<byte[]> added = server.postMultipart(
                "/add_speaker",
                new Multipart().field("name", "Listed Clone").file("audio_file", "r.wav", Voices.vowelWav(120, 2)));
        assertThat(added.statusCode()).isEqualTo(200);

        JsonNode models = JSON.readTree(server.get("/v1/audio/models").body());
        JsonNode voices = JSON.readTree(server.get("/v1/audio/voices").body());

        assertThat(models.get("models").findValuesAsText("id")).contains("tts-1", "tts-1-hd");
        Map<String, String> byId = new LinkedHashMap<>(); // what Open WebUI builds: {x["id"]: x["name"]}
        for (JsonNode voice : voices.get("voices")) {
            byId.put(voice.get("id").asText(), voice.get("name").asText());
        }
        assertThat(byId)
                .containsKeys("alloy", "echo", "fable", "onyx", "nova", "shimmer")
                .containsKeys("female", "male", "deep", "narrator")
                .containsKeys("tara", "leo")
                .containsEntry("Listed Clone", "Listed Clone");
        assertThat(voices.get("voices").get(0).get("description").asText()).contains("warm");
    }

    @Test
    void aModelIsRetrievedByIdAndAnUnknownOneIsA404InOpenAisShape() throws Exception {
        JsonNode model = JSON.readTree(server.get("/v1/models/tts-1").body());
        HttpResponse<String> unknown = server.get("/v1/models/whisper-9");

        assertThat(model.get("id").asText()).isEqualTo("tts-1");
        assertThat(model.get("object").asText()).isEqualTo("model");
        assertThat(unknown.statusCode()).isEqualTo(404);
        JsonNode error = JSON.readTree(unknown.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("model_not_found");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void unknownPathsAndWrongMethodsUnderV1AnswerInOpenAisShape() throws Exception {
        HttpResponse<String> unknown = server.get("/v1/embeddings");
        HttpResponse<String> wrong = server.get("/v1/audio/speech");
        HttpResponse<String> suno = server.get("/v1/chat/completions");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("error").get("message").asText())
                .isEqualTo("Invalid URL (GET /v1/embeddings)");
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("Allow")).hasValue("POST");
        assertThat(JSON.readTree(wrong.body()).get("error").get("message").asText())
                .isEqualTo("Invalid method for URL (GET /v1/audio/speech)");
        assertThat(suno.statusCode()).isEqualTo(405);
        assertThat(JSON.readTree(suno.body()).get("error").isTextual())
                .as("suno-api's chat route keeps suno's shape")
                .isTrue();
    }

    @Test
    void modelsAreListedTheOpenAiWay() throws Exception {
        JsonNode models = JSON.readTree(server.get("/v1/models").body());

        assertThat(models.get("object").asText()).isEqualTo("list");
        assertThat(models.get("data").findValuesAsText("id")).contains("tts-1", "cantata");
    }
}
