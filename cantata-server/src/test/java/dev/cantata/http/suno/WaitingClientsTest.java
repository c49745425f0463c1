package dev.cantata.http.suno;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.testing.TestServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients waiting for audio hold no server threads: with more of them waiting than Jetty has threads (250), the server
 * still answers at once, and every waiter gets its answer when the clip is gone.
 */
final class WaitingClientsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void threeHundredClientsWaitingForAClipLeaveTheServerFreeToAnswer() throws Exception {
        try (TestServer server = TestServer.start(data, null)) {
            HttpResponse<byte[]> made = server.postJson(
                    "/api/custom_generate",
                    "{\"prompt\":\"[Verse]\\nHold on, the light is coming through\",\"tags\":\"folk\"}");
            JsonNode clips = JSON.readTree(made.body());
            String second = clips.get(1).get("id").asText(); // queued behind the first on the one worker
            HttpClient many = HttpClient.newBuilder()
                    .executor(java.util.concurrent.Executors.newFixedThreadPool(8))
                    .build();
            List<CompletableFuture<HttpResponse<byte[]>>> waiting = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                waiting.add(many.sendAsync(
                        HttpRequest.newBuilder(server.uri("/api/audio/" + second + ".mp3"))
                                .timeout(Duration.ofMinutes(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray()));
            }
            Thread.sleep(1500); // all of them are in and waiting

            long t0 = System.nanoTime();
            HttpResponse<String> limit = server.get("/api/get_limit");
            double ms = (System.nanoTime() - t0) / 1e6;

            assertThat(limit.statusCode()).isEqualTo(200);
            assertThat(ms).as("answered while 300 clients wait").isLessThan(2000);
            // Suno's own delete takes the clip away in one statement; DiffRhythm's cancels first, and a waiter that
            // looked in between was told the clip failed
            for (JsonNode clip : clips) {
                server.client.send(
                        HttpRequest.newBuilder(server.uri(
                                        "/api/clip?id=" + clip.get("id").asText()))
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            for (CompletableFuture<HttpResponse<byte[]>> w : waiting) {
                HttpResponse<byte[]> answer = w.get();
                assertThat(answer.statusCode()).isEqualTo(404);
                assertThat(JSON.readTree(answer.body()).get("error").asText()).contains("Clip not found");
            }
        }
    }

    @Test
    void clientsThatHangUpOnAQueuedClipsAudioFreeTheirConnectionsAtOnce() throws Exception {
        try (TestServer server = TestServer.start(data, null)) {
            HttpResponse<byte[]> made = server.postJson(
                    "/api/custom_generate",
                    "{\"prompt\":\"[Verse]\\nHold on, the light is coming through\",\"tags\":\"folk\"}");
            String second = JSON.readTree(made.body()).get(1).get("id").asText();
            long before = openSockets();
            List<java.net.Socket> clients = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                java.net.Socket s =
                        new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.server.port());
                s.getOutputStream()
                        .write(("GET /api/audio/" + second + ".mp3 HTTP/1.1\r\nHost: x\r\n\r\n")
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                clients.add(s);
            }
            Thread.sleep(1500); // all of them are in and waiting
            assertThat(openSockets()).as("a socket each side").isGreaterThan(before + 300);
            for (java.net.Socket s : clients) {
                s.close();
            }
            // the server's sockets close one by one as the waiters tick, so the wait and the assertion share one
            // bound: a loop that stopped at the bound and then asserted below it failed whenever it landed on it
            long left = before + 20;
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (openSockets() > left && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(openSockets())
                    .as("the server closed the connections it was waiting on")
                    .isLessThanOrEqualTo(left);
        }
    }

    /**
     * This JVM's open sockets (the server runs in it): sockets alone, since the clip being made meanwhile opens and
     * closes files and ffmpeg's pipes of its own (counting every descriptor failed this test by one, once).
     */
    private static long openSockets() throws java.io.IOException {
        try (var fds = java.nio.file.Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                        try {
                            return java.nio.file.Files.readSymbolicLink(fd)
                                    .toString()
                                    .startsWith("socket:");
                        } catch (java.io.IOException gone) { // closed between the listing and the read
                            return false;
                        }
                    })
                    .count();
        }
    }
}
