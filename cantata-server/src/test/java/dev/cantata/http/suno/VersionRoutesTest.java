package dev.cantata.http.suno;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.config.Settings;
import dev.cantata.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A song's versions over real HTTP: a replaced section is a clip sample-identical to its source outside the section,
 * with its own words and stems; variations and extensions join the same line; every version lists the same history,
 * which outlives the clips it was made from; bad requests are refused and cost nothing.
 */
final class VersionRoutesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String LYRICS = "[Verse]\nMorning rain upon the window\nCoffee cooling in my hand\n"
            + "[Chorus]\nHold on, the night is almost over";

    @TempDir
    static Path data;

    static TestServer server;
    static JsonNode first;

    @BeforeAll
    static void startAndMakeASong() throws Exception {
        server = TestServer.start(Settings.loopback(data).toBuilder()
                .credits(200)
                .streamingHold(Duration.ZERO)
                .build());
        List<JsonNode> made = post(
                "/api/custom_generate",
                "{\"prompt\":" + JSON.writeValueAsString(LYRICS) + ",\"tags\":\"pop\",\"title\":\"Rain\","
                        + "\"duration\":24,\"seed\":7}");
        first = complete(made.get(0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> send(String path, String json) throws Exception {
        return server.client.send(
                HttpRequest.newBuilder(server.uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .timeout(Duration.ofMinutes(3))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static List<JsonNode> post(String path, String json) throws Exception {
        HttpResponse<String> r = send(path, json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(r.body()).forEach(out::add);
        return out;
    }

    static JsonNode get(String path) throws Exception {
        return JSON.readTree(server.get(path).body());
    }

    static JsonNode complete(JsonNode clip) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode now = get("/api/get?ids=" + clip.get("id").asText()).get(0);
            if (now.get("status").asText().equals("complete")) {
                return now;
            }
            assertThat(now.get("status").asText()).as(now.toString()).isNotEqualTo("error");
            Thread.sleep(200);
        }
        throw new AssertionError("clip " + clip.get("id") + " did not complete");
    }

    static byte[] wav(JsonNode clip) throws Exception {
        return server.client
                .send(
                        HttpRequest.newBuilder(server.uri(
                                        "/api/download/" + clip.get("task_id").asText()))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .body();
    }

    /** The 16-bit frames of a WAV's data chunk (stereo: four bytes a frame). */
    static byte[] frames(byte[] wav) {
        for (int at = 12; at + 8 <= wav.length; ) {
            String id = new String(wav, at, 4, StandardCharsets.US_ASCII);
            int size = (wav[at + 4] & 0xff)
                    | (wav[at + 5] & 0xff) << 8
                    | (wav[at + 6] & 0xff) << 16
                    | (wav[at + 7] & 0xff) << 24;
            if (id.equals("data")) {
                return java.util.Arrays.copyOfRange(wav, at + 8, Math.min(wav.length, at + 8 + size));
            }
            at += 8 + size + (size & 1);
        }
        throw new AssertionError("no data chunk");
    }

    static int credits() throws Exception {
        return get("/api/get_limit").get("credits_left").asInt();
    }

    @Test
    void aReplacedSectionIsANewClipIdenticalToItsSourceOutsideTheSectionWithItsOwnWordsAndStems() throws Exception {
        List<JsonNode> replaced = post(
                "/api/replace_section",
                "{\"clip_id\":\"" + first.get("id").asText()
                        + "\",\"infill_start_s\":8,\"infill_end_s\":14,\"prompt\":\"A brand new line\"}");

        assertThat(replaced).hasSize(2);
        JsonNode take = complete(replaced.get(0));
        assertThat(take.get("edited_clip_id").asText())
                .isEqualTo(first.get("id").asText());
        assertThat(take.get("root_ancestor_id").asText())
                .isEqualTo(first.get("id").asText());
        JsonNode step = take.get("history").get(0);
        assertThat(step.get("type").asText()).isEqualTo("replace");
        assertThat(step.get("infill_start_s").asDouble()).isEqualTo(8.0);
        assertThat(step.get("infill_end_s").asDouble()).isEqualTo(14.0);
        assertThat(step.get("infill_lyrics").asText()).isEqualTo("A brand new line");
        assertThat(take.get("duration").asDouble())
                .isEqualTo(first.get("duration").asDouble());
        JsonNode raw = get("/api/clip?id=" + take.get("id").asText()).get("metadata");
        assertThat(raw.get("edited_clip_id").asText()).isEqualTo(first.get("id").asText());
        assertThat(raw.get("history").get(0).get("infill_lyrics").asText()).isEqualTo("A brand new line");

        byte[] before = frames(wav(first));
        byte[] after = frames(wav(take));
        assertThat(after).hasSameSizeAs(before);
        int firstDiff = 0;
        while (firstDiff < before.length && before[firstDiff] == after[firstDiff]) {
            firstDiff++;
        }
        int lastDiff = before.length - 1;
        while (lastDiff >= 0 && before[lastDiff] == after[lastDiff]) {
            lastDiff--;
        }
        double bytesPerSecond = 44_100 * 4;
        // the seams move to the nearest beats (at most a beat, under 1 s at any tempo the engine plays)
        assertThat(firstDiff / bytesPerSecond).as("first differing sample, s").isBetween(7.0, 14.0);
        assertThat(lastDiff / bytesPerSecond).as("last differing sample, s").isBetween(8.0, 15.0);

        JsonNode words = get("/api/get_aligned_lyrics?song_id=" + take.get("id").asText());
        List<String> sung = new ArrayList<>();
        words.forEach(w -> sung.add(w.get("word").asText().toLowerCase(java.util.Locale.ROOT)));
        assertThat(sung).contains("brand");
        List<JsonNode> stems =
                post("/api/generate_stems", "{\"audio_id\":\"" + take.get("id").asText() + "\"}");
        assertThat(stems).hasSize(5);
        assertThat(server.get("/api/midi/" + take.get("id").asText() + ".mid").statusCode())
                .isEqualTo(200);
    }

    @Test
    void variationsExtensionsAndReplacedSectionsAreOneSongsVersionsListedAlikeFromAnyOfThem() throws Exception {
        String root = first.get("id").asText();
        JsonNode replaced = complete(post(
                        "/api/replace_section",
                        "{\"audio_id\":\"" + root + "\",\"infill_start_s\":2,\"infill_end_s\":6,\"prompt\":\"\"}")
                .get(0));
        List<JsonNode> variations = post(
                "/api/custom_generate",
                "{\"prompt\":" + JSON.writeValueAsString(LYRICS) + ",\"tags\":\"pop\",\"title\":\"Rain\","
                        + "\"duration\":12,\"variation_of\":\""
                        + replaced.get("id").asText() + "\"}");
        JsonNode variation = complete(variations.get(0));
        assertThat(variation.get("is_remix").asBoolean()).isTrue();
        assertThat(variation.get("edited_clip_id").asText())
                .isEqualTo(replaced.get("id").asText());
        assertThat(variation.get("root_ancestor_id").asText()).isEqualTo(root);
        JsonNode extension = complete(post(
                        "/api/extend_audio",
                        "{\"audio_id\":\"" + variation.get("id").asText()
                                + "\",\"continue_at\":10,\"prompt\":\"[Verse]\\nOn and on it goes\"}")
                .get(0));
        assertThat(extension.get("root_ancestor_id").asText()).isEqualTo(root);
        assertThat(extension.get("history").get(0).get("type").asText()).isEqualTo("extend");
        assertThat(extension.get("history").get(0).get("continue_at").asDouble())
                .isEqualTo(10.0);
        assertThat(first.get("root_ancestor_id").isNull())
                .as("a first clip has no ancestor")
                .isTrue();

        List<String> fromRoot = ids(get("/api/get_versions?id=" + root));
        List<String> fromLast =
                ids(get("/api/get_versions?id=" + extension.get("id").asText()));
        assertThat(fromRoot).isEqualTo(fromLast);
        assertThat(fromRoot.get(0)).isEqualTo(root);
        assertThat(fromRoot)
                .containsSubsequence(
                        root,
                        replaced.get("id").asText(),
                        variation.get("id").asText(),
                        extension.get("id").asText());
        // a stem clip shows its clip's song
        String stem = post(
                        "/api/generate_stems",
                        "{\"audio_id\":\"" + variation.get("id").asText() + "\"}")
                .get(0)
                .get("id")
                .asText();
        assertThat(ids(get("/api/get_versions?id=" + stem))).isEqualTo(fromRoot);
    }

    @Test
    void theVersionsOutliveTheClipTheyWereMadeFrom() throws Exception {
        List<JsonNode> made = post(
                "/api/custom_generate",
                "{\"prompt\":\"[Verse]\\nShort and sweet\",\"tags\":\"folk\",\"duration\":10,\"seed\":3}");
        JsonNode source = complete(made.get(0));
        JsonNode variation = complete(post(
                        "/api/custom_generate",
                        "{\"prompt\":\"[Verse]\\nShort and sweet\",\"tags\":\"folk\",\"duration\":10,"
                                + "\"variation_of\":\"" + source.get("id").asText() + "\"}")
                .get(0));
        HttpResponse<String> deleted = server.client.send(
                HttpRequest.newBuilder(
                                server.uri("/api/clip?id=" + source.get("id").asText()))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(200);

        JsonNode versions = get("/api/get_versions?id=" + variation.get("id").asText());
        assertThat(ids(versions))
                .doesNotContain(source.get("id").asText())
                .contains(variation.get("id").asText());
        assertThat(versions.get(0).get("root_ancestor_id").asText())
                .isEqualTo(source.get("id").asText());
    }

    @Test
    void aBadSectionRequestIsRefusedInSunosShapeAndCostsNothing() throws Exception {
        String id = first.get("id").asText();
        int before = credits();
        String[][] cases = {
            {"{\"infill_start_s\":1,\"infill_end_s\":4}", "clip_id is required"},
            {"{\"clip_id\":\"" + id + "\",\"infill_end_s\":4}", "infill_start_s is required"},
            {"{\"clip_id\":\"" + id + "\",\"infill_start_s\":5,\"infill_end_s\":4}", "at least 0.5 s"},
            {"{\"clip_id\":\"" + id + "\",\"infill_start_s\":5,\"infill_end_s\":500}", "inside the clip"},
            {"{\"clip_id\":\"" + id + "\",\"infill_start_s\":\"soon\",\"infill_end_s\":4}", "infill_start_s"},
            {
                "{\"clip_id\":\"" + id + "\",\"infill_start_s\":2,\"infill_end_s\":6,\"prompt\":\"[00:20.00]Late\"}",
                "outside the section"
            },
        };
        for (String[] c : cases) {
            HttpResponse<String> r = send("/api/replace_section", c[0]);
            assertThat(r.statusCode()).as(c[0] + " → " + r.body()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("error").asText()).as(c[0]).contains(c[1]);
        }
        HttpResponse<String> unknown = send(
                "/api/replace_section",
                "{\"clip_id\":\"00000000-0000-0000-0000-000000000000\",\"infill_start_s\":1,\"infill_end_s\":4}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("error").asText()).contains("Clip not found");
        assertThat(server.get("/api/get_versions").statusCode()).isEqualTo(400);
        assertThat(credits()).isEqualTo(before);
    }

    static List<String> ids(JsonNode clips) {
        List<String> ids = new ArrayList<>();
        clips.forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }
}
