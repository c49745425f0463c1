package dev.cantata.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.client.Multipart;
import dev.cantata.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text fields over their limits, and text that is not text (lone surrogates, noncharacters), are refused before any
 * work, in each dialect's own error shape.
 */
final class TextTest {
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

    @Test
    void badCharactersAreFoundWithWhereTheyAre() {
        assertThat(Text.badCharacter("\ufffe hi")).isEqualTo("U+FFFE (a noncharacter) at character 0");
        assertThat(Text.badCharacter("a\ud800")).isEqualTo("U+D800 (a lone surrogate) at character 1");
        assertThat(Text.badCharacter("x\u0000")).contains("control character");
        assertThat(Text.badCharacter("tab\tand\nline, emoji \ud83c\udfb5, accents é"))
                .isNull();
        assertThat(Text.echo("\ud800x")).isEqualTo("\ufffdx");
    }

    @Test
    void flashTtsRefusesLoneSurrogatesAndNoncharactersWithA422() throws Exception {
        for (String text : new String[] {"\\ufffe hi", "\\ud800"}) {
            HttpResponse<byte[]> answer = server.postJson("/speak", "{\"name\":\"female\",\"text\":\"" + text + "\"}");
            assertThat(answer.statusCode()).isEqualTo(422);
            JsonNode problem = JSON.readTree(answer.body()).get("detail").get(0);
            assertThat(problem.get("type").asText()).isEqualTo("string_unicode");
            assertThat(problem.get("loc").get(1).asText()).isEqualTo("text");
        }
    }

    @Test
    void openAiRefusesLoneSurrogatesAndNoncharactersWithItsErrorObject() throws Exception {
        for (String text : new String[] {"\\ufffe hi", "\\ud800"}) {
            HttpResponse<byte[]> answer = server.postJson(
                    "/v1/audio/speech", "{\"model\":\"tts-1\",\"voice\":\"alloy\",\"input\":\"" + text + "\"}");
            assertThat(answer.statusCode()).isEqualTo(400);
            JsonNode error = JSON.readTree(answer.body()).get("error");
            assertThat(error.get("param").asText()).isEqualTo("input");
            assertThat(error.get("message").asText()).contains("it holds U+").doesNotContain("\ufffe");
        }
    }

    @Test
    void eachDialectRefusesAFieldOverItsLimitInItsOwnShape() throws Exception {
        HttpResponse<byte[]> flash = server.postJson("/speak", "{\"name\":\"" + "n".repeat(65) + "\",\"text\":\"hi\"}");
        assertThat(flash.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(flash.body()).at("/detail/0/type").asText()).isEqualTo("string_too_long");

        HttpResponse<byte[]> clone = server.postMultipart(
                "/clone_voice", new Multipart().field("text", "hi").field("reference_text", "r".repeat(2001)));
        assertThat(clone.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(clone.body()).at("/detail/0/loc/1").asText()).isEqualTo("reference_text");

        HttpResponse<byte[]> openai = server.postJson(
                "/v1/audio/speech", "{\"model\":\"" + "m".repeat(300) + "\",\"voice\":\"alloy\",\"input\":\"hi\"}");
        assertThat(openai.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(openai.body()).at("/error/code").asText()).isEqualTo("string_above_max_length");

        HttpResponse<byte[]> suno = server.postJson(
                "/api/custom_generate",
                "{\"prompt\":\"[Verse]\\nla la\",\"tags\":\"pop\",\"title\":\"" + "t".repeat(201) + "\"}");
        assertThat(suno.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(suno.body()).get("error").asText())
                .contains("title")
                .contains("200");

        HttpResponse<byte[]> lyrics =
                server.postJson("/api/generate_lyrics", "{\"prompt\":\"" + "p".repeat(3001) + "\"}");
        assertThat(lyrics.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(lyrics.body()).get("error").asText()).contains("3000");

        HttpResponse<byte[]> chat =
                server.postJson("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"\\ud800\"}]}");
        assertThat(chat.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(chat.body()).get("error").asText()).contains("lone surrogate");

        HttpResponse<byte[]> diffRhythm = server.postMultipart(
                "/api/generate",
                new Multipart().field("lyrics", "[00:01.00]la la").field("ref_prompt", "x".repeat(2001)));
        assertThat(diffRhythm.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(diffRhythm.body()).at("/detail/0/loc/1").asText())
                .isEqualTo("ref_prompt");
    }

    @Test
    void aBadUploadIsExplainedWithoutFfmpegsMemoryAddresses() throws Exception {
        byte[] notMp3 = new byte[4096];
        notMp3[0] = 'I';
        notMp3[1] = 'D';
        notMp3[2] = '3';
        notMp3[3] = 4;
        HttpResponse<byte[]> answer = server.postMultipart(
                "/clone_voice", new Multipart().field("text", "hi").file("reference_audio_file", "x.mp3", notMp3));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).get("detail").asText())
                .contains("could not be decoded")
                .doesNotContainPattern("0x[0-9a-f]{6,}");
    }
}
