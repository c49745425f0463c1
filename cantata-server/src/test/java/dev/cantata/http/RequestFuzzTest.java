package dev.cantata.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.CantataServer;
import dev.cantata.config.Settings;
import dev.cantata.jobs.TaskResult;
import dev.cantata.songs.SongJob;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Thousands of random request bodies, the fields each route reads plus strangers, each of any JSON type (text with
 * control characters, lone surrogates and noncharacters, huge and negative numbers, nested arrays and objects), sent
 * to every JSON route: none may answer 500, and every error comes in its dialect's shape. Songs are "made" by a
 * handler that does nothing, so only the request handling is under test.
 */
final class RequestFuzzTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static CantataServer server;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** A route and the fields it reads. */
    record Route(String path, List<String> fields) {}

    static final List<Route> ROUTES = List.of(
            new Route("/speak", List.of("name", "text", "pitch", "speed", "stream", "response_format", "top_k")),
            new Route(
                    "/v1/audio/speech",
                    List.of("model", "input", "voice", "response_format", "speed", "stream_format")),
            new Route("/multi_speak", List.of("text", "stream", "response_format")),
            new Route("/clone_voice", List.of("text", "reference_audio", "reference_text", "stream")),
            new Route("/api/generate", List.of("prompt", "make_instrumental", "model", "wait_audio")),
            new Route(
                    "/api/custom_generate",
                    List.of("prompt", "tags", "title", "negative_tags", "make_instrumental", "model")),
            new Route("/api/extend_audio", List.of("audio_id", "continue_at", "prompt", "tags", "title")),
            new Route("/api/concat", List.of("clip_id")),
            new Route("/api/generate_stems", List.of("audio_id")),
            new Route("/v1/chat/completions", List.of("messages", "model")));

    @BeforeContainer
    static void start() throws Exception {
        Settings settings = Settings.loopback(Files.createTempDirectory("cantata-fuzz")).toBuilder()
                .credits(1_000_000)
                .build();
        // songs complete at once with nothing made: the properties test the routes, not the engine
        server = CantataServer.start(
                settings,
                Map.of(SongJob.KIND, (task, context) -> new TaskResult("{\"songs\":[]}", List.of())),
                List.of(),
                InstantSource.system());
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> odd = Arbitraries.of(
                '\ud800', '\udfff', '\ufffe', '\uffff', '\u0000', '\u001b', '[', ']', '<', '>', '&', '"', '\\', '\n',
                ':', '.', '0', 'é', '漢', '\u202e');
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.chars().alpha()),
                net.jqwik.api.Tuple.of(3, odd),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars().all()));
        return chars.list().ofMaxSize(24).map(cs -> {
            StringBuilder b = new StringBuilder();
            cs.forEach(b::append);
            return b.toString();
        });
    }

    @Provide
    Arbitrary<Object> values() {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                texts().map(t -> (Object) t),
                Arbitraries.of("mp3", "wav", "opus", "female", "alloy", "moderate", "very_high", "0", "1", "true", "")
                        .map(t -> (Object) t),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.of(-1.0, 0.0, 0.24, 4.01, 1e308, -1e308, 3.5).map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just((Object) null).map(n -> n));
        Arbitrary<Object> messages = texts().list().ofMaxSize(3).map(contents -> (Object)
                contents.stream().map(c -> Map.of("role", "user", "content", c)).toList());
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, scalars),
                net.jqwik.api.Tuple.of(1, messages),
                net.jqwik.api.Tuple.of(1, scalars.list().ofMaxSize(3).map(l -> (Object) l)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(texts(), scalars).as((k, v) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put(k, v);
                    return (Object) m;
                })));
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<Route> route = Arbitraries.of(ROUTES);
        return route.flatMap(r -> {
            Arbitrary<String> name = Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(9, Arbitraries.of(r.fields())), net.jqwik.api.Tuple.of(1, texts()));
            return Combinators.combine(name, values())
                    .as((k, v) -> (Map.Entry<String, Object>) new java.util.AbstractMap.SimpleEntry<>(k, v))
                    .list()
                    .ofMaxSize(6)
                    .map(entries -> {
                        Map<String, Object> body = new LinkedHashMap<>();
                        entries.forEach(e -> body.put(e.getKey(), e.getValue()));
                        try {
                            return r.path() + "\n" + JSON.writeValueAsString(body);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
        });
    }

    @Property(tries = 1500)
    void noRequestBodyGetsA500(@ForAll("bodies") String request) throws Exception {
        int split = request.indexOf('\n');
        String path = request.substring(0, split);
        String body = request.substring(split + 1);
        HttpResponse<byte[]> response = CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode())
                .as(path + " " + visible(body) + " -> " + visible(new String(response.body(), UTF_8)))
                .isLessThan(500);
        if (response.statusCode() >= 400) {
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.has("error") || error.has("detail"))
                    .as(path + " answers " + response.statusCode() + " in its error shape: " + error)
                    .isTrue();
        }
    }

    @Property(tries = 300)
    void noBodyThatIsNotJsonGetsA500(@ForAll("texts") String garbage, @ForAll("routes") String path) throws Exception {
        HttpResponse<byte[]> response = CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(garbage))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path + " " + visible(garbage)).isLessThan(500);
    }

    /** Text with everything outside printable ASCII written as {@code \\uXXXX}, so a failure can be read. */
    static String visible(String text) {
        StringBuilder b = new StringBuilder();
        text.chars()
                .forEach(c -> b.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return b.toString();
    }

    @Provide
    Arbitrary<String> routes() {
        return Arbitraries.of(ROUTES).map(Route::path);
    }
}
