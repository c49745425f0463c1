package dev.cantata.http.diffrhythm;

import dev.cantata.audio.AudioFormatException;
import dev.cantata.audio.Codecs;
import dev.cantata.http.ApiException;
import dev.cantata.http.BlobReply;
import dev.cantata.http.BodyKind;
import dev.cantata.http.Clients;
import dev.cantata.http.Fields;
import dev.cantata.http.Routes;
import dev.cantata.jobs.Task;
import dev.cantata.jobs.TaskStatus;
import dev.cantata.music.Lyrics;
import dev.cantata.music.ReferenceStyle;
import dev.cantata.music.Segments;
import dev.cantata.songs.EditSong;
import dev.cantata.songs.NewSong;
import dev.cantata.songs.SongFiles;
import dev.cantata.songs.SongJob;
import dev.cantata.songs.SongJobs;
import dev.cantata.songs.SongOutputs;
import dev.cantata.songs.SongTasks;
import dev.cantata.songs.Songs;
import dev.cantata.songs.StyleSource;
import dev.cantata.speech.Coverage;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The DiffRhythm wrapper's API: {@code POST /api/generate} and {@code /api/edit} take multipart uploads and queue a
 * durable song task; {@code /api/status}, {@code /api/download} and {@code DELETE /api/tasks} follow it. Everything a
 * task will need is checked before it is queued (the LRC, the reference's format, decodability and length, the
 * segments against the song), so a queued task fails only for reasons nobody could see coming. LRC lines upstream's
 * reader skips are skipped too and reported by number (in the task's message and {@code skipped_lines}); a file none
 * of whose lines can be read is refused. Errors are FastAPI's {@code {"detail": …}}.
 */
public final class DiffRhythmRoutes implements Routes {
    /** Upstream's two models: exactly 95 s, or 96–285 s. */
    public static final int MIN_LENGTH = 95;

    public static final int MAX_LENGTH = 285;
    // The longest value of each text field, checked before any work: the LRC file (or text) in bytes, the others in
    // characters (422 string_too_long).
    static final long MAX_LYRICS_BYTES = 256 * 1024;
    static final int MAX_PROMPT = 2_000;
    static final int MAX_SEGMENTS = 1_000;
    /** The reference is only checked here (length, not silent): 8 kHz mono is enough, at a third of 22 kHz's memory. */
    private static final int CHECK_RATE = 8_000;

    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final Songs songs;
    private final String version;
    private final Clients clients;

    public DiffRhythmRoutes(Songs songs, String version, Clients clients) {
        this.songs = songs;
        this.version = version;
        this.clients = clients;
    }

    @Override
    public void addTo(JavalinConfig config) {
        config.router.mount(router -> {
            router.post("/api/edit", this::edit);
            router.get("/api/status/{task_id}", this::status);
            router.get("/api/download/{task_id}", this::download);
            router.head("/api/download/{task_id}", this::download); // Javalin's own HEAD answer has no file headers
            router.delete("/api/tasks/{task_id}", this::delete);
        });
    }

    /**
     * The DiffRhythm wrapper's root, {@code GET /}: name, version and where the docs and health check are. The route
     * is shared with the studio, which answers browsers (see {@code StudioRoutes}).
     */
    public Handler index() {
        return this::index;
    }

    private void index(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Cantata");
        body.put("version", version);
        body.put("docs", "/docs");
        body.put("health", "/api/health");
        ctx.json(body);
    }

    /** {@code POST /api/generate} with a multipart body; the route is shared (see {@code GenerateRoute}). */
    public Handler generate() {
        return this::generate;
    }

    private void generate(Context ctx) throws Exception {
        songs.admit(clients.client(ctx), 1); // before any upload is decoded
        Request request = read(ctx, false);
        queue(ctx, request, null, null, "Music generation task queued successfully");
    }

    @OpenApi(
            path = "/api/edit",
            methods = HttpMethod.POST,
            summary = "Queue an edit: regenerate segments of a song (DiffRhythm)",
            description =
                    "multipart/form-data: lyrics (.lrc, required: its lines inside the segments are sung), ref_song"
                            + " (the song, required), ref_audio xor ref_prompt, edit_segments ([[start,end],…] seconds, -1 = the song's"
                            + " start or end), audio_length (checked as for generate; the result keeps ref_song's length), chunked,"
                            + " batch_infer_num. Everything outside the segments is kept sample for sample; seams sit on beats.",
            tags = {"DiffRhythm"},
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "400"),
                @OpenApiResponse(status = "422")
            })
    void edit(Context ctx) throws Exception {
        songs.admit(clients.client(ctx), 1);
        Request request = read(ctx, true);
        byte[] song = request.refSong();
        String segments = request.segments();
        if (song == null || segments == null) {
            throw new IllegalStateException("checked by read"); // read() has thrown a 422 already
        }
        double seconds = decodedSeconds(song);
        if (seconds < 5) {
            throw ApiException.badRequest(
                    String.format(Locale.ROOT, "ref_song is %.1f s long; a song to edit must be at least 5 s", seconds),
                    "ref_song");
        }
        if (seconds > SongFiles.MAX_EDIT_SECONDS) {
            throw ApiException.badRequest(
                    "ref_song is longer than " + (int) SongFiles.MAX_EDIT_SECONDS
                            + " s, the longest song Cantata edits",
                    "ref_song");
        }
        try {
            Segments.parse(segments, seconds);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), "edit_segments");
        }
        queue(ctx, request, song, segments, "Music editing task queued successfully");
    }

    /** The song's length, measured without holding it (the worker decodes it, one song per worker at a time). */
    private double decodedSeconds(byte[] song) throws IOException {
        try {
            return songs.codecs().seconds(song, SongFiles.MAX_EDIT_SECONDS);
        } catch (AudioFormatException e) {
            throw ApiException.badRequest("ref_song: " + e.getMessage(), "ref_song");
        }
    }

    /** The fields both routes share, checked. */
    private record Request(
            String lyrics,
            List<String> skippedLines,
            List<Lyrics.Unsung> unsung,
            byte @Nullable [] refAudio,
            @Nullable String prompt,
            int length,
            int variations,
            byte @Nullable [] refSong,
            @Nullable String segments) {}

    private Request read(Context ctx, boolean edit) throws IOException {
        if (!BodyKind.of(ctx).isForm()) {
            throw ApiException.invalid(List.of(new ApiException.FieldProblem(
                    "missing",
                    "lyrics",
                    "Field required (send multipart/form-data with the lyrics as a .lrc file)",
                    null)));
        }
        Fields fields = Fields.of(ctx);
        long maxUpload = Codecs.MAX_UPLOAD_BYTES;
        byte[] lyricsBytes = fields.fileOrText("lyrics", MAX_LYRICS_BYTES, true);
        byte[] refAudio = fields.file("ref_audio", maxUpload);
        String prompt = fields.text("ref_prompt", false, MAX_PROMPT);
        int length = fields.integer("audio_length", MIN_LENGTH, Integer.MIN_VALUE, Integer.MAX_VALUE);
        fields.bool("chunked", true);
        int variations = fields.integer("batch_infer_num", 1, 1, SongJob.MAX_VARIATIONS);
        byte[] refSong = edit ? fields.fileOrText("ref_song", maxUpload, true) : null;
        String segments = edit ? fields.text("edit_segments", true, MAX_SEGMENTS) : null;
        fields.check();
        if (prompt != null && prompt.isBlank()) {
            prompt = null;
        }
        if (refAudio != null && prompt != null) {
            throw ApiException.badRequest("Only one of ref_audio or ref_prompt should be provided");
        }
        if (refAudio == null && prompt == null) {
            throw ApiException.badRequest("Either ref_audio or ref_prompt must be provided");
        }
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw ApiException.badRequest("Audio length must be 95 or between 96-285 seconds", "audio_length");
        }
        String lyrics = utf8(lyricsBytes == null ? new byte[0] : lyricsBytes);
        String bad = dev.cantata.http.Text.badCharacter(lyrics);
        if (bad != null) {
            throw ApiException.badRequest("lyrics: the file holds " + bad + ", which is not text", "lyrics");
        }
        Lyrics.Lrc lrc;
        try {
            lrc = Lyrics.readLrc(lyrics);
        } catch (Lyrics.LyricsException e) {
            throw ApiException.badRequest("lyrics: " + e.getMessage(), "lyrics");
        }
        List<String> skipped = reported(lrc.skipped());
        if (!skipped.isEmpty()) {
            if (lrc.lyrics().lines().isEmpty()) {
                // upstream would sing nothing of such a file; a file meant to be instrumental is empty
                throw ApiException.badRequest(
                        "lyrics: no line of the file reads as [mm:ss.xx]lyric: " + String.join("; ", skipped),
                        "lyrics");
            }
            lyrics = lrc.kept(); // what the worker sings: the lines read, as upstream sings them
        }
        if (refAudio != null) {
            try {
                ReferenceStyle.check(songs.codecs().decode(refAudio, CHECK_RATE, ReferenceStyle.MAX_SECONDS));
            } catch (AudioFormatException e) {
                throw ApiException.badRequest("ref_audio: " + e.getMessage(), "ref_audio");
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("ref_audio: " + e.getMessage(), "ref_audio");
            }
        }
        return new Request(
                lyrics, skipped, lrc.lyrics().unsung(), refAudio, prompt, length, variations, refSong, segments);
    }

    /** What a task's message adds about the LRC lines skipped: nothing when none were. */
    static String skippedNote(List<String> skipped) {
        return skipped.isEmpty() ? "" : "; s" + skippedSentence(skipped).substring(1);
    }

    /** {@code Skipped a line the LRC reader cannot read: LRC line 2 has no [mm:ss.xx] time tag: "…"}. */
    static String skippedSentence(List<String> skipped) {
        return "Skipped " + (skipped.size() == 1 ? "a line" : "lines") + " the LRC reader cannot read: "
                + String.join("; ", skipped);
    }

    /** The most skipped lines named one by one; the rest are counted. */
    static final int MAX_REPORTED = 10;

    /** What is said of the lines skipped: each of the first {@link #MAX_REPORTED}, then how many more. */
    private static List<String> reported(List<Lyrics.SkippedLine> skipped) {
        List<String> report = new ArrayList<>();
        for (Lyrics.SkippedLine line : skipped.subList(0, Math.min(skipped.size(), MAX_REPORTED))) {
            report.add(line.toString());
        }
        if (skipped.size() > MAX_REPORTED) {
            report.add("and " + (skipped.size() - MAX_REPORTED) + " more lines without a time tag or out of order");
        }
        return report;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString()
                    .replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("lyrics: the file is not UTF-8 text", "lyrics");
        }
    }

    private void queue(Context ctx, Request request, byte @Nullable [] song, @Nullable String segments, String message)
            throws IOException {
        Map<String, byte[]> uploads = new LinkedHashMap<>();
        if (request.refAudio() != null) {
            uploads.put("ref_audio", request.refAudio());
        }
        if (song != null) {
            uploads.put("ref_song", song);
        }
        long seed = songs.seeds().next();
        UUID id = songs.submit(clients.client(ctx), uploads, keys -> {
                    StyleSource style =
                            new StyleSource(request.prompt() == null ? "" : request.prompt(), keys.get("ref_audio"));
                    return song != null && segments != null
                            ? new EditSong(
                                    request.lyrics(),
                                    style,
                                    java.util.Objects.requireNonNull(keys.get("ref_song")),
                                    segments,
                                    request.variations(),
                                    seed,
                                    SongOutputs.MASTER,
                                    request.skippedLines())
                            : new NewSong(
                                    request.lyrics(),
                                    style,
                                    (double) request.length(),
                                    request.variations(),
                                    seed,
                                    null,
                                    SongOutputs.MASTER,
                                    request.skippedLines());
                })
                .id();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task_id", id.toString());
        body.put("status", "queued");
        body.put("message", message + skippedNote(request.skippedLines()) + unsungNote(request.unsung()));
        ctx.json(body);
    }

    /**
     * What the queued reply adds about lyrics the voices cannot sing, e.g. {@code "; not sung (in 2 lines): 8
     * characters in Han script (Chinese, Japanese)"}: the song is made from the rest, and its metadata's
     * {@code unsung_lines} lists them.
     */
    private static String unsungNote(List<Lyrics.Unsung> unsung) {
        if (unsung.isEmpty()) {
            return "";
        }
        String skipped =
                String.join(" ", unsung.stream().map(Lyrics.Unsung::skipped).toList());
        return "; not sung (in " + unsung.size() + (unsung.size() == 1 ? " line): " : " lines): ")
                + Coverage.of(skipped).unspokenSummary();
    }

    @OpenApi(
            path = "/api/status/{task_id}",
            methods = HttpMethod.GET,
            summary = "A task's status (DiffRhythm)",
            description =
                    "status (queued, processing, completed, failed), progress 0–100 through the real stages, message"
                            + " (the stage now; once completed, the LRC lines skipped, if any), output_path (the WAV, relative to"
                            + " the server's data folder: absolute paths are not given out), created_at and completed_at (UTC,"
                            + " naive ISO like upstream), error, skipped_lines (LRC lines the reader skipped, with their"
                            + " numbers).",
            tags = {"DiffRhythm"},
            pathParams = {@OpenApiParam(name = "task_id", required = true)},
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "404")
            })
    void status(Context ctx) throws IOException {
        Task task = task(ctx);
        dev.cantata.songs.SongJob job = SongJobs.read(task.input());
        List<String> skipped = job.skippedLines();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task_id", task.id().toString());
        body.put("status", status(task.status()));
        body.put("progress", task.progress());
        body.put("message", task.status() != TaskStatus.COMPLETED ? task.stage() : completedMessage(job, skipped));
        body.put(
                "output_path",
                task.status() == TaskStatus.COMPLETED ? "blobs/" + SongFiles.master(task.id(), 0) : null);
        body.put("created_at", naive(task.createdAt()));
        body.put("completed_at", task.finishedAt() == null ? null : naive(task.finishedAt()));
        body.put(
                "error",
                switch (task.status()) {
                    case FAILED -> "Error in generation task: " + task.error();
                    case CANCELLED -> "Error in generation task: cancelled";
                    default -> null;
                });
        body.put("skipped_lines", skipped);
        ctx.json(body);
    }

    /** What a finished task's message says: what was sung in which language, and the LRC lines skipped. */
    private @Nullable String completedMessage(dev.cantata.songs.SongJob job, List<String> skipped) {
        String sung;
        try {
            Lyrics lyrics = Lyrics.readLrc(job.lyrics()).lyrics();
            sung = lyrics.sungLanguages(songs.studio().latinLanguage(lyrics));
        } catch (Lyrics.LyricsException e) {
            sung = ""; // lyrics that were read when the task was queued; a reader grown stricter since says nothing
        }
        String skippedPart = skipped.isEmpty() ? "" : skippedSentence(skipped);
        String message = (skippedPart + " " + sung).strip();
        return message.isEmpty() ? null : message;
    }

    @OpenApi(
            path = "/api/download/{task_id}",
            methods = {HttpMethod.GET, HttpMethod.HEAD},
            summary = "Download a finished song (DiffRhythm)",
            description = "44.1 kHz 16-bit stereo WAV as an attachment named <task_id>.wav (?format=mid: the song as a"
                    + " Standard MIDI File, <task_id>.mid); ?index=k for variation k of"
                    + " batch_infer_num. 400 with the status while the task is not completed. HEAD, and byte ranges"
                    + " (Range: bytes=a-b, a-, -n; 206, or 416 past the end) for players and download managers.",
            tags = {"DiffRhythm"},
            pathParams = {@OpenApiParam(name = "task_id", required = true)},
            queryParams = {
                @OpenApiParam(name = "index", type = Integer.class),
                @OpenApiParam(
                        name = "format",
                        description = "wav (the default: the song) or mid (Cantata's: its Standard MIDI File, type 1,"
                                + " a track per part, the melody with its lyrics)")
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(type = "audio/wav")),
                @OpenApiResponse(status = "200", content = @OpenApiContent(type = "audio/midi")),
                @OpenApiResponse(status = "400"),
                @OpenApiResponse(status = "404")
            })
    void download(Context ctx) throws IOException {
        Task task = task(ctx);
        String format = ctx.queryParam("format");
        boolean midi = format != null && format.strip().equals("mid");
        if (format != null && !midi && !format.strip().equals("wav")) {
            throw ApiException.invalid(List.of(new ApiException.FieldProblem(
                    "literal_error", "format", "Input should be 'wav' or 'mid'", format)));
        }
        if (task.status() != TaskStatus.COMPLETED) {
            throw ApiException.badRequest("Task is not completed yet. Current status: " + status(task.status()));
        }
        String raw = ctx.queryParam("index");
        int index;
        try {
            index = raw == null ? 0 : Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(List.of(new ApiException.FieldProblem(
                    "int_parsing",
                    "index",
                    "Input should be a valid integer, unable to parse string as an integer",
                    raw)));
        }
        int made = task.result() == null
                ? 0
                : SongTasks.result(task.result()).songs().size();
        if (index < 0 || index >= made) {
            throw ApiException.badRequest(
                    "index " + index + " is out of range: this task made " + made
                            + (made == 1 ? " song (index 0)" : " songs (index 0–" + (made - 1) + ")"),
                    "index");
        }
        if (midi) {
            byte[] file = songs.files()
                    .midiFile(task.id(), index)
                    .orElseThrow(() -> ApiException.notFound("Output file not found"));
            String name = task.id() + (index == 0 ? "" : "-" + index) + ".mid";
            BlobReply.send(ctx, file, "audio/midi", "attachment; filename=\"" + name + "\"");
            return;
        }
        String name = task.id() + (index == 0 ? "" : "-" + index) + ".wav";
        BlobReply.send(
                ctx,
                songs.blobs(),
                SongFiles.master(task.id(), index),
                "audio/wav",
                "attachment; filename=\"" + name + "\"",
                "Output file not found");
    }

    @OpenApi(
            path = "/api/tasks/{task_id}",
            methods = HttpMethod.DELETE,
            summary = "Delete a task and its files (DiffRhythm)",
            description =
                    "A queued or running task is cancelled first. An unknown or already deleted id is answered the"
                            + " same 200, as upstream answers it (its example client calls raise_for_status()).",
            tags = {"DiffRhythm"},
            pathParams = {@OpenApiParam(name = "task_id", required = true)},
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json"))})
    void delete(Context ctx) throws IOException {
        String id = ctx.pathParam("task_id");
        java.util.Optional<Task> found = SongJob.find(songs.tasks(), id);
        if (found.isPresent()) {
            Task task = found.get();
            if (!task.status().finished()) {
                songs.tasks().cancel(task.id());
            }
            songs.blobs().delete(Task.blobFolder(task.id()));
            songs.tasks().delete(task.id());
        }
        // upstream removes the task's folder if there is one and always answers this, echoing the id as sent
        ctx.json(Map.of("message", "Task " + id + " deleted successfully"));
    }

    private Task task(Context ctx) {
        return SongJob.find(songs.tasks(), ctx.pathParam("task_id"))
                .orElseThrow(() -> ApiException.notFound("Task not found"));
    }

    /** DiffRhythm's status words: a cancelled task is one that failed. */
    static String status(TaskStatus status) {
        return switch (status) {
            case QUEUED -> "queued";
            case PROCESSING -> "processing";
            case COMPLETED -> "completed";
            case FAILED, CANCELLED -> "failed";
        };
    }

    private static String naive(Instant instant) {
        return NAIVE.format(instant.atOffset(ZoneOffset.UTC));
    }
}
