package dev.cantata.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.audio.ReferenceDecoder;
import dev.cantata.audio.StreamInfo;
import dev.cantata.client.Multipart;
import dev.cantata.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every route that serves a file, over real HTTP, as browsers and download managers fetch it: {@code HEAD}, byte
 * ranges (206, 416, open-ended, suffix), ignored ranges, {@code If-Range}. The routes are the two dialects' families:
 * Suno's clip audio, cover and stem, and DiffRhythm's download.
 */
final class BlobReplyTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String LRC = "[00:05.00]Hello there my friend\n[00:09.00]Good to see you again\n";

    @TempDir
    static Path data;

    static TestServer server;
    /** Route name → path on the server. */
    static final Map<String, String> PATHS = new LinkedHashMap<>();
    /** Route name → the type it must answer with. */
    static final Map<String, String> TYPES =
            Map.of("audio", "audio/mpeg", "image", "image/png", "stem", "audio/flac", "download", "audio/wav");

    static String clip;
    static HttpResponse<byte[]> earlyHead;

    @BeforeAll
    static void startAndMakeASunoClipAndADiffRhythmSong() throws Exception {
        server = TestServer.start(data, null);
        HttpResponse<byte[]> made = server.postJson(
                "/api/custom_generate",
                "{\"prompt\":\"[Verse]\\nHello there my friend\",\"tags\":\"folk\",\"title\":\"Files\"}");
        assertThat(made.statusCode()).isEqualTo(200);
        clip = JSON.readTree(made.body()).get(0).get("id").asText();
        assertThat(JSON.readTree(server.get("/api/get?ids=" + clip).body())
                        .get(0)
                        .get("status")
                        .asText())
                .as("the HEAD below is sent before the clip is made")
                .isNotEqualTo("complete");
        CompletableFuture<HttpResponse<byte[]>> head = server.client.sendAsync(
                request("/api/audio/" + clip + ".mp3").HEAD().build(), HttpResponse.BodyHandlers.ofByteArray());
        String task = JSON.readTree(server.postMultipart(
                                "/api/generate",
                                new Multipart()
                                        .file("lyrics", "l.lrc", LRC.getBytes(StandardCharsets.UTF_8))
                                        .field("ref_prompt", "folk, acoustic guitar")
                                        .field("audio_length", "95"))
                        .body())
                .get("task_id")
                .asText();
        earlyHead = head.get();
        waitForSong(task);
        JsonNode stems = JSON.readTree(server.postJson("/api/generate_stems", "{\"audio_id\":\"" + clip + "\"}")
                .body());
        PATHS.put("audio", "/api/audio/" + clip + ".mp3");
        PATHS.put("image", "/api/image/" + clip + ".png");
        PATHS.put(
                "stem",
                java.net.URI.create(stems.get(0).get("audio_url").asText()).getPath());
        PATHS.put("download", "/api/download/" + task);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void waitForSong(String task) throws Exception {
        for (int i = 0; i < 1200; i++) {
            String status = JSON.readTree(server.get("/api/status/" + task).body())
                    .get("status")
                    .asText();
            if (status.equals("completed")) {
                return;
            }
            assertThat(status).isNotEqualTo("failed");
            Thread.sleep(250);
        }
        throw new AssertionError("the song was not made");
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofMinutes(5));
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = request(path);
        if (headers.length > 0) {
            b.headers(headers);
        }
        return server.client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> head(String path, String... headers) throws Exception {
        HttpRequest.Builder b = request(path).HEAD();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return server.client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse("(none)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"audio", "image", "stem", "download"})
    void headAnswersWithTheHeadersOfGetAndNoBody(String route) throws Exception {
        HttpResponse<byte[]> whole = get(PATHS.get(route));
        HttpResponse<byte[]> head = head(PATHS.get(route));
        HttpResponse<byte[]> rangedHead = head(PATHS.get(route), "Range", "bytes=0-9");

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(header(head, "content-type")).isEqualTo(TYPES.get(route)).isEqualTo(header(whole, "content-type"));
        assertThat(header(head, "content-length"))
                .isEqualTo(header(whole, "content-length"))
                .isEqualTo(String.valueOf(whole.body().length));
        assertThat(header(head, "etag")).startsWith("\"").isEqualTo(header(whole, "etag"));
        assertThat(header(head, "content-disposition")).isEqualTo(header(whole, "content-disposition"));
        assertThat(header(head, "accept-ranges")).isEqualTo("bytes").isEqualTo(header(whole, "accept-ranges"));
        assertThat(rangedHead.statusCode()).as("Range on HEAD is ignored").isEqualTo(200);
        assertThat(header(rangedHead, "content-length")).isEqualTo(String.valueOf(whole.body().length));
    }

    @ParameterizedTest
    @ValueSource(strings = {"audio", "image", "stem", "download"})
    void aClosedAnOpenEndedAndASuffixRangeGetTheirBytesWith206(String route) throws Exception {
        byte[] whole = get(PATHS.get(route)).body();
        int n = whole.length;
        List<long[]> asked = List.of(
                new long[] {1000, 1999}, new long[] {n - 300, n - 1}, new long[] {n - 500, n - 1}, new long[] {0, n - 1
                });
        List<String> headers =
                List.of("bytes=1000-1999", "bytes=" + (n - 300) + "-", "bytes=-500", "bytes=-" + (n + 10));

        for (int i = 0; i < headers.size(); i++) {
            HttpResponse<byte[]> part = get(PATHS.get(route), "Range", headers.get(i));
            long first = asked.get(i)[0];
            long last = asked.get(i)[1];

            assertThat(part.statusCode()).as(headers.get(i)).isEqualTo(206);
            assertThat(header(part, "content-range")).isEqualTo("bytes " + first + "-" + last + "/" + n);
            assertThat(header(part, "content-length")).isEqualTo(String.valueOf(last - first + 1));
            assertThat(header(part, "content-type")).isEqualTo(TYPES.get(route));
            assertThat(header(part, "accept-ranges")).isEqualTo("bytes");
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(whole, (int) first, (int) last + 1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"audio", "image", "stem", "download"})
    void aRangeThatStartsAtTheEndIs416WithTheLengthInTheDialectsErrorShape(String route) throws Exception {
        int n = get(PATHS.get(route)).body().length;

        HttpResponse<byte[]> past = get(PATHS.get(route), "Range", "bytes=" + n + "-");
        HttpResponse<byte[]> empty = get(PATHS.get(route), "Range", "bytes=-0");

        for (HttpResponse<byte[]> r : List.of(past, empty)) {
            assertThat(r.statusCode()).isEqualTo(416);
            assertThat(header(r, "content-range")).isEqualTo("bytes */" + n);
            assertThat(header(r, "content-type")).startsWith("application/json");
            assertThat(header(r, "content-disposition")).isEqualTo("(none)");
            JsonNode error = JSON.readTree(r.body());
            assertThat(error.has(route.equals("download") ? "detail" : "error"))
                    .as(new String(r.body(), StandardCharsets.UTF_8))
                    .isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"audio", "image", "stem", "download"})
    void severalRangesAnotherUnitOrAMalformedRangeGetTheWholeFile(String route) throws Exception {
        byte[] whole = get(PATHS.get(route)).body();

        for (String range : List.of("bytes=0-1,5-6", "bytes=abc", "bytes=5-3", "items=0-5")) {
            HttpResponse<byte[]> r = get(PATHS.get(route), "Range", range);

            assertThat(r.statusCode()).as(range).isEqualTo(200);
            assertThat(r.body()).as(range).isEqualTo(whole);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"audio", "image", "stem", "download"})
    void ifRangeGetsThePartOnlyWhileItsValidatorStillNamesThisFile(String route) throws Exception {
        HttpResponse<byte[]> whole = get(PATHS.get(route));
        String etag = header(whole, "etag");

        HttpResponse<byte[]> same = get(PATHS.get(route), "Range", "bytes=0-9", "If-Range", etag);
        HttpResponse<byte[]> other = get(PATHS.get(route), "Range", "bytes=0-9", "If-Range", "\"another\"");
        HttpResponse<byte[]> weak = get(PATHS.get(route), "Range", "bytes=0-9", "If-Range", "W/" + etag);

        assertThat(same.statusCode()).isEqualTo(206);
        assertThat(same.body()).isEqualTo(Arrays.copyOf(whole.body(), 10));
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).isEqualTo(whole.body());
        assertThat(weak.statusCode()).as("a weak validator never matches").isEqualTo(200);
    }

    @Test
    void aStoredFilesLastModifiedDateWorksAsIfRangeToo() throws Exception {
        HttpResponse<byte[]> whole = get(PATHS.get("download"));
        String modified = header(whole, "last-modified");

        HttpResponse<byte[]> same = get(PATHS.get("download"), "Range", "bytes=0-9", "If-Range", modified);
        HttpResponse<byte[]> older =
                get(PATHS.get("download"), "Range", "bytes=0-9", "If-Range", "Sun, 06 Nov 1994 08:49:37 GMT");

        assertThat(modified).matches("[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT");
        assertThat(same.statusCode()).isEqualTo(206);
        assertThat(older.statusCode()).isEqualTo(200);
    }

    @Test
    void aHeadForAClipStillBeingMadeWaitsForItAndAnswersAsGetWould() throws Exception {
        HttpResponse<byte[]> whole = get(PATHS.get("audio"));

        assertThat(earlyHead.statusCode()).isEqualTo(200);
        assertThat(earlyHead.body()).isEmpty();
        assertThat(header(earlyHead, "content-type")).isEqualTo("audio/mpeg");
        assertThat(header(earlyHead, "content-length")).isEqualTo(String.valueOf(whole.body().length));
        assertThat(header(earlyHead, "etag")).isEqualTo(header(whole, "etag"));
    }

    @Test
    void aHeadForAMissingFileIs404AsGetIs() throws Exception {
        String path = "/api/audio/00000000-0000-0000-0000-000000000000.mp3";

        HttpResponse<byte[]> get = get(path);
        HttpResponse<byte[]> head = head(path);

        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(head.statusCode()).isEqualTo(404);
        assertThat(head.body()).isEmpty();
        assertThat(header(head, "content-length")).isEqualTo(String.valueOf(get.body().length));
    }

    @Test
    void aStemIsAFlacThatSaysHowManySamplesItHolds() throws Exception {
        byte[] flac = get(PATHS.get("stem")).body();

        StreamInfo info = StreamInfo.of(flac);

        assertThat(info.sampleRate()).isEqualTo(44_100);
        assertThat(info.totalSamples()).isPositive();
        assertThat(info.minFrameSize()).isPositive();
        assertThat(info.md5()).isNotEqualTo("0".repeat(32));
        assertThat(ReferenceDecoder.decode(flac, 44_100, false)).hasSize((int) info.totalSamples());
    }
}
