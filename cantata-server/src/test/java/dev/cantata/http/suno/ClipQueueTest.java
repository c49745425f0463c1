package dev.cantata.http.suno;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route that queues clips pays the same way: when the clips cannot be queued (here the database refuses new
 * tasks), the request fails in Suno's shape and the credits come back. Chat used to keep them.
 */
final class ClipQueueTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    static TestServer server;

    @BeforeAll
    static void startWithATaskTableThatRefusesInserts() throws Exception {
        server = TestServer.start(data, null);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("cantata.db"));
                Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER refuse_tasks BEFORE INSERT ON tasks BEGIN SELECT RAISE(ABORT, 'disk full'); END");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static int creditsLeft() throws Exception {
        return JSON.readTree(server.get("/api/get_limit").body())
                .get("credits_left")
                .asInt();
    }

    @Test
    void aChatSongThatCannotBeQueuedGivesItsCreditsBack() throws Exception {
        int before = creditsLeft();
        HttpResponse<byte[]> r = server.postJson(
                "/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"a song about the sea\"}]}");
        assertThat(r.statusCode()).isEqualTo(500);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("error").isTextual()).isTrue();
        assertThat(creditsLeft()).isEqualTo(before);
    }

    @Test
    void customClipsThatCannotBeQueuedGiveTheirCreditsBack() throws Exception {
        int before = creditsLeft();
        HttpResponse<byte[]> r = server.postJson(
                "/api/custom_generate", "{\"prompt\":\"[Verse]\\nla la la\\n\",\"tags\":\"pop\",\"title\":\"T\"}");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(creditsLeft()).isEqualTo(before);
        assertThat(JSON.readTree(server.get("/api/get").body()))
                .as("no clip is left behind")
                .isEmpty();
    }
}
