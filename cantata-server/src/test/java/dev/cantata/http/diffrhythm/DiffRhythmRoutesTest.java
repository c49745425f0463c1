package dev.cantata.http.diffrhythm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.audio.Codec;
import dev.cantata.audio.Codecs;
import dev.cantata.audio.Ffmpeg;
import dev.cantata.client.Multipart;
import dev.cantata.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DiffRhythm routes over real HTTP: the seed's flow, variations, edits, every error path, deletion. */
final class DiffRhythmRoutesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String LRC = """
      [00:05.00]Morning rain upon the window
      [00:09.50]Coffee cooling in my hand
      [00:30.00]Hold on, hold on, the night is almost over
      [00:35.00]Hold on, the light is coming through
      """;
    static final Codecs CODECS = new Codecs(Ffmpeg.locate());

    @TempDir
    static Path data;

    static TestServer server;
    static String song;
    static List<Integer> progressSeen;

    @BeforeAll
    static void startAndMakeOneSong() throws Exception {
        server = TestServer.start(data, null);
        JsonNode queued = json(server.postMultipart(
                "/api/generate",
                new Multipart()
                        .file("lyrics", "lyrics.lrc", LRC.getBytes(StandardCharsets.UTF_8))
                        .field("ref_prompt", "folk, acoustic guitar, harmonica, touching")
                        .field("audio_length", "95")
                        .field("chunked", "true")));
        song = queued.get("task_id").asText();
        progressSeen = new ArrayList<>(waitFor(song));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** Polls until the task finishes; returns the progress values seen on the way. */
    static Set<Integer> waitFor(String id) throws Exception {
        Set<Integer> seen = new LinkedHashSet<>();
        for (int i = 0; i < 600; i++) {
            JsonNode status = JSON.readTree(server.get("/api/status/" + id).body());
            seen.add(status.get("progress").asInt());
            String s = status.get("status").asText();
            if (s.equals("completed") || s.equals("failed")) {
                assertThat(s).as("task %s: %s", id, status).isEqualTo("completed");
                return seen;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("task " + id + " did not finish");
    }

    static HttpResponse<byte[]> download(String path) throws Exception {
        return server.client.send(
                HttpRequest.newBuilder(server.uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static float[] stereo(byte[] wav) throws Exception {
        return CODECS.decodeStereo(wav, 44_100, 600);
    }

    @Test
    void formatMidDownloadsTheSongAsAStandardMidiFileAndAnotherFormatIsRefused() throws Exception {
        HttpResponse<byte[]> mid = download("/api/download/" + song + "?format=mid");
        HttpResponse<byte[]> wav = download("/api/download/" + song + "?format=wav");
        HttpResponse<byte[]> ogg = download("/api/download/" + song + "?format=ogg");
        HttpResponse<byte[]> head = server.client.send(
                HttpRequest.newBuilder(server.uri("/api/download/" + song + "?format=mid"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(mid.statusCode()).isEqualTo(200);
        assertThat(mid.headers().firstValue("content-type")).hasValue("audio/midi");
        assertThat(mid.headers().firstValue("content-disposition"))
                .hasValue("attachment; filename=\"" + song + ".mid\"");
        javax.sound.midi.Sequence sequence =
                javax.sound.midi.MidiSystem.getSequence(new java.io.ByteArrayInputStream(mid.body()));
        assertThat(javax.sound.midi.MidiSystem.getMidiFileFormat(new java.io.ByteArrayInputStream(mid.body()))
                        .getType())
                .isEqualTo(1);
        assertThat(sequence.getMicrosecondLength() / 1e6)
                .as("as long as the song")
                .isCloseTo(95.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(sequence.getTracks().length)
                .as("conductor, vocals, drums and at least bass and chords")
                .isGreaterThanOrEqualTo(5);
        assertThat(wav.headers().firstValue("content-type")).hasValue("audio/wav");
        assertThat(ogg.statusCode()).isEqualTo(422);
        assertThat(json(ogg).get("detail").get(0).get("msg").asText()).isEqualTo("Input should be 'wav' or 'mid'");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("content-length")).hasValue(mid.body().length);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void theSeedsFlowQueuesReportsProgressAndDownloadsA95SecondStereoWav() throws Exception {
        HttpResponse<byte[]> wav = download("/api/download/" + song);
        JsonNode status = json(download("/api/status/" + song));

        assertThat(wav.statusCode()).isEqualTo(200);
        assertThat(wav.headers().firstValue("content-type")).hasValue("audio/wav");
        assertThat(wav.headers().firstValue("content-disposition"))
                .hasValue("attachment; filename=\"" + song + ".wav\"");
        ByteBuffer header = ByteBuffer.wrap(wav.body()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getShort(22)).as("channels").isEqualTo((short) 2);
        assertThat(header.getInt(24)).as("rate").isEqualTo(44_100);
        assertThat(header.getShort(34)).as("bits").isEqualTo((short) 16);
        assertThat(stereo(wav.body()).length / 2.0 / 44_100).isEqualTo(95.0);
        assertThat(progressSeen).as("progress moves in real steps").hasSizeGreaterThan(4);
        assertThat(status.get("progress").asInt()).isEqualTo(100);
        assertThat(status.get("output_path").asText())
                .as("no absolute path is given out")
                .doesNotStartWith("/");
        assertThat(data.resolve(status.get("output_path").asText())).exists();
        assertThat(status.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
        assertThat(status.get("completed_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
        assertThat(status.get("error").isNull()).isTrue();
    }

    @Test
    void anEditKeepsEverySampleOutsideItsSegmentAndChangesTheInside() throws Exception {
        byte[] original = download("/api/download/" + song).body();
        String edit = json(server.postMultipart(
                        "/api/edit",
                        new Multipart()
                                .file(
                                        "lyrics",
                                        "l.lrc",
                                        "[00:31.00]Silver birds are flying over\n".getBytes(StandardCharsets.UTF_8))
                                .file("ref_song", "song.wav", original)
                                .field("ref_prompt", "folk")
                                .field("edit_segments", "[[30,45]]")))
                .get("task_id")
                .asText();
        waitFor(edit);

        float[] before = stereo(original);
        float[] after = stereo(download("/api/download/" + edit).body());

        assertThat(after).hasSize(before.length);
        double outside = 0;
        double inside = 0;
        for (int i = 0; i < before.length; i++) {
            double d = Math.abs(after[i] - before[i]);
            int frame = i / 2;
            double t = frame / 44_100.0;
            if (t < 30 || t >= 45) {
                outside = Math.max(outside, d);
            } else if (t > 31 && t < 44) {
                inside = Math.max(inside, d);
            }
        }
        assertThat(outside).isZero();
        assertThat(inside).isGreaterThan(0.05);
    }

    @Test
    void batchInferNumMakesThatManyDifferentSongsDownloadedByIndex() throws Exception {
        String id = json(server.postMultipart(
                        "/api/generate",
                        new Multipart()
                                .file("lyrics", "l.lrc", new byte[0])
                                .field("ref_prompt", "house")
                                .field("audio_length", "96")
                                .field("batch_infer_num", "2")))
                .get("task_id")
                .asText();
        waitFor(id);

        byte[] first = download("/api/download/" + id).body();
        byte[] second = download("/api/download/" + id + "?index=1").body();
        HttpResponse<byte[]> third = download("/api/download/" + id + "?index=2");

        assertThat(stereo(first).length / 2.0 / 44_100).isEqualTo(96.0);
        assertThat(stereo(second).length / 2.0 / 44_100).isEqualTo(96.0);
        assertThat(first).isNotEqualTo(second);
        assertThat(third.statusCode()).isEqualTo(400);
        assertThat(json(third).get("detail").asText()).contains("index 2 is out of range");
    }

    @Test
    void aReferenceRecordingGivesTheStyleAndItsLengthIsChecked() throws Exception {
        byte[] reference = CODECS.encode(tone(12), 44_100, 1, Codec.FLAC);
        byte[] tooShort = CODECS.encode(tone(4), 44_100, 1, Codec.MP3);

        HttpResponse<byte[]> ok = server.postMultipart(
                "/api/generate",
                new Multipart()
                        .file("lyrics", "l.lrc", LRC.getBytes(StandardCharsets.UTF_8))
                        .file("ref_audio", "ref.flac", reference));
        HttpResponse<byte[]> shortOne = server.postMultipart(
                "/api/generate",
                new Multipart()
                        .file("lyrics", "l.lrc", LRC.getBytes(StandardCharsets.UTF_8))
                        .file("ref_audio", "ref.mp3", tooShort));

        assertThat(ok.statusCode()).isEqualTo(200);
        waitFor(json(ok).get("task_id").asText());
        assertThat(shortOne.statusCode()).isEqualTo(400);
        assertThat(json(shortOne).get("detail").asText()).containsPattern("4\\.\\d s long; it must be at least 10 s");
    }

    static float[] tone(double seconds) {
        float[] x = new float[(int) (seconds * 44_100)];
        for (int i = 0; i < x.length; i++) {
            double t = i / 44_100.0;
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * t) * (t % 0.5 < 0.1 ? 1 : 0.3));
        }
        return x;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "both styles|generate|prompt,audio|95||400|Only one of ref_audio or ref_prompt should be provided",
                "no style|generate||95||400|Either ref_audio or ref_prompt must be provided",
                "too short|generate|prompt|94||400|Audio length must be 95 or between 96-285 seconds",
                "too long|generate|prompt|286||400|Audio length must be 95 or between 96-285 seconds",
                "not a number|generate|prompt|long||422|Input should be a valid integer",
                "no LRC line|generate|prompt,badlrc|95||400|no line of the file reads as [mm:ss.xx]lyric: LRC line 1 has no",
                "no lyrics|generate|prompt,nolyrics|95||422|Field required",
                "nine variations|generate|prompt,batch9|95||422|less than or equal to 8",
                "odd chunked|generate|prompt,chunky|95||422|valid boolean",
                "text as audio|generate|textaudio|95||400|not a recognisable audio file",
                "no segments|edit|prompt,song|95||422|Field required",
                "segments backwards|edit|prompt,song|95|[[20,10]]|400|segment 1 ends (10.00 s) before it starts (20.00 s)",
                "segments past the end|edit|prompt,song|95|[[5,200]]|400|after the song's end",
                "segments overlapping|edit|prompt,song|95|[[5,20],[10,30]]|400|segment 2 overlaps segment 1",
                "segments unreadable|edit|prompt,song|95|[5,20]|400|not a [start, end] pair",
                "no song|edit|prompt|95|[[5,20]]|422|Field required"
            })
    void badRequestsAreRefusedWithFastApisDetailAndQueueNothing(
            String name, String route, String parts, String length, String segments, int status, String message)
            throws Exception {
        Set<String> has = parts == null ? Set.of() : Set.of(parts.split(","));
        Multipart form = new Multipart();
        if (!has.contains("nolyrics")) {
            form.file(
                    "lyrics",
                    "l.lrc",
                    (has.contains("badlrc") ? "not timed\n(Chorus) nor this\n" : LRC).getBytes(StandardCharsets.UTF_8));
        }
        if (has.contains("prompt")) {
            form.field("ref_prompt", "pop");
        }
        if (has.contains("audio")) {
            form.file("ref_audio", "r.wav", CODECS.encode(tone(11), 44_100, 1, Codec.WAV));
        }
        if (has.contains("textaudio")) {
            form.file("ref_audio", "r.wav", "just words".getBytes(StandardCharsets.UTF_8));
        }
        if (has.contains("batch9")) {
            form.field("batch_infer_num", "9");
        }
        if (has.contains("chunky")) {
            form.field("chunked", "maybe");
        }
        if (has.contains("song")) {
            form.file("ref_song", "s.wav", CODECS.encode(tone(60), 44_100, 1, Codec.WAV));
        }
        if (segments != null) {
            form.field("edit_segments", segments);
        }
        form.field("audio_length", length);
        long tasksBefore = taskFolders();

        HttpResponse<byte[]> response = server.postMultipart("/api/" + route, form);

        assertThat(response.statusCode())
                .as(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(status);
        assertThat(response.body().length).isGreaterThan(0);
        assertThat(json(response).get("detail").toString()).contains(message);
        assertThat(taskFolders()).as("nothing was written").isEqualTo(tasksBefore);
    }

    @Test
    void lrcLinesDiffRhythmsReaderSkipsAreSkippedAndReportedByNumber() throws Exception {
        String lrc = """
                My Song (a title line)
                [00:05.00]Morning rain upon the window
                [00:03.00]too early
                [00:20.00]Coffee cooling in my hand
                """;
        HttpResponse<byte[]> queued = server.postMultipart(
                "/api/generate",
                new Multipart()
                        .file("lyrics", "l.lrc", lrc.getBytes(StandardCharsets.UTF_8))
                        .field("ref_prompt", "folk"));

        assertThat(queued.statusCode())
                .as(new String(queued.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        String message = json(queued).get("message").asText();
        assertThat(message)
                .startsWith("Music generation task queued successfully; skipped lines the LRC reader cannot read: ")
                .contains("LRC line 1 has no [mm:ss.xx] time tag: \"My Song (a title line)\"")
                .contains("LRC line 3 starts at [00:03.00], before the line above it");
        String id = json(queued).get("task_id").asText();
        waitFor(id);
        JsonNode status = json(download("/api/status/" + id));
        assertThat(status.get("skipped_lines").size()).isEqualTo(2);
        assertThat(status.get("skipped_lines").get(0).asText()).startsWith("LRC line 1 ");
        assertThat(status.get("message").asText()).startsWith("Skipped lines the LRC reader cannot read: LRC line 1");
        assertThat(json(download("/api/status/" + song)).get("skipped_lines").size())
                .as("a file read whole skips none")
                .isZero();
    }

    @Test
    void formNumbersAndBoolsAreReadAsPydanticReadsThem() throws Exception {
        HttpResponse<byte[]> response = server.postMultipart(
                "/api/generate",
                new Multipart()
                        .file("lyrics", "l.lrc", new byte[0])
                        .field("ref_prompt", "ambient")
                        .field("audio_length", " 96.00 ")
                        .field("chunked", "Off")
                        .field("batch_infer_num", "01"));

        assertThat(response.statusCode())
                .as(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        String id = json(response).get("task_id").asText();
        HttpResponse<byte[]> deleted = server.client.send(
                HttpRequest.newBuilder(server.uri("/api/tasks/" + id)).DELETE().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(deleted.statusCode()).isEqualTo(200);
    }

    static long taskFolders() throws Exception {
        Path tasks = data.resolve("blobs/tasks");
        if (!Files.isDirectory(tasks)) {
            return 0;
        }
        try (var list = Files.list(tasks)) {
            return list.count();
        }
    }

    @Test
    void unknownTasksAre404ExceptToDeleteAndUnfinishedOnesCannotBeDownloaded() throws Exception {
        HttpResponse<byte[]> unknown = download("/api/status/00000000-0000-0000-0000-000000000000");
        HttpResponse<byte[]> garbage = download("/api/status/not-a-task");
        HttpResponse<byte[]> gone = server.client.send(
                HttpRequest.newBuilder(server.uri("/api/tasks/00000000-0000-0000-0000-000000000000"))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String queued = json(server.postMultipart(
                        "/api/generate",
                        new Multipart()
                                .file("lyrics", "l.lrc", LRC.getBytes(StandardCharsets.UTF_8))
                                .field("ref_prompt", "jazz")
                                .field("audio_length", "120")))
                .get("task_id")
                .asText();
        HttpResponse<byte[]> early = download("/api/download/" + queued);
        HttpResponse<byte[]> earlyMidi = download("/api/download/" + queued + "?format=mid");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("detail").asText()).isEqualTo("Task not found");
        assertThat(garbage.statusCode()).isEqualTo(404);
        assertThat(gone.statusCode())
                .as("upstream deletes what is there and answers 200")
                .isEqualTo(200);
        assertThat(json(gone).get("message").asText())
                .isEqualTo("Task 00000000-0000-0000-0000-000000000000 deleted successfully");
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(json(early).get("detail").asText())
                .matches("Task is not completed yet. Current status: (queued|processing)");
        assertThat(earlyMidi.statusCode()).isEqualTo(400);
        assertThat(json(earlyMidi).get("detail").asText()).startsWith("Task is not completed yet.");
        deleteWhileRunning(queued);
    }

    /** A running task is cancelled, its row and folder go, its status is 404 from then on, and deleting it again is 200. */
    static void deleteWhileRunning(String id) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (json(download("/api/status/" + id)).get("status").asText().equals("processing")) {
                break;
            }
            Thread.sleep(100);
        }
        HttpResponse<byte[]> deleted = server.client.send(
                HttpRequest.newBuilder(server.uri("/api/tasks/" + id)).DELETE().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json(deleted).get("message").asText()).isEqualTo("Task " + id + " deleted successfully");
        assertThat(download("/api/status/" + id).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> again = server.client.send(
                HttpRequest.newBuilder(server.uri("/api/tasks/" + id)).DELETE().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode())
                .as("a second DELETE, as client_example.py's raise_for_status() needs")
                .isEqualTo(200);
        assertThat(json(again).get("message").asText()).isEqualTo("Task " + id + " deleted successfully");
        Thread.sleep(1500); // the worker notices at its next progress report and writes nothing more
        assertThat(data.resolve("blobs/tasks/" + id)).doesNotExist();
    }

    @Test
    void aSongTooLongToEditIsRefusedBeforeAnythingIsQueued() throws Exception {
        float[] long8k = new float[595 * 8000];
        for (int i = 0; i < long8k.length; i++) {
            long8k[i] = (float) (0.2 * Math.sin(2 * Math.PI * 220 * i / 8000.0));
        }
        long before = taskFolders();

        HttpResponse<byte[]> response = server.postMultipart(
                "/api/edit",
                new Multipart()
                        .file("lyrics", "l.lrc", LRC.getBytes(StandardCharsets.UTF_8))
                        .file("ref_song", "long.wav", CODECS.encode(long8k, 8000, 1, Codec.WAV))
                        .field("ref_prompt", "pop")
                        .field("edit_segments", "[[10,20]]"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("detail").asText()).contains("longer than 590 s");
        assertThat(taskFolders()).isEqualTo(before);
    }

    @Test
    void aSmallFlacHoldingAnHourIsRefusedWithoutBeingDecodedIntoMemory() throws Exception {
        byte[] hour = dev.cantata.audio.Signals.anHourOfSilenceFlac();
        long heldBefore = server.server.codecs().budget().heldBytes();

        HttpResponse<byte[]> response = server.postMultipart(
                "/api/edit",
                new Multipart()
                        .file("lyrics", "l.lrc", LRC.getBytes(StandardCharsets.UTF_8))
                        .file("ref_song", "hour.flac", hour)
                        .field("ref_prompt", "pop")
                        .field("edit_segments", "[[10,20]]"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("detail").asText()).contains("longer than 590 s");
        // Measuring it used to decode 591 s of 44.1 kHz stereo (208 MB, three copies at once) per request.
        assertThat(server.server.codecs().budget().heldBytes() - heldBefore)
                .as("PCM bytes held")
                .isZero();
    }

    @Test
    void theRootNamesTheServer() throws Exception {
        JsonNode root = json(download("/"));

        assertThat(root.get("name").asText()).isEqualTo("Cantata");
        assertThat(root.get("health").asText()).isEqualTo("/api/health");
    }
}
