package dev.cantata.http.diffrhythm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.client.Multipart;
import dev.cantata.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A song task survives its server stopping mid-generation: the next server on the same data finishes it. */
final class SongTaskRestartTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void aSongBeingMadeWhenTheServerStopsIsFinishedByTheNextOne() throws Exception {
        String id;
        try (TestServer first = TestServer.start(data, null)) {
            id = JSON.readTree(first.postMultipart(
                                    "/api/generate",
                                    new Multipart()
                                            .file(
                                                    "lyrics",
                                                    "l.lrc",
                                                    "[00:03.00]Hold on, the light is coming through\n"
                                                            .getBytes(StandardCharsets.UTF_8))
                                            .field("ref_prompt", "pop")
                                            .field("audio_length", "95"))
                            .body())
                    .get("task_id")
                    .asText();
            for (int i = 0; i < 600; i++) {
                JsonNode status = JSON.readTree(first.get("/api/status/" + id).body());
                if (status.get("status").asText().equals("processing")
                        && status.get("progress").asInt() > 5) {
                    break;
                }
                Thread.sleep(50);
            }
        } // closing releases the task back to the queue, as SIGTERM does

        try (TestServer second = TestServer.start(data, null)) {
            JsonNode status = null;
            for (int i = 0; i < 600; i++) {
                status = JSON.readTree(second.get("/api/status/" + id).body());
                if (status.get("status").asText().matches("completed|failed")) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(status.get("status").asText()).as(status.toString()).isEqualTo("completed");
            assertThat(second.get("/api/download/" + id).statusCode()).isEqualTo(200);
        }

        try (TestServer third = TestServer.start(data, null)) {
            java.net.http.HttpResponse<byte[]> midi = third.client.send(
                    java.net.http.HttpRequest.newBuilder(third.uri("/api/download/" + id + "?format=mid"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(midi.statusCode()).as("the MIDI file outlives a restart").isEqualTo(200);
            assertThat(javax.sound.midi.MidiSystem.getSequence(new java.io.ByteArrayInputStream(midi.body()))
                            .getTracks())
                    .hasSizeGreaterThanOrEqualTo(4);
        }
    }
}
