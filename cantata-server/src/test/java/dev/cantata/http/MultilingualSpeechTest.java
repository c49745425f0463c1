package dev.cantata.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.client.Multipart;
import dev.cantata.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Speech beyond English over real HTTP: FlashTTS's own examples with Chinese text, OpenAI's route in every format, the
 * language field, the languages' voices and what the listings say of them.
 */
final class MultilingualSpeechTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** 17 syllables; spoken Mandarin runs at 4-7 syllables a second. */
    static final String CHINESE = "你好，世界。今天天气很好，我们去公园吧。";

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

    static double seconds(HttpResponse<byte[]> r) throws Exception {
        return TestServer.ffmpegDecode(r.body(), 16_000, false).length / 16_000.0;
    }

    @Test
    void flashTtsSpeakOfTheSeedExampleWithChineseTextIsSpokenForAsLongAsItsSyllablesTake() throws Exception {
        HttpResponse<byte[]> r = server.postJson(
                "/speak",
                JSON.writeValueAsString(Map.of(
                        "name",
                        "male",
                        "text",
                        CHINESE,
                        "pitch",
                        "moderate",
                        "speed",
                        "moderate",
                        "temperature",
                        0.9,
                        "top_k",
                        50,
                        "top_p",
                        0.95,
                        "max_tokens",
                        2048,
                        "stream",
                        false,
                        "response_format",
                        "mp3")));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue(SpeechInputs.UNSPOKEN_HEADER)).isEmpty();
        assertThat(seconds(r)).isBetween(17 / 7.0, 17 / 2.5 + 1);
    }

    @Test
    void flashTtsCloneWithABase64ReferenceSpeaksChinese() throws Exception {
        HttpResponse<byte[]> reference = server.postJson(
                "/speak", "{\"name\":\"deep\",\"text\":\"This is my voice, a low one.\",\"response_format\":\"wav\"}");
        HttpResponse<byte[]> r = server.postMultipart(
                "/clone_voice",
                new Multipart()
                        .field("text", CHINESE)
                        .field("reference_audio", Base64.getEncoder().encodeToString(reference.body()))
                        .field("response_format", "wav"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(seconds(r)).isGreaterThan(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mp3", "opus", "aac", "flac", "wav", "pcm"})
    void openAiSpeechOfChineseDecodesInEveryFormat(String format) throws Exception {
        HttpResponse<byte[]> r = server.postJson(
                "/v1/audio/speech",
                JSON.writeValueAsString(
                        Map.of("model", "tts-1", "voice", "alloy", "input", CHINESE, "response_format", format)));

        assertThat(r.statusCode()).isEqualTo(200);
        // raw PCM is OpenAI's 24 kHz, which the decoder is told
        int rate = format.equals("pcm") ? 24_000 : 16_000;
        float[] pcm = TestServer.ffmpegDecode(r.body(), rate, format.equals("pcm"));
        assertThat(pcm.length / (double) rate).isBetween(17 / 7.0, 17 / 2.5 + 1);
    }

    @Test
    void germanSpanishFrenchAndJapaneseAreSpokenFromTheirTextAlone() throws Exception {
        for (String input : List.of(
                "Guten Morgen, wie geht es dir heute?",
                "Hola, ¿cómo estás? Muy bien, gracias.",
                "Bonjour tout le monde, je suis très content.",
                "こんにちは、おげんきですか。")) {
            HttpResponse<byte[]> r = server.postJson(
                    "/v1/audio/speech",
                    JSON.writeValueAsString(
                            Map.of("model", "tts-1", "voice", "nova", "input", input, "response_format", "wav")));

            assertThat(r.statusCode()).as(input).isEqualTo(200);
            assertThat(seconds(r)).as(input).isBetween(1.0, 6.0);
        }
    }

    @Test
    void aLanguageFieldOrALanguagesVoiceSaysHowToReadAShortText() throws Exception {
        // "Hallo" alone is English by detection; read as German it is a different sound and length
        HttpResponse<byte[]> english = server.postJson(
                "/v1/audio/speech",
                "{\"model\":\"tts-1\",\"voice\":\"nova\",\"input\":\"Hallo\",\"response_format\":\"wav\"}");
        HttpResponse<byte[]> field = server.postJson(
                "/v1/audio/speech",
                "{\"model\":\"tts-1\",\"voice\":\"nova\",\"input\":\"Hallo\",\"language\":\"de\",\"response_format\":\"wav\"}");
        HttpResponse<byte[]> voice =
                server.postJson("/speak", "{\"name\":\"de\",\"text\":\"Hallo\",\"response_format\":\"wav\"}");

        assertThat(List.of(english, field, voice))
                .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(field.body()).isNotEqualTo(english.body());
        assertThat(Math.abs(seconds(field) - seconds(voice)))
                .as("the language field and the German voice read it alike")
                .isLessThan(0.15);
    }

    @Test
    void aLanguageNobodySpeaksIsA400InEachDialectsShape() throws Exception {
        HttpResponse<byte[]> openAi = server.postJson(
                "/v1/audio/speech",
                "{\"model\":\"tts-1\",\"voice\":\"nova\",\"input\":\"Qapla'\",\"language\":\"tlh\"}");
        HttpResponse<byte[]> flash =
                server.postJson("/speak", "{\"name\":\"female\",\"text\":\"Qapla'\",\"language\":\"klingon\"}");

        assertThat(openAi.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(openAi.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("unsupported_language");
        assertThat(error.get("message").asText())
                .contains("\"tlh\" is not a language this server speaks")
                .contains("zh");
        assertThat(flash.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(flash.body()).get("detail").asText()).contains("\"klingon\" is not a language");
    }

    @Test
    void mandarinHasAFemaleAndAMaleVoiceAndEveryListingSaysEachVoicesLanguage() throws Exception {
        JsonNode roles = JSON.readTree(server.get("/audio_roles").body()).get("roles");
        List<String> names = new ArrayList<>();
        roles.forEach(n -> names.add(n.asText()));
        JsonNode voices = JSON.readTree(server.get("/v1/audio/voices").body()).get("voices");
        JsonNode info = JSON.readTree(server.get("/server_info").body()).get("info");

        assertThat(names).contains("female", "zh-female", "zh-male", "de", "ja", "es");
        Map<String, String> language = new java.util.HashMap<>();
        voices.forEach(v -> language.put(v.get("id").asText(), v.get("language").asText()));
        assertThat(language)
                .containsEntry("zh-male", "zh")
                .containsEntry("alloy", "auto")
                .containsEntry("de", "de");
        List<String> tags = new ArrayList<>();
        info.get("languages").forEach(l -> tags.add(l.get("language").asText()));
        assertThat(tags).contains("en", "zh", "yue", "de", "fr-fr", "es", "ja").hasSizeGreaterThan(60);
        assertThat(info.get("engine").asText()).contains("espeak-ng");
    }

    @Test
    void aMaleMandarinVoiceSpeaksLowerThanTheFemaleOne() throws Exception {
        double[] f0 = new double[2];
        String[] voices = {"zh-female", "zh-male"};
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> r = server.postJson(
                    "/speak",
                    "{\"name\":\"" + voices[i] + "\",\"text\":\"" + CHINESE + "\",\"response_format\":\"wav\"}");
            float[] pcm = TestServer.ffmpegDecode(r.body(), 16_000, false);
            f0[i] = dev.cantata.audio.PitchTracker.median(
                    new dev.cantata.audio.PitchTracker(50, 500).track(new dev.cantata.audio.Pcm(pcm, 16_000)));
        }

        assertThat(f0[0]).isBetween(150.0, 185.0);
        assertThat(f0[1]).isBetween(95.0, 125.0);
    }

    @Test
    void streamedChineseStartsBeforeTheWholeTextIsMade() throws Exception {
        String longer = CHINESE.repeat(6);
        HttpResponse<byte[]> r = server.postJson(
                "/v1/audio/speech",
                JSON.writeValueAsString(Map.of(
                        "model",
                        "tts-1",
                        "voice",
                        "alloy",
                        "input",
                        longer,
                        "stream",
                        true,
                        "response_format",
                        "wav")));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("transfer-encoding")).hasValue("chunked");
        assertThat(seconds(r)).isGreaterThan(6 * 17 / 7.0);
    }
}
