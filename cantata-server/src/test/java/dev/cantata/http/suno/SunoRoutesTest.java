package dev.cantata.http.suno;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.audio.Codecs;
import dev.cantata.audio.Ffmpeg;
import dev.cantata.config.Settings;
import dev.cantata.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Suno dialect over real HTTP: the seed's flow, clip fields, audio, covers, extend, stems, lyrics, credits. */
final class SunoRoutesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String LYRICS = """
      [Verse]
      Morning rain upon the window
      Coffee cooling in my hand

      [Chorus]
      Hold on, hold on, the night is almost over
      """;
    static final Codecs CODECS = new Codecs(Ffmpeg.locate());

    @TempDir
    static Path data;

    static TestServer server;
    static List<JsonNode> made;

    @BeforeAll
    static void startAndMakeTwoClips() throws Exception {
        server = TestServer.start(Settings.loopback(data).toBuilder()
                .credits(40)
                .streamingHold(Duration.ofSeconds(1))
                .build());
        made = post(
                "/api/custom_generate",
                "{\"prompt\":" + JSON.writeValueAsString(LYRICS)
                        + ",\"tags\":\"pop rock male melancholic\",\"title\":\"Test Song\",\"make_instrumental\":false,"
                        + "\"negative_tags\":\"jazz\",\"model\":\"chirp-v4\",\"wait_audio\":false}",
                null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<JsonNode> post(String path, String json, String key) throws Exception {
        HttpResponse<byte[]> r = send(path, json, key);
        assertThat(r.statusCode())
                .as(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(r.body()).forEach(out::add);
        return out;
    }

    static HttpResponse<byte[]> send(String path, String json, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofMinutes(3));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return server.client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode get(String path) throws Exception {
        return JSON.readTree(server.get(path).body());
    }

    /** A request with any method as {@code key}'s account (none when null), and its answer. */
    static HttpResponse<String> call(String method, String path, String json, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofMinutes(3));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return server.client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<String> ids(JsonNode clips) {
        List<String> ids = new ArrayList<>();
        clips.forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    /** Two new clips of {@code key}'s account, both complete. */
    static List<String> twoCompleteClips(String key) throws Exception {
        List<String> ids = new ArrayList<>();
        post("/api/custom_generate", "{\"prompt\":" + JSON.writeValueAsString(LYRICS) + ",\"tags\":\"folk\"}", key)
                .forEach(c -> ids.add(c.get("id").asText()));
        waitComplete(String.join(",", ids));
        return ids;
    }

    static HttpResponse<byte[]> fetch(String url) throws Exception {
        return server.client.send(
                HttpRequest.newBuilder(java.net.URI.create(url))
                        .timeout(Duration.ofMinutes(5))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static List<JsonNode> waitComplete(String ids) throws Exception {
        for (int i = 0; i < 600; i++) {
            List<JsonNode> clips = new ArrayList<>();
            get("/api/get?ids=" + ids).forEach(clips::add);
            if (clips.stream().allMatch(c -> c.get("status").asText().equals("complete"))) {
                return clips;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("clips " + ids + " did not complete");
    }

    @Test
    void aGenerationAnswersWithTwoSubmittedClipsCarryingEveryField() {
        assertThat(made).hasSize(2);
        for (JsonNode clip : made) {
            assertThat(clip.fieldNames())
                    .toIterable()
                    .contains(
                            "id",
                            "title",
                            "image_url",
                            "lyric",
                            "audio_url",
                            "video_url",
                            "created_at",
                            "model_name",
                            "status",
                            "gpt_description_prompt",
                            "prompt",
                            "type",
                            "tags",
                            "duration",
                            "negative_tags");
            assertThat(clip.get("status").asText()).isEqualTo("submitted");
            assertThat(clip.get("model_name").asText()).isEqualTo("chirp-v4");
            assertThat(clip.get("title").asText()).isEqualTo("Test Song");
            assertThat(clip.get("type").asText()).isEqualTo("gen");
        }
        assertThat(made.get(0).get("id")).isNotEqualTo(made.get(1).get("id"));
    }

    @Test
    void pollingSeesStreamingThenCompleteAndTheAudioUrlServesTheWholeSong() throws Exception {
        List<JsonNode> mine = post(
                "/api/custom_generate",
                "{\"prompt\":\"[Verse]\\nHold on, the light is coming" + " through\",\"tags\":\"folk\"}",
                "poller");
        String ids =
                mine.get(0).get("id").asText() + "," + mine.get(1).get("id").asText();
        boolean sawStreaming = false;
        List<JsonNode> clips = new ArrayList<>();
        for (int i = 0; i < 3000 && !sawStreaming; i++) {
            clips.clear();
            get("/api/get?ids=" + ids).forEach(clips::add);
            sawStreaming = clips.get(0).get("status").asText().equals("streaming");
            Thread.sleep(100);
        }
        assertThat(sawStreaming).isTrue();
        for (JsonNode clip : clips) {
            assertThat(clip.get("audio_url").asText()).startsWith("http://127.0.0.1:");
            assertThat(clip.has("error_message")).isTrue();
            assertThat(clip.has("negative_tags")).isFalse();
        }
        byte[] early = fetch(clips.get(1).get("audio_url").asText()).body(); // may still be being made

        List<JsonNode> done = waitComplete(ids);

        float[] audio = TestServer.ffmpegDecode(early, 44_100, false);
        assertThat(audio.length / 44_100.0)
                .isCloseTo(done.get(1).get("duration").asDouble(), within(0.2));
        HttpResponse<byte[]> image = fetch(done.get(0).get("image_url").asText());
        assertThat(image.headers().firstValue("content-type")).hasValue("image/png");
        assertThat(new String(image.body(), 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(done.get(0).get("error_message").isNull()).isTrue();
    }

    @Test
    void anExtensionIsItsSourceBeforeTheJoinAndConcatNamesTheChain() throws Exception {
        String source = made.get(0).get("id").asText();
        waitComplete(source);

        List<JsonNode> extended = post(
                "/api/extend_audio",
                "{\"audio_id\":\"" + source + "\",\"prompt\":"
                        + "\"[Verse 3]\\nThe city lights are fading slow\",\"continue_at\":6,\"wait_audio\":true}",
                null);

        assertThat(extended).hasSize(2);
        String id = extended.get(0).get("id").asText();
        waitComplete(id);
        float[] before = CODECS.decodeStereo(
                Files.readAllBytes(data.resolve("blobs/tasks/" + source + "/song-0.wav")), 44_100, 600);
        float[] after =
                CODECS.decodeStereo(Files.readAllBytes(data.resolve("blobs/tasks/" + id + "/song-0.wav")), 44_100, 600);
        for (int i = 0; i < 6 * 44_100 * 2; i++) {
            assertThat(after[i]).as("sample %d", i).isEqualTo(before[i]);
        }
        assertThat(get("/api/get?ids=" + id).get(0).get("type").asText()).isEqualTo("extend");
        JsonNode whole = JSON.readTree(
                send("/api/concat", "{\"clip_id\":\"" + id + "\"}", null).body());
        assertThat(whole.get("metadata").get("concat_history").get(0).get("id").asText())
                .isEqualTo(source);
        assertThat(whole.get("metadata").get("type").asText()).isEqualTo("concat");
    }

    @Test
    void stemsAndAlignedLyricsComeFromTheScore() throws Exception {
        String id = made.get(1).get("id").asText();
        waitComplete(id);

        JsonNode stems = JSON.readTree(send("/api/generate_stems", "{\"audio_id\":\"" + id + "\"}", null)
                .body());
        JsonNode words = get("/api/get_aligned_lyrics?song_id=" + id);

        assertThat(stems).hasSize(5);
        for (JsonNode stem : stems) {
            assertThat(stem.get("stem_from_id").asText()).isEqualTo(id);
            float[] audio = TestServer.ffmpegDecode(
                    fetch(stem.get("audio_url").asText()).body(), 44_100, false);
            assertThat(audio.length / 44_100.0).isCloseTo(stem.get("duration").asDouble(), within(0.1));
        }
        List<String> sung = new ArrayList<>();
        double last = -1;
        for (JsonNode w : words) {
            sung.add(w.get("word").asText());
            assertThat(w.get("start_s").asDouble()).isGreaterThanOrEqualTo(last);
            assertThat(w.get("end_s").asDouble()).isGreaterThan(w.get("start_s").asDouble());
            last = w.get("start_s").asDouble();
        }
        assertThat(sung).startsWith("Morning", "rain", "upon", "the", "window");
    }

    /** Interleaved stereo float, decoded by the ffmpeg binary (not Cantata's decoder). */
    static float[] stereoByFfmpeg(byte[] file) throws Exception {
        Path in = Files.createTempFile("stem-", ".bin");
        try {
            Files.write(in, file);
            Process p = new ProcessBuilder(
                            "ffmpeg", "-v", "error", "-i", in.toString(), "-f", "f32le", "-ac", "2", "pipe:1")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] pcm = p.getInputStream().readAllBytes();
            assertThat(p.waitFor()).isZero();
            java.nio.FloatBuffer floats = java.nio.ByteBuffer.wrap(pcm)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer();
            float[] out = new float[floats.remaining()];
            floats.get(out);
            return out;
        } finally {
            Files.delete(in);
        }
    }

    @Test
    void stemFilesAre24BitFlacUnderFullScaleAndUndoingTheirGainTheySumToTheMixBeforeTheLimiter() throws Exception {
        String id = made.get(0).get("id").asText();
        waitComplete(id);

        JsonNode stems = JSON.readTree(send("/api/generate_stems", "{\"audio_id\":\"" + id + "\"}", null)
                .body());
        float[] master =
                CODECS.decodeStereo(Files.readAllBytes(data.resolve("blobs/tasks/" + id + "/song-0.wav")), 44_100, 600);

        double[] sum = new double[master.length];
        for (JsonNode stem : stems) {
            byte[] flac = fetch(stem.get("audio_url").asText()).body();
            assertThat(dev.cantata.audio.StreamInfo.of(flac).bitsPerSample()).isEqualTo(24);
            String header = new String(flac, 0, Math.min(flac.length, 4096), StandardCharsets.ISO_8859_1);
            java.util.regex.Matcher tag = java.util.regex.Pattern.compile("CANTATA_STEM_GAIN_DB=(-?[0-9.]+)")
                    .matcher(header);
            assertThat(tag.find()).as("the gain is in a Vorbis comment").isTrue();
            double gain = Double.parseDouble(tag.group(1));
            assertThat(gain).isLessThanOrEqualTo(-6.0);
            float[] audio = stereoByFfmpeg(flac);
            double peak = 0;
            double dc = 0;
            for (int i = 0; i < audio.length; i++) {
                peak = Math.max(peak, Math.abs(audio[i]));
                dc += audio[i];
                if (i < sum.length) {
                    sum[i] += audio[i] * Math.pow(10, -gain / 20);
                }
            }
            assertThat(20 * Math.log10(peak)).as("peak, dBFS").isLessThanOrEqualTo(-0.99);
            assertThat(Math.abs(dc / audio.length)).as("DC").isLessThan(1e-4);
        }
        // the master (16-bit) is the sum times the limiter's gain: at most 1, the same on both channels
        int checked = 0;
        for (int f = 0; f < master.length / 2; f++) {
            if (Math.abs(sum[2 * f]) < 0.05 || Math.abs(sum[2 * f + 1]) < 0.05) {
                continue;
            }
            double left = master[2 * f] / sum[2 * f];
            assertThat(left).as("frame %d", f).isBetween(0.0, 1.002);
            assertThat(master[2 * f + 1] / sum[2 * f + 1]).as("frame %d", f).isCloseTo(left, within(0.005));
            checked++;
        }
        assertThat(checked).isGreaterThan(master.length / 20);
    }

    @Test
    void aClipsMidiIsAType1FileWithTheVocalsLyricsAndATrackPerPart() throws Exception {
        String id = made.get(1).get("id").asText();
        waitComplete(id);

        String midiUrl = get("/api/get?ids=" + id).get(0).get("midi_url").asText();
        HttpResponse<byte[]> mid = fetch(midiUrl);
        HttpResponse<byte[]> head = server.client.send(
                HttpRequest.newBuilder(server.uri("/api/midi/" + id + ".mid"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> unknown = fetch(
                server.uri("/api/midi/00000000-0000-0000-0000-000000000000.mid").toString());

        assertThat(midiUrl).endsWith("/api/midi/" + id + ".mid");
        assertThat(mid.statusCode()).isEqualTo(200);
        assertThat(mid.headers().firstValue("content-type")).hasValue("audio/midi");
        assertThat(head.headers().firstValueAsLong("content-length")).hasValue(mid.body().length);
        javax.sound.midi.Sequence sequence =
                javax.sound.midi.MidiSystem.getSequence(new java.io.ByteArrayInputStream(mid.body()));
        List<String> names = new ArrayList<>();
        List<String> lyrics = new ArrayList<>();
        for (javax.sound.midi.Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                if (track.get(i).getMessage() instanceof javax.sound.midi.MetaMessage m) {
                    String text = new String(m.getData(), StandardCharsets.ISO_8859_1);
                    if (m.getType() == 0x03) {
                        names.add(text);
                    } else if (m.getType() == 0x05) {
                        lyrics.add(text);
                    }
                }
            }
        }
        assertThat(names.get(1)).isEqualTo("Vocals");
        assertThat(names).contains("Harmony (high)", "Drums"); // pop stacks its choruses
        assertThat(names).anyMatch(n -> n.startsWith("Bass: "));
        // the syllables spell the words the score aligns, in order
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (String piece : lyrics) {
            if (piece.equals("-")) {
                continue;
            }
            word.append(piece.endsWith("-") ? piece.substring(0, piece.length() - 1) : piece);
            if (!piece.endsWith("-")) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        List<String> aligned = new ArrayList<>();
        get("/api/get_aligned_lyrics?song_id=" + id)
                .forEach(w -> aligned.add(w.get("word").asText()));
        assertThat(words).isEqualTo(aligned);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("error").asText()).startsWith("Clip not found");
    }

    @Test
    void deletingAClipDeletesItsSongAndFilesAndLeavesItsSiblingWhole() throws Exception {
        List<String> pair = twoCompleteClips("deleter");
        String gone = pair.get(0);
        String sibling = pair.get(1);
        JsonNode before = get("/api/get?ids=" + gone).get(0);

        HttpResponse<String> stranger = call("DELETE", "/api/clip?id=" + gone, null, "stranger");
        HttpResponse<String> deleted = call("DELETE", "/api/clip?id=" + gone, null, "deleter");

        assertThat(stranger.statusCode())
                .as("another account's clip is not found")
                .isEqualTo(404);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(JSON.readTree(deleted.body()))
                .isEqualTo(JSON.readTree("{\"deleted\":[\"" + gone + "\"],\"not_found\":[]}"));
        assertThat(ids(get("/api/get?ids=" + gone + "," + sibling))).containsExactly(sibling);
        assertThat(get("/api/get?ids=" + gone))
                .as("no clip known: an empty list")
                .isEmpty();
        assertThat(Files.exists(data.resolve("blobs/tasks/" + gone))).isFalse();
        assertThat(server.server.tasks().find(java.util.UUID.fromString(gone))).isEmpty();
        assertThat(fetch(before.get("audio_url").asText()).statusCode()).isEqualTo(404);
        for (String[] request : new String[][] {
            {"GET", "/api/clip?id=" + gone, null},
            {"POST", "/api/extend_audio", "{\"audio_id\":\"" + gone + "\"}"},
            {"POST", "/api/concat", "{\"clip_id\":\"" + gone + "\"}"},
            {"POST", "/api/generate_stems", "{\"audio_id\":\"" + gone + "\"}"},
            {"DELETE", "/api/clip?id=" + gone, null}
        }) {
            HttpResponse<String> r = call(request[0], request[1], request[2], "deleter");
            assertThat(r.statusCode()).as(request[1]).isEqualTo(404);
            assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("Clip not found: " + gone);
        }
        JsonNode kept = get("/api/get?ids=" + sibling).get(0);
        assertThat(kept.get("status").asText()).isEqualTo("complete");
        float[] audio =
                TestServer.ffmpegDecode(fetch(kept.get("audio_url").asText()).body(), 44_100, false);
        assertThat(audio.length / 44_100.0).isCloseTo(kept.get("duration").asDouble(), within(0.2));

        HttpResponse<String> batch =
                call("POST", "/api/delete", "{\"ids\":\"" + sibling + ",nope," + gone + "\"}", "deleter");

        assertThat(JSON.readTree(batch.body()))
                .isEqualTo(
                        JSON.readTree("{\"deleted\":[\"" + sibling + "\"],\"not_found\":[\"nope\",\"" + gone + "\"]}"));
        assertThat(Files.exists(data.resolve("blobs/tasks/" + sibling))).isFalse();
    }

    @Test
    void stemClipsAreClipsOfTheAccountThatGoWithTheirClip() throws Exception {
        String key = "stemmer";
        List<String> pair = twoCompleteClips(key);
        String clip = pair.get(0);
        JsonNode song = get("/api/get?ids=" + clip).get(0);

        HttpResponse<String> made = call("POST", "/api/generate_stems", "{\"audio_id\":\"" + clip + "\"}", key);
        List<String> stems = ids(JSON.readTree(made.body()));
        JsonNode found = get("/api/get?ids=" + String.join(",", stems));
        JsonNode vocals = get("/api/clip?id=" + stems.get(0));
        JsonNode feed = JSON.readTree(call("GET", "/api/get", null, key).body());

        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        assertThat(ids(found)).containsExactlyElementsOf(stems);
        List<String> names = new ArrayList<>();
        for (JsonNode stem : found) {
            names.add(stem.get("title").asText());
            assertThat(stem.get("type").asText()).isEqualTo("stem");
            assertThat(stem.get("status").asText()).isEqualTo("complete");
            assertThat(stem.get("duration").asDouble())
                    .isEqualTo(song.get("duration").asDouble());
            HttpResponse<byte[]> audio = fetch(stem.get("audio_url").asText());
            assertThat(audio.headers().firstValue("content-type")).hasValue("audio/flac");
            float[] samples = TestServer.ffmpegDecode(audio.body(), 44_100, false);
            assertThat(samples.length / 44_100.0).isCloseTo(stem.get("duration").asDouble(), within(0.1));
            assertThat(fetch(stem.get("image_url").asText()).statusCode()).isEqualTo(200);
        }
        String title = song.get("title").asText();
        assertThat(names)
                .containsExactly(
                        title + " (vocals)",
                        title + " (backing)",
                        title + " (drums)",
                        title + " (bass)",
                        title + " (other)");
        assertThat(found.get(0).get("lyric").asText())
                .isEqualTo(song.get("lyric").asText());
        assertThat(found.get(2).get("lyric").asText())
                .as("no words in the drums")
                .isEmpty();
        assertThat(vocals.get("metadata").get("stem_from_id").asText()).isEqualTo(clip);
        assertThat(vocals.get("metadata").get("type").asText()).isEqualTo("stem");
        assertThat(ids(feed))
                .containsExactlyInAnyOrder(
                        stems.get(0), stems.get(1), stems.get(2), stems.get(3), stems.get(4), clip, pair.get(1));
        assertThat(ids(JSON.readTree(call("POST", "/api/generate_stems", "{\"audio_id\":\"" + clip + "\"}", key)
                        .body())))
                .as("asked again, the same clips")
                .containsExactlyElementsOf(stems);
        assertThat(get("/api/get_aligned_lyrics?song_id=" + stems.get(0)))
                .isEqualTo(get("/api/get_aligned_lyrics?song_id=" + clip));
        assertThat(get("/api/get_aligned_lyrics?song_id=" + stems.get(2))).isEmpty();
        for (String path : List.of("/api/extend_audio", "/api/generate_stems")) {
            HttpResponse<String> refused = call("POST", path, "{\"audio_id\":\"" + stems.get(0) + "\"}", key);
            assertThat(refused.statusCode()).as(path).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).get("error").asText()).contains("stem of clip " + clip);
        }

        HttpResponse<String> drumsGone = call("DELETE", "/api/clip?id=" + stems.get(2), null, key);

        assertThat(drumsGone.statusCode()).isEqualTo(200);
        assertThat(ids(get("/api/get?ids=" + String.join(",", stems) + "," + clip)))
                .containsExactly(stems.get(0), stems.get(1), stems.get(3), stems.get(4), clip);
        assertThat(fetch(found.get(0).get("audio_url").asText()).statusCode())
                .as("the clip's files stay")
                .isEqualTo(200);

        JsonNode all =
                JSON.readTree(call("DELETE", "/api/clip?id=" + clip, null, key).body());

        assertThat(all.get("deleted"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(clip, stems.get(0), stems.get(1), stems.get(3), stems.get(4));
        assertThat(get("/api/get?ids=" + String.join(",", stems))).isEmpty();
        assertThat(fetch(found.get(0).get("audio_url").asText()).statusCode()).isEqualTo(404);
        assertThat(ids(JSON.readTree(call("GET", "/api/get", null, key).body())))
                .containsExactly(pair.get(1));
    }

    @Test
    void theChatTakesOpenAiContentPartsAndShowsNoLyricsForItsInstrumental() throws Exception {
        String body = """
            {"model":"gpt-4o","messages":[
              {"role":"system","content":"You write songs."},
              {"role":"user","content":"an earlier wish"},
              {"role":"assistant","content":"## Song Title: Earlier"},
              {"role":"user","content":[
                {"type":"text","text":"a calm piano piece"},
                {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}},
                {"type":"text","text":"about rain on a window"}]}]}
            """;

        HttpResponse<String> r = call("POST", "/v1/chat/completions", body, "chatter");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body())
                .startsWith("## Song Title: ")
                .contains("### Lyrics:\n[Instrumental]\n### Listen to the song: ");
        String audio = r.body()
                .substring(r.body().indexOf("### Listen to the song: ") + 24)
                .strip();
        String id = audio.substring(audio.lastIndexOf('/') + 1, audio.length() - ".mp3".length());
        JsonNode clip = get("/api/get?ids=" + id).get(0);
        assertThat(clip.get("gpt_description_prompt").asText()).isEqualTo("a calm piano piece\nabout rain on a window");
        assertThat(clip.get("lyric").asText()).isEmpty();
        assertThat(r.body()).contains("## Song Title: " + clip.get("title").asText() + "\n");
        assertThat(fetch(audio).statusCode()).isEqualTo(200);
    }

    @Test
    void aDescriptionGetsWrittenLyricsAndWaitAudioReturnsPlayableClips() throws Exception {
        List<JsonNode> clips = post(
                "/api/generate",
                "{\"prompt\":\"a cheerful folk song about a morning walk by the " + "sea\",\"wait_audio\":true}",
                "describer");

        assertThat(clips).hasSize(2);
        for (JsonNode c : clips) {
            assertThat(c.get("status").asText()).isIn("streaming", "complete");
            assertThat(c.get("lyric").asText()).contains("\n");
            assertThat(c.get("gpt_description_prompt").asText()).contains("morning walk");
            assertThat(c.get("tags").asText()).contains("folk");
        }
        assertThat(clips.get(0).get("lyric")).isNotEqualTo(clips.get(1).get("lyric"));
    }

    @Test
    void creditsAreCountedPerKeyAndRunningOutIs402() throws Exception {
        String body = "{\"prompt\":\"\",\"tags\":\"ambient\",\"make_instrumental\":true}";
        JsonNode before = JSON.readTree(server.client
                .send(
                        HttpRequest.newBuilder(server.uri("/api/get_limit"))
                                .header("Authorization", "Bearer spender")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .body());

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<byte[]> r = send("/api/custom_generate", body, "spender");
            statuses.add(r.statusCode());
            if (r.statusCode() == 200) {
                for (JsonNode clip :
                        JSON.readTree(r.body())) { // spent is spent: the songs themselves are not needed here
                    server.client.send(
                            HttpRequest.newBuilder(server.uri(
                                            "/api/tasks/" + clip.get("id").asText()))
                                    .DELETE()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                }
            }
        }
        HttpResponse<byte[]> refused = send("/api/custom_generate", body, "spender");
        JsonNode after = JSON.readTree(server.client
                .send(
                        HttpRequest.newBuilder(server.uri("/api/get_limit"))
                                .header("Authorization", "Bearer spender")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .body());

        assertThat(before.get("credits_left").asInt()).isEqualTo(40);
        assertThat(before.get("period").asText()).isEqualTo("month");
        assertThat(statuses).containsExactly(200, 200, 200, 200, 402);
        assertThat(refused.statusCode()).isEqualTo(402);
        assertThat(JSON.readTree(refused.body()).get("error").asText()).startsWith("Payment required");
        assertThat(after.get("credits_left").asInt()).isZero();
        assertThat(after.get("monthly_usage").asInt()).isEqualTo(40);
        assertThat(after.get("monthly_limit").asInt()).isEqualTo(40);
        assertThat(get("/api/get_limit").get("credits_left").asInt())
                .as("another account")
                .isGreaterThan(0);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/extend_audio|{}|400|Audio ID is required",
                "/api/extend_audio|{\"audio_id\":\"00000000-0000-0000-0000-000000000000\"}|404|Clip not found",
                "/api/generate_stems|{}|400|Audio ID is required",
                "/api/concat|{}|400|Clip id is required",
                "/api/generate|{\"make_instrumental\":true}|400|Prompt is required",
                "/api/generate|[1,2]|400|JSON object",
                "/api/generate|{not json|400|Invalid JSON",
                "/api/custom_generate|{\"prompt\":\"[00:01.00]ok\\nno time\"}|400|LRC line 2",
                "/v1/chat/completions|{\"messages\":[]}|400|Prompt message is required",
                "/v1/chat/completions|{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\","
                        + "\"image_url\":{\"url\":\"x\"}}]}]}|400|Prompt message is required",
                "/api/delete|{}|400|ids is required",
                "/api/delete|{\"ids\":5}|400|ids must be",
                "/api/delete|{\"ids\":[\"a\",7]}|400|ids must be",
                "/api/generate_lyrics|{}|400|Prompt is required"
            })
    void badRequestsGetSunosErrorShape(String path, String body, int status, String message) throws Exception {
        HttpResponse<byte[]> r = send(path, body, null);

        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(JSON.readTree(r.body()).get("error").asText()).contains(message);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/clip|Missing parameter id",
                "/api/get_aligned_lyrics|Song ID is required",
                "/api/persona|Missing parameter id",
                "/api/clip?id=nope|Clip not found",
                "/api/persona?id=nobody|Persona not found"
            })
    void badQueriesGetSunosErrorShape(String path, String message) throws Exception {
        JsonNode error = get(path);

        assertThat(error.get("error").asText()).contains(message);
    }

    @Test
    void aPersonaIsAVoiceThatCanSingWithEveryFieldOfSunosPersonaPage() throws Exception {
        JsonNode persona = get("/api/persona?id=male");
        JsonNode third = get("/api/persona?id=female&page=3");
        HttpResponse<String> badPage = server.get("/api/persona?id=male&page=two");

        assertThat(persona.get("persona").get("name").asText()).isEqualTo("male");
        assertThat(persona.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("persona", "total_results", "current_page", "is_following");
        assertThat(persona.get("current_page").isInt()).isTrue();
        assertThat(persona.get("current_page").asInt()).isEqualTo(1);
        assertThat(third.get("current_page").asInt()).isEqualTo(3);
        assertThat(persona.get("persona").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "id",
                        "name",
                        "description",
                        "image_s3_id",
                        "root_clip_id",
                        "clip",
                        "user_display_name",
                        "user_handle",
                        "user_image_url",
                        "persona_clips",
                        "is_suno_persona",
                        "is_trashed",
                        "is_owned",
                        "is_public",
                        "is_public_approved",
                        "is_loved",
                        "upvote_count",
                        "clip_count");
        assertThat(persona.get("persona").get("is_suno_persona").asBoolean())
                .as("a built-in voice")
                .isTrue();
        assertThat(persona.get("persona").get("clip_count").isInt()).isTrue();
        assertThat(badPage.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badPage.body()).get("error").asText()).contains("page");
    }

    @Test
    void generatedLyricsHaveATitleAndSections() throws Exception {
        JsonNode lyrics = JSON.readTree(send("/api/generate_lyrics", "{\"prompt\":\"a song about trains\"}", null)
                .body());

        assertThat(lyrics.get("status").asText()).isEqualTo("complete");
        assertThat(lyrics.get("title").asText()).isNotBlank();
        assertThat(lyrics.get("text").asText()).contains("[Verse 1]", "[Chorus]", "[Bridge]");
    }
}
