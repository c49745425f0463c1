package dev.cantata.http.diffrhythm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.client.Multipart;
import dev.cantata.config.Settings;
import dev.cantata.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hundreds of queued songs: every one is accepted, reported, and deleted with its files; none is lost. */
final class SongQueueTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void threeHundredQueuedSongsAreEachReportedAndDeleted() throws Exception {
        // Far past the default share of one client: this is about the queue holding them all, not about admission.
        try (TestServer server = TestServer.start(Settings.loopback(data).toBuilder()
                .maxQueuedSongs(1000)
                .maxQueuedSongsPerClient(1000)
                .build())) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                HttpResponse<byte[]> r = server.postMultipart(
                        "/api/generate",
                        new Multipart()
                                .file(
                                        "lyrics",
                                        "l.lrc",
                                        ("[00:0" + (i % 10) + ".00]Song number " + i + "\n")
                                                .getBytes(StandardCharsets.UTF_8))
                                .field("ref_prompt", "ambient")
                                .field("audio_length", "95"));
                assertThat(r.statusCode()).isEqualTo(200);
                ids.add(JSON.readTree(r.body()).get("task_id").asText());
            }
            assertThat(new HashSet<>(ids)).hasSize(300);

            Set<String> statuses = new HashSet<>();
            for (String id : ids) {
                statuses.add(JSON.readTree(server.get("/api/status/" + id).body())
                        .get("status")
                        .asText());
            }
            assertThat(statuses).isSubsetOf("queued", "processing", "completed");

            for (String id : ids) {
                HttpResponse<byte[]> deleted = server.client.send(
                        HttpRequest.newBuilder(server.uri("/api/tasks/" + id))
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(deleted.statusCode()).isEqualTo(200);
            }
            for (String id : ids) {
                assertThat(server.get("/api/status/" + id).statusCode()).isEqualTo(404);
            }
            Thread.sleep(1500); // a song that was running stops at its next progress report and writes nothing more
            Path tasks = data.resolve("blobs/tasks");
            if (Files.isDirectory(tasks)) {
                try (var left = Files.list(tasks)) {
                    assertThat(left.toList()).isEmpty();
                }
            }
        }
    }
}
