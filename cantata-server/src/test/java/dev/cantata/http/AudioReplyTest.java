package dev.cantata.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.audio.ReferenceDecoder;
import dev.cantata.audio.StreamInfo;
import dev.cantata.speech.HeldEngines;
import dev.cantata.speech.MaryEngine;
import dev.cantata.testing.TestServer;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole (not streamed) speech answer stops being made when its client hangs up: the engine's count of synthesised
 * sentences stops well short of the text, instead of running through all of it for nobody. A FLAC is always sent
 * whole, with its length, because a streamed one cannot say how long it is.
 */
final class AudioReplyTest {
    static final int SENTENCES = 200;

    @TempDir
    static Path data;

    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(data, null);
        // The engine started, so the count below is of this test's request alone.
        assertThat(server.postJson("/speak", "{\"name\":\"female\",\"text\":\"Ready.\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aClientThatHangsUpStopsTheSynthesisOfAWholeAnswer() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= SENTENCES; i++) {
            text.append("This is sentence number ").append(i).append(" of a very long text. ");
        }
        byte[] body = ("{\"name\":\"male\",\"stream\":false,\"response_format\":\"wav\",\"text\":\"" + text + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        long before = server.server.voices().piecesSpoken();

        try (Socket socket = new Socket(java.net.InetAddress.getLoopbackAddress(), server.server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /speak HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                            + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            waitUntil(() -> server.server.voices().piecesSpoken() - before >= 3);
        } // the client hangs up

        long settled = settle();
        assertThat(settled - before)
                .as("sentences synthesised of %d", SENTENCES)
                .isLessThan(SENTENCES / 2);

        HttpResponse<byte[]> next = server.postJson("/speak", "{\"name\":\"female\",\"text\":\"Next, please.\"}");
        assertThat(next.statusCode()).isEqualTo(200);
    }

    @Test
    void aClientThatStaysGetsTheWholeAnswer() throws Exception {
        HttpResponse<byte[]> r = server.postJson(
                "/speak", "{\"name\":\"male\",\"response_format\":\"wav\",\"text\":\"One. Two. Three. Four.\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Connection")).isEmpty();
        assertThat(r.body().length).isGreaterThan(16_000);
    }

    @Test
    void aFlacAskedForAsAStreamComesWholeAndSaysHowManySamplesItHolds() throws Exception {
        HttpResponse<byte[]> openAi = server.postJson(
                "/v1/audio/speech",
                "{\"model\":\"tts-1\",\"voice\":\"nova\",\"input\":\"One. Two. Three.\",\"response_format\":\"flac\"}");
        HttpResponse<byte[]> flashTts = server.postJson(
                "/speak",
                "{\"name\":\"female\",\"text\":\"One. Two. Three.\",\"stream\":true,\"response_format\":\"flac\"}");

        for (HttpResponse<byte[]> r : List.of(openAi, flashTts)) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type")).hasValue("audio/flac");
            assertThat(r.headers().firstValue("content-length")).hasValue(String.valueOf(r.body().length));
            StreamInfo info = StreamInfo.of(r.body());
            assertThat(info.totalSamples()).as("samples in STREAMINFO").isGreaterThan(info.sampleRate());
            assertThat(ReferenceDecoder.decode(r.body(), info.sampleRate(), false))
                    .hasSize((int) info.totalSamples());
        }
    }

    @Test
    void aFlacAskedForAsEventsComesInOneDeltaThatSaysItsLength() throws Exception {
        HttpResponse<byte[]> r = server.postJson(
                "/v1/audio/speech",
                "{\"model\":\"gpt-4o-mini-tts\",\"voice\":\"nova\",\"input\":\"One. Two. Three.\","
                        + "\"response_format\":\"flac\",\"stream_format\":\"sse\"}");

        List<String> deltas = new String(r.body(), StandardCharsets.UTF_8)
                .lines()
                .filter(line -> line.contains("speech.audio.delta"))
                .toList();
        assertThat(deltas).hasSize(1);
        String audio = deltas.get(0).replaceAll(".*\"audio\":\"([^\"]*)\".*", "$1");
        byte[] flac = java.util.Base64.getDecoder().decode(audio);
        StreamInfo info = StreamInfo.of(flac);
        assertThat(info.totalSamples()).isGreaterThan(info.sampleRate());
        assertThat(ReferenceDecoder.decode(flac, info.sampleRate(), false)).hasSize((int) info.totalSamples());
    }

    @Test
    void clientsThatHangUpWhileTheirSentencesWaitForAnEngineLeaveTheQueueAtOnce() throws Exception {
        MaryEngine pool = MaryEngine.start(server.server.settings().engines());
        long before;
        HeldEngines held = HeldEngines.all(pool); // every engine is held: speech must queue
        try {
            before = server.server.voices().piecesSpoken();
            String whole = "{\"name\":\"male\",\"stream\":false,\"response_format\":\"wav\",\"text\":\"Whole.\"}";
            String streamed = "{\"name\":\"male\",\"stream\":true,\"response_format\":\"mp3\",\"text\":\"Streamed.\"}";
            List<Socket> clients = List.of(post(whole), post(streamed));
            waitUntil(() -> pool.waiting() == 2);
            for (Socket client : clients) {
                client.close(); // both clients hang up while queued
            }

            // they leave while every engine is still held: not when their turn comes
            waitUntil(() -> pool.waiting() == 0);
            assertThat(pool.busy()).isEqualTo(pool.engines());
        } finally {
            held.close();
        }
        waitUntil(() -> pool.busy() == 0);
        assertThat(server.server.voices().piecesSpoken() - before)
                .as("sentences made for them")
                .isZero();
    }

    /** A speech request written on a new connection, whose answer is never read. */
    private static Socket post(String json) throws java.io.IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        Socket socket = new Socket(java.net.InetAddress.getLoopbackAddress(), server.server.port());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /speak HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket;
    }

    /** The count once it has stopped moving for 3 s (a sentence takes a small fraction of that). */
    private static long settle() throws InterruptedException {
        long last = server.server.voices().piecesSpoken();
        long stableSince = System.nanoTime();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            Thread.sleep(100);
            long now = server.server.voices().piecesSpoken();
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > 3_000_000_000L) {
                return now;
            }
        }
        return last;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime())
                    .as("waiting for the synthesis to start")
                    .isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
