package dev.cantata.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.client.Multipart;
import dev.cantata.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON that arrives without {@code Content-Type: application/json}, as browsers' {@code fetch} without headers
 * ({@code text/plain;charset=UTF-8}) and {@code requests.post(data=json.dumps(…))} (no header) send it, is read as JSON
 * on every JSON route, as upstream reads it; forms keep working.
 */
final class BodyKindTest {
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

    static HttpResponse<byte[]> post(String path, @Nullable String type, String body) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(server.uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return server.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aJsonObjectAsPlainTextOrWithoutATypeIsSpokenOnEverySpeechRoute() throws Exception {
        String speech =
                "{\"model\":\"tts-1\",\"input\":\"No header.\",\"voice\":\"alloy\",\"response_format\":\"wav\"}";
        String speak = "{\"name\":\"female\",\"text\":\"No header.\",\"response_format\":\"wav\"}";
        String dialogue = "{\"text\":\"<role:male>No header.\",\"response_format\":\"wav\"}";

        for (String type : new String[] {"text/plain;charset=UTF-8", null, "application/octet-stream"}) {
            assertThat(post("/v1/audio/speech", type, speech).statusCode())
                    .as("openai, %s", type)
                    .isEqualTo(200);
            assertThat(post("/speak", type, speak).statusCode())
                    .as("speak, %s", type)
                    .isEqualTo(200);
            assertThat(post("/multi_speak", type, dialogue).statusCode())
                    .as("multi_speak, %s", type)
                    .isEqualTo(200);
        }
        assertThat(post("/speak", "application/vnd.api+json", speak).statusCode())
                .isEqualTo(200);
        assertThat(post("/speak", "application/x-www-form-urlencoded", speak).statusCode())
                .as("curl -d with a JSON object declares a form")
                .isEqualTo(200);
    }

    @Test
    void sunosGenerateIsReachedByJsonWithoutItsTypeAndAnswersInSunosShape() throws Exception {
        HttpResponse<byte[]> response = post("/api/generate", "text/plain;charset=UTF-8", "{\"prompt\":\"\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).startsWith("Prompt is required");
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsNoJsonAndFormsStillWork() throws Exception {
        HttpResponse<byte[]> words = post("/speak", "text/plain", "name=female text=hello");
        HttpResponse<byte[]> array = post("/v1/audio/speech", null, "[1, 2]");
        HttpResponse<byte[]> trailing = post("/speak", null, "{\"name\":\"female\",\"text\":\"x\"} and more");
        HttpResponse<byte[]> form =
                post("/speak", "application/x-www-form-urlencoded", "name=female&text=A+form.&response_format=wav");
        HttpResponse<byte[]> multipart = server.postMultipart(
                "/speak", new Multipart().field("name", "female").field("text", "Multipart."));

        assertThat(words.statusCode()).isEqualTo(422);
        JsonNode missing = JSON.readTree(words.body()).get("detail");
        assertThat(missing.findValuesAsText("type")).containsExactly("missing", "missing");
        assertThat(array.statusCode()).isEqualTo(400);
        assertThat(trailing.statusCode()).isEqualTo(422);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(multipart.statusCode()).isEqualTo(200);
    }
}
