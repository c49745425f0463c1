package dev.cantata.http.flashtts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.client.Multipart;
import dev.cantata.testing.TestServer;
import dev.cantata.testing.Voices;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The FlashTTS routes over real HTTP, with every response decoded by ffmpeg. */
final class FlashTtsRoutesTest {
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

    static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void speakReturnsSixteenKilohertzMonoMp3OfTheNamedVoice() throws Exception {
        HttpResponse<byte[]> male =
                server.postJson("/speak", "{\"name\":\"male\",\"text\":\"Hello, world! This is a test.\"}");
        HttpResponse<byte[]> female =
                server.postJson("/speak", "{\"name\":\"female\",\"text\":\"Hello, world! This is a test.\"}");

        assertThat(male.statusCode()).isEqualTo(200);
        assertThat(male.headers().firstValue("content-type")).hasValue("audio/mpeg");
        assertThat(male.headers().firstValue("content-disposition")).hasValue("attachment; filename=speech.mp3");
        double maleF0 = Voices.medianF0(TestServer.ffmpegDecode(male.body(), 16_000, false), 16_000);
        double femaleF0 = Voices.medianF0(TestServer.ffmpegDecode(female.body(), 16_000, false), 16_000);
        assertThat(maleF0).isLessThan(130);
        assertThat(femaleF0).isGreaterThan(maleF0 * 1.3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp3", "opus", "aac", "flac", "wav", "pcm"})
    void everyFormatComesWithItsContentTypeAndDecodes(String format) throws Exception {
        HttpResponse<byte[]> response = server.postJson(
                "/speak",
                "{\"name\":\"female\",\"text\":\"One format at a time.\",\"response_format\":\"" + format + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .hasValue("audio/" + (format.equals("mp3") ? "mpeg" : format));
        float[] samples = TestServer.ffmpegDecode(response.body(), 16_000, format.equals("pcm"));
        assertThat(samples.length / 16_000.0).isBetween(0.8, 4.0);
        assertThat(Voices.medianF0(samples, 16_000)).isBetween(140.0, 200.0);
    }

    @Test
    void aWholeWavHasExactSizes() throws Exception {
        byte[] wav = server.postJson(
                        "/speak", "{\"name\":\"female\",\"text\":\"Exact sizes.\",\"response_format\":\"wav\"}")
                .body();

        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(4)).isEqualTo(wav.length - 8);
        assertThat(b.getInt(24)).isEqualTo(16_000);
    }

    @Test
    void streamingSendsTheFirstSentenceBeforeTheWholeTextIsSpoken() throws Exception {
        String text = "First sentence comes first. " + "Then another sentence follows it. ".repeat(8) + "The end.";
        HttpRequest request = HttpRequest.newBuilder(server.uri("/speak"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"female\",\"text\":\"" + text + "\",\"stream\":true,\"response_format\":\"wav\"}"))
                .build();
        long start = System.nanoTime();

        HttpResponse<InputStream> response = server.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long firstByte;
        byte[] all;
        try (InputStream in = response.body()) {
            int first = in.read();
            firstByte = System.nanoTime();
            assertThat(first).isNotNegative();
            all = in.readAllBytes();
        }
        long end = System.nanoTime();

        assertThat(response.headers().firstValue("transfer-encoding")).hasValue("chunked");
        assertThat(response.headers().firstValue("content-length")).isEmpty();
        assertThat(all.length).isGreaterThan(16_000 * 2 * 5);
        assertThat(firstByte - start).as("first bytes well before the end").isLessThan((end - start) / 2);
    }

    @Test
    void aClientThatDisconnectsStopsTheSynthesis() throws Exception {
        String text = "This sentence is one of many that nobody will hear. ".repeat(60);
        String body = "{\"name\":\"female\",\"text\":\"" + text + "\",\"stream\":true,\"response_format\":\"pcm\"}";
        try (java.net.Socket socket =
                new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.server.port())) {
            socket.getOutputStream()
                    .write(("POST /speak HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n"
                                    + body)
                            .getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            byte[] some = new byte[64 * 1024];
            int read = 0;
            while (read < some.length) {
                int n = in.read(some, read, some.length - read);
                assertThat(n).isPositive();
                read += n;
            }
        } // the client goes away after the first sentences; the rest would take about 20 s to synthesise

        long start = System.nanoTime();
        HttpResponse<byte[]> next = server.postJson("/speak", "{\"name\":\"male\",\"text\":\"Next, please.\"}");
        double waited = (System.nanoTime() - start) / 1e9;

        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(waited)
                .as("the engine was free again within a sentence or two")
                .isLessThan(4.0);
    }

    @Test
    void multiSpeakCanStream() throws Exception {
        HttpResponse<byte[]> response = server.postJson(
                "/multi_speak",
                "{\"text\":\"<role:male>One.<role:bright>Two.\",\"stream\":true,\"response_format\":\"wav\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("transfer-encoding")).hasValue("chunked");
        assertThat(TestServer.ffmpegDecode(response.body(), 16_000, false).length)
                .isGreaterThan(16_000);
    }

    @Test
    void cloningFromAnUploadedRecordingMatchesItsPitch() throws Exception {
        byte[] reference = Voices.vowelWav(120, 3);
        HttpResponse<byte[]> response = server.postMultipart(
                "/clone_voice",
                new Multipart()
                        .field("text", "Clone this voice, please, and keep its pitch.")
                        .file("reference_audio_file", "ref.wav", reference));

        assertThat(response.statusCode()).isEqualTo(200);
        double f0 = Voices.medianF0(TestServer.ffmpegDecode(response.body(), 16_000, false), 16_000);
        assertThat(f0).isCloseTo(120, within(12.0));
    }

    @Test
    void cloningFromBase64InAFormOrJsonWorksToo() throws Exception {
        String b64 = Base64.getEncoder().encodeToString(Voices.vowelWav(200, 2));
        HttpResponse<byte[]> form = server.client.send(
                HttpRequest.newBuilder(server.uri("/clone_voice"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("text=Hello+there.&reference_audio="
                                + java.net.URLEncoder.encode(b64, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> json = server.postJson(
                "/clone_voice",
                "{\"text\":\"Hello there.\",\"reference_audio\":\"" + b64 + "\",\"response_format\":\"wav\"}");

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("content-type")).hasValue("audio/wav");
    }

    @Test
    void anAddedSpeakerSpeaksIsListedAndIsGoneAfterDeletion() throws Exception {
        HttpResponse<byte[]> added = server.postMultipart(
                "/add_speaker",
                new Multipart()
                        .field("name", "Low Voice")
                        .field("reference_text", "a vowel")
                        .file("audio_file", "ref.wav", Voices.vowelWav(100, 2)));

        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(json(added).get("role").asText()).isEqualTo("Low Voice");
        assertThat(server.get("/audio_roles").body()).contains("\"Low Voice\"");
        HttpResponse<byte[]> spoken = server.postJson(
                "/speak",
                "{\"name\":\"Low Voice\",\"text\":\"I was added a moment ago, and now I speak in the voice of the recording.\"}");
        assertThat(spoken.statusCode()).isEqualTo(200);
        assertThat(Voices.medianF0(TestServer.ffmpegDecode(spoken.body(), 16_000, false), 16_000))
                .isCloseTo(100, within(10.0));

        HttpResponse<byte[]> deleted =
                server.postMultipart("/delete_speaker", new Multipart().field("name", "Low Voice"));
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(server.postJson("/speak", "{\"name\":\"Low Voice\",\"text\":\"x\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(server.postMultipart("/delete_speaker", new Multipart().field("name", "Low Voice"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void multiSpeakSwitchesVoicesAtRoleTags() throws Exception {
        HttpResponse<byte[]> response = server.postJson(
                "/multi_speak",
                "{\"text\":\"<role:female>Hello, how are you?<role:deep>I am fine, thank you.\",\"response_format\":\"wav\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        float[] samples = TestServer.ffmpegDecode(response.body(), 16_000, false);
        assertThat(samples.length / 16_000.0).isGreaterThan(2);
    }

    @Test
    void orpheusVoiceNamesSpeakWithCantatasVoicesBySexAndAreListedAsRoles() throws Exception {
        String text = "Orpheus names work here, and each one has a voice of its own.";
        double tara = f0(server.postJson("/speak", "{\"name\":\"tara\",\"text\":\"" + text + "\"}"));
        double leah = f0(server.postJson("/speak", "{\"name\":\"leah\",\"text\":\"" + text + "\"}"));
        double leo = f0(server.postJson("/speak", "{\"name\":\"leo\",\"text\":\"" + text + "\"}"));
        double dan = f0(server.postJson("/speak", "{\"name\":\"dan\",\"text\":\"" + text + "\"}"));
        HttpResponse<byte[]> openAi = server.postJson(
                "/v1/audio/speech", "{\"model\":\"orpheus\",\"voice\":\"zac\",\"input\":\"" + text + "\"}");
        HttpResponse<byte[]> dialogue =
                server.postJson("/multi_speak", "{\"text\":\"<role:mia>Hello.<role:zac>Hi there.\"}");
        JsonNode roles = JSON.readTree(server.get("/audio_roles").body()).get("roles");

        assertThat(tara).isGreaterThan(150);
        assertThat(leah).as("another woman's voice, not tara's").isGreaterThan(tara + 15);
        assertThat(leo).isLessThan(130);
        assertThat(dan).as("another man's voice, not leo's").isLessThan(leo - 8);
        assertThat(openAi.statusCode()).isEqualTo(200);
        assertThat(dialogue.statusCode()).isEqualTo(200);
        assertThat(roles.toString()).contains("\"tara\"", "\"leah\"", "\"jess\"", "\"leo\"", "\"dan\"", "\"zoe\"");
    }

    static double f0(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        return Voices.medianF0(TestServer.ffmpegDecode(response.body(), 16_000, false), 16_000);
    }

    @Test
    void serverInfoAndVoicesListTheRolesAndTheRate() throws Exception {
        JsonNode info = JSON.readTree(server.get("/server_info").body());
        JsonNode voices = JSON.readTree(server.get("/v1/audio/voices").body());

        assertThat(info.get("success").asBoolean()).isTrue();
        assertThat(info.get("info").get("sample_rate").asInt()).isEqualTo(16_000);
        assertThat(info.get("info").get("formats").toString())
                .isEqualTo("[\"mp3\",\"opus\",\"aac\",\"flac\",\"wav\",\"pcm\"]");
        assertThat(info.get("info").get("roles").size()).isGreaterThanOrEqualTo(8);
        assertThat(voices.get("voices").findValuesAsText("id")).contains("male", "alloy");
    }

    // ---- errors: 4xx with a clear message in FastAPI's shape, never 500

    @Test
    void anUnknownSpeakerIsA400ThatListsTheRoles() throws Exception {
        HttpResponse<byte[]> response = server.postJson("/speak", "{\"name\":\"nobody\",\"text\":\"hi\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("detail").asText())
                .startsWith("\"nobody\" is not in the list of existing roles: female");
    }

    @Test
    void missingAndIllTypedFieldsAreOne422ListingEachProblem() throws Exception {
        HttpResponse<byte[]> response =
                server.postJson("/speak", "{\"name\":\"male\",\"pitch\":\"loud\",\"stream\":\"maybe\",\"top_k\":1.5}");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode detail = json(response).get("detail");
        assertThat(detail.findValuesAsText("type"))
                .containsExactly("missing", "enum", "bool_parsing", "int_from_float");
        assertThat(detail.get(0).get("loc").toString()).isEqualTo("[\"body\",\"text\"]");
        assertThat(detail.get(1).get("msg").asText())
                .isEqualTo("Input should be 'very_low', 'low', 'moderate', 'high' or 'very_high'");
    }

    @Test
    void laxFieldsAreReadAsPydanticReadsThemAndTheSamplingFieldsHaveNoBounds() throws Exception {
        HttpResponse<byte[]> lax = server.postJson(
                "/speak",
                "{\"name\":\"male\",\"text\":\"Lax types.\",\"stream\":0,\"top_k\":50.0,\"response_format\":\"wav\","
                        + "\"temperature\":\"2.5\",\"top_p\":7,\"repetition_penalty\":-3,\"max_tokens\":\" 0 \","
                        + "\"length_threshold\":1e3,\"window_size\":true}");
        HttpResponse<byte[]> yes = server.postJson(
                "/speak", "{\"name\":\"male\",\"text\":\"Streamed.\",\"stream\":\"yes\",\"response_format\":\"wav\"}");
        HttpResponse<byte[]> refused = server.postJson(
                "/speak", "{\"name\":\"male\",\"text\":\"x\",\"stream\":2,\"top_k\":\"50.5\",\"temperature\":[]}");

        assertThat(lax.statusCode())
                .as(new String(lax.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(lax.headers().firstValue("x-accel-buffering"))
                .as("stream 0 is false")
                .isEmpty();
        assertThat(TestServer.ffmpegDecode(lax.body(), 16_000, false).length).isGreaterThan(8_000);
        assertThat(yes.statusCode()).isEqualTo(200);
        assertThat(yes.headers().firstValue("x-accel-buffering"))
                .as("\"yes\" streams")
                .hasValue("no");
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode detail = json(refused).get("detail");
        assertThat(detail.findValuesAsText("type")).containsExactly("bool_parsing", "float_type", "int_parsing");
        assertThat(detail.get(0).get("input").asInt()).isEqualTo(2);
    }

    @Test
    void emptyTextIsA400() throws Exception {
        HttpResponse<byte[]> response = server.postJson("/speak", "{\"name\":\"male\",\"text\":\"   \"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("detail").asText()).contains("nothing to say");
    }

    @Test
    void garbageBase64IsA400() throws Exception {
        HttpResponse<byte[]> response =
                server.postJson("/clone_voice", "{\"text\":\"x\",\"reference_audio\":\"not base64 audio!!\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("detail").asText()).contains("invalid base64 audio data");
    }

    @Test
    void anUploadThatIsNotAudioIsA400() throws Exception {
        HttpResponse<byte[]> response = server.postMultipart(
                "/clone_voice",
                new Multipart()
                        .field("text", "x")
                        .file(
                                "reference_audio_file",
                                "notes.txt",
                                "these are my notes, not a recording".repeat(10).getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("detail").asText()).contains("not a recognisable audio file");
    }

    @Test
    void aReferenceShorterThanOneSecondIsA400() throws Exception {
        HttpResponse<byte[]> response = server.postMultipart(
                "/clone_voice",
                new Multipart()
                        .field("text", "x")
                        .file("reference_audio_file", "short.wav", Voices.vowelWav(150, 0.4)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("detail").asText()).contains("at least 1 s");
    }

    @Test
    void referenceAudioByUrlIsRefused() throws Exception {
        HttpResponse<byte[]> response =
                server.postJson("/clone_voice", "{\"text\":\"x\",\"reference_audio\":\"http://127.0.0.1:1/a.wav\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("detail").asText()).contains("by URL is disabled");
    }

    @Test
    void speakerNamesThatCouldEscapeAreRefusedAndBuiltInsCannotBeReplaced() throws Exception {
        for (String name : List.of("../../etc", "", ".hidden", "a/b")) {
            HttpResponse<byte[]> response = server.postMultipart(
                    "/add_speaker",
                    new Multipart().field("name", name).file("audio_file", "r.wav", Voices.vowelWav(150, 2)));
            assertThat(response.statusCode()).as(name).isIn(400, 422);
        }
        HttpResponse<byte[]> builtIn = server.postMultipart(
                "/add_speaker",
                new Multipart().field("name", "male").file("audio_file", "r.wav", Voices.vowelWav(150, 2)));
        assertThat(builtIn.statusCode()).isEqualTo(400);
        assertThat(json(builtIn).get("detail").asText()).contains("built-in");
    }

    @Test
    void aBodyThatIsNotJsonIsA422() throws Exception {
        HttpResponse<byte[]> response = server.postJson("/speak", "{not json");

        assertThat(response.statusCode()).isEqualTo(422);
    }

    @Test
    void anUnknownPathIsA404InFastApisShape() throws Exception {
        HttpResponse<String> response = server.get("/no/such/route");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Not Found\"}");
    }
}
