package dev.cantata.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.client.Multipart;
import dev.cantata.config.Settings;
import dev.cantata.testing.TestServer;
import dev.cantata.testing.Voices;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP front over real sockets: its limits (slow bodies, bodies over the size limit, large form fields), CORS, and
 * the answer to routes that do not exist.
 */
final class HttpServerTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void aBodyTricklingInIsCutOffWhileTheHealthCheckStillAnswers() throws Exception {
        Settings settings = Settings.loopback(data).toBuilder()
                .minRequestRate(1024)
                .idleTimeout(Duration.ofSeconds(2))
                .build();
        try (TestServer server = TestServer.start(settings)) {
            List<Socket> slow = new java.util.ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), server.server.port());
                s.setSoTimeout(8000);
                s.getOutputStream()
                        .write(("POST /speak HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                        + "Content-Length: 100000\r\n\r\n{")
                                .getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            Thread trickle = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 20; i++) {
                        Thread.sleep(300);
                        for (Socket s : slow) {
                            s.getOutputStream().write(' ');
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    // the server hung up on a trickler: what this test expects
                }
            });
            assertThat(server.get("/api/health").statusCode()).isEqualTo(200);
            for (Socket s : slow) {
                String answer = readAll(s.getInputStream());
                double seconds = (System.nanoTime() - t0) / 1e9;
                assertThat(seconds).as("cut off within the limits").isLessThan(5);
                assertThat(answer).startsWith("HTTP/1.1 408").contains("\"detail\"");
                s.close();
            }
            trickle.interrupt();
            assertThat(server.get("/api/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aSmallBodyThatPausesWithinTheFirstSecondIsNotCutOff() throws Exception {
        // Jetty's own rate check counted from the first byte with no grace: 10 bytes after 0.5 s "were" 20 B/s
        try (TestServer server = TestServer.start(Settings.loopback(data))) {
            String body = "{\"name\":\"female\",\"text\":\"Hi.\",\"response_format\":\"wav\"}";
            try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), server.server.port())) {
                s.setSoTimeout(20_000);
                s.getOutputStream()
                        .write(("POST /speak HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close"
                                        + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body.substring(0, 10))
                                .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                Thread.sleep(600);
                s.getOutputStream().write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
                String answer = readAll(s.getInputStream());
                assertThat(answer).startsWith("HTTP/1.1 200");
            }
        }
    }

    @Test
    void aChunkedJsonBodyOverTheLimitIsA413InTheDialectsShape() throws Exception {
        Settings settings =
                Settings.loopback(data).toBuilder().maxRequestBytes(64 * 1024).build();
        try (TestServer server = TestServer.start(settings)) {
            String speak = chunked(server, "/speak", "application/json", "{\"text\":\"" + "a".repeat(300_000) + "\"}");
            assertThat(speak).startsWith("HTTP/1.1 413");
            assertThat(JSON.readTree(body(speak)).get("detail").asText()).contains("65536");
            String suno = chunked(
                    server, "/api/custom_generate", "application/json", "{\"prompt\":\"" + "a".repeat(300_000) + "\"}");
            assertThat(suno).startsWith("HTTP/1.1 413");
            assertThat(JSON.readTree(body(suno)).get("error").asText()).contains("over the limit");
            String openai = chunked(
                    server, "/v1/audio/speech", "application/json", "{\"input\":\"" + "a".repeat(300_000) + "\"}");
            assertThat(openai).startsWith("HTTP/1.1 413");
            assertThat(JSON.readTree(body(openai)).at("/error/message").asText())
                    .contains("over the limit");
        }
    }

    @Test
    void aChunkedMultipartOverTheLimitIsA413AndNothingIsSpooled() throws Exception {
        Settings settings =
                Settings.loopback(data).toBuilder().maxRequestBytes(64 * 1024).build();
        try (TestServer server = TestServer.start(settings)) {
            Multipart form =
                    new Multipart().field("text", "hi").file("reference_audio_file", "a.wav", new byte[300_000]);
            String answer = chunked(
                    server, "/clone_voice", form.contentType(), new String(form.bytes(), StandardCharsets.ISO_8859_1));
            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(JSON.readTree(body(answer)).get("detail").asText()).contains("over the limit");
        }
    }

    @Test
    void aFormFieldOfBase64AudioIsAcceptedUpToTheBodyLimitAndA413Beyond() throws Exception {
        Settings settings =
                Settings.loopback(data).toBuilder().maxRequestBytes(1 << 20).build();
        try (TestServer server = TestServer.start(settings)) {
            byte[] wav = Voices.vowelWav(120, 6);
            String b64 = Base64.getEncoder().encodeToString(wav);
            assertThat(b64.length()).isGreaterThan(300_000);
            HttpResponse<byte[]> cloned = server.postMultipart(
                    "/clone_voice",
                    new Multipart().field("text", "Hello there.").field("reference_audio", b64));
            assertThat(cloned.statusCode())
                    .as(new String(cloned.body(), StandardCharsets.UTF_8))
                    .isEqualTo(200);

            String huge = "A".repeat(2 << 20);
            HttpResponse<byte[]> over = server.postMultipart(
                    "/clone_voice",
                    new Multipart().field("text", "Hello there.").field("reference_audio", huge));
            assertThat(over.statusCode()).isEqualTo(413);
            assertThat(JSON.readTree(over.body()).get("detail").asText()).contains("limit");
        }
    }

    @Test
    void onlyConfiguredOriginsAreAllowedByCors() throws Exception {
        Settings settings = Settings.loopback(data).toBuilder()
                .corsOrigins(List.of("https://app.example"))
                .build();
        try (TestServer server = TestServer.start(settings)) {
            HttpResponse<String> allowed = server.client.send(
                    HttpRequest.newBuilder(server.uri("/api/health"))
                            .header("Origin", "https://app.example")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue("https://app.example");
            HttpResponse<String> other = server.client.send(
                    HttpRequest.newBuilder(server.uri("/api/health"))
                            .header("Origin", "https://evil.example")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
        }
    }

    @Test
    void anyOriginIsAllowedByDefaultAsUpstream() throws Exception {
        try (TestServer server = TestServer.start(data, null)) {
            HttpResponse<String> answer = server.client.send(
                    HttpRequest.newBuilder(server.uri("/api/health"))
                            .header("Origin", "https://anywhere.example")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin"))
                    .isPresent();
        }
    }

    @Test
    void unknownRoutesAndWrongMethodsAnswerAsFastApiDoesWhateverTheClientAccepts() throws Exception {
        try (TestServer server = TestServer.start(data, null)) {
            for (String accept : new String[] {"*/*", "application/json", "text/html"}) {
                HttpResponse<String> unknown = send(server, "GET", "/no/such/route", accept);
                HttpResponse<String> wrong = send(server, "GET", "/speak", accept);
                HttpResponse<String> wrongDiffRhythm = send(server, "POST", "/api/status/x", accept);

                assertThat(unknown.statusCode()).as(accept).isEqualTo(404);
                assertThat(unknown.body()).as(accept).isEqualTo("{\"detail\":\"Not Found\"}");
                assertThat(wrong.statusCode()).as(accept).isEqualTo(405);
                assertThat(wrong.body()).as(accept).isEqualTo("{\"detail\":\"Method Not Allowed\"}");
                assertThat(wrong.headers().firstValue("Allow"))
                        .as("as Starlette names them")
                        .hasValue("POST");
                assertThat(wrongDiffRhythm.statusCode()).isEqualTo(405);
                assertThat(wrongDiffRhythm.headers().firstValue("Allow")).hasValue("GET");
            }
        }
    }

    private static HttpResponse<String> send(TestServer server, String method, String path, String accept)
            throws Exception {
        return server.client.send(
                HttpRequest.newBuilder(server.uri(path))
                        .header("Accept", accept)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code body} chunked (no Content-Length) on a raw socket and reads the whole answer. */
    private static String chunked(TestServer server, String path, String type, String body) throws Exception {
        try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), server.server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + type
                            + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    for (int at = 0; at < bytes.length; at += 8192) {
                        int n = Math.min(8192, bytes.length - at);
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(bytes, at, n);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the server stopped reading at the limit
                }
            });
            String answer = readAll(s.getInputStream());
            writer.join();
            return answer;
        }
    }

    private static String readAll(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // reset after the answer: what was read is the answer
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The body of a raw HTTP/1.1 answer, de-chunked when it is chunked. */
    private static String body(String answer) {
        int start = answer.indexOf("\r\n\r\n") + 4;
        String head = answer.substring(0, start).toLowerCase(java.util.Locale.ROOT);
        String rest = answer.substring(start);
        if (!head.contains("transfer-encoding: chunked")) {
            return rest;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = rest.indexOf("\r\n", at);
            int size = Integer.parseInt(rest.substring(at, eol).strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(rest, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }
}
