package dev.cantata.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streamed replies in the formats ffmpeg encodes arrive whole when many are made at once: the encoder's pump thread
 * and the request thread share one response, and used to trip over each other.
 */
final class StreamedFormatsTest {
    static final String TEXT = "Many voices at once. Each reply must arrive whole.";

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

    @Test
    void sixtyConcurrentStreamsOfOpusAacAndFlacDecodeCompletely() throws Exception {
        List<String> formats = List.of("opus", "aac", "flac");
        List<Future<String>> replies = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(60)) {
            for (int i = 0; i < 60; i++) {
                String format = formats.get(i % 3);
                boolean openAi = i % 2 == 0;
                String body = openAi
                        ? "{\"model\":\"tts-1\",\"voice\":\"alloy\",\"input\":\"" + TEXT + "\",\"response_format\":\""
                                + format + "\"}"
                        : "{\"name\":\"female\",\"text\":\"" + TEXT + "\",\"stream\":true,\"response_format\":\""
                                + format + "\"}";
                String path = openAi ? "/v1/audio/speech" : "/speak";
                replies.add(clients.submit(() -> {
                    HttpResponse<byte[]> r = server.client.send(
                            HttpRequest.newBuilder(server.uri(path))
                                    .header("Content-Type", "application/json")
                                    .timeout(Duration.ofMinutes(3))
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) {
                        return path + " " + format + ": status " + r.statusCode();
                    }
                    float[] samples = TestServer.ffmpegDecode(r.body(), 16_000, false);
                    double seconds = samples.length / 16_000.0;
                    // the two sentences take about 3 s; a cut stream is far shorter or does not decode
                    return seconds > 2.0 ? "ok" : path + " " + format + ": only " + seconds + " s";
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> reply : replies) {
                outcomes.add(reply.get());
            }
            assertThat(outcomes).containsOnly("ok");
        }
    }
}
