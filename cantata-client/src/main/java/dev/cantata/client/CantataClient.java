package dev.cantata.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A client for one Cantata server. Immutable and safe to share between threads; build it with {@link #builder()}.
 *
 * <pre>{@code
 * CantataClient cantata = CantataClient.builder().baseUrl("http://localhost:8000").build();
 * List<Clip> clips = cantata.customGenerateAudio(SongRequest.lyrics(lyrics, "pop metal male", "Silent Battlefield"));
 * }</pre>
 *
 * The Suno-dialect methods carry the names of the seed's Python functions. Every failure, whether the server's answer
 * or the network's, is a {@link CantataException} with the server's own error message.
 */
public final class CantataClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final @Nullable String apiKey;
    private final Duration timeout;
    private final HttpClient http;

    private CantataClient(Builder b) {
        String url = Objects.requireNonNull(b.baseUrl, "baseUrl");
        this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.apiKey = b.apiKey;
        this.timeout = b.timeout;
        this.http = b.http != null
                ? b.http
                : HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(10))
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CantataClient}. */
    public static final class Builder {
        private @Nullable String baseUrl = "http://localhost:8000";
        private @Nullable String apiKey;
        private Duration timeout = Duration.ofMinutes(3);
        private @Nullable HttpClient http;

        private Builder() {}

        /** Where the server is, e.g. {@code http://localhost:8000}. */
        public Builder baseUrl(String url) {
            this.baseUrl = url;
            return this;
        }

        /** Sent as {@code Authorization: Bearer KEY}; also names the account credits are counted against. */
        public Builder apiKey(@Nullable String key) {
            this.apiKey = key;
            return this;
        }

        /** How long one call may take (a {@code wait_audio} generation waits up to 100 s on the server). */
        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /** The {@link HttpClient} to use (proxy, TLS, executor); one is made otherwise. */
        public Builder httpClient(HttpClient client) {
            this.http = client;
            return this;
        }

        public CantataClient build() {
            return new CantataClient(this);
        }
    }

    // ---------------------------------------------------------------- Suno dialect

    /** {@code POST /api/custom_generate}: two clips from lyrics, tags and a title. */
    public List<Clip> customGenerateAudio(SongRequest request) {
        ObjectNode body = common(request);
        body.put("tags", request.tags());
        body.put("title", request.title());
        body.put("negative_tags", request.negativeTags());
        return clips(post("/api/custom_generate", body));
    }

    /** {@code POST /api/generate}: two clips from a description; Cantata writes lyrics, style and title. */
    public List<Clip> generateAudioByPrompt(SongRequest request) {
        return clips(post("/api/generate", common(request)));
    }

    /** {@code POST /api/extend_audio}: two continuations of {@link SongRequest#audioId()}. */
    public List<Clip> extendAudio(SongRequest request) {
        if (request.audioId() == null) {
            throw new IllegalArgumentException("extendAudio needs SongRequest.extend(audioId, …)");
        }
        ObjectNode body = common(request);
        body.put("audio_id", request.audioId());
        if (request.continueAt() != null) {
            body.put("continue_at", request.continueAt());
        }
        body.put("tags", request.tags());
        body.put("title", request.title());
        return clips(post("/api/extend_audio", body));
    }

    /** {@code GET /api/get?ids=…}: the clips named (comma-separated, as the seed passes them). */
    public List<Clip> getAudioInformation(String audioIds) {
        return read(
                get("/api/get?ids=" + URLEncoder.encode(audioIds, StandardCharsets.UTF_8)), new TypeReference<>() {});
    }

    /**
     * {@code GET /api/midi/{id}.mid}: a finished clip's song as a Standard MIDI File (type 1: tempo, key, the melody
     * with its lyrics, a named track per instrument part), for a DAW. Cantata's; Suno has no such route.
     */
    public byte[] clipMidi(String clipId) {
        return get("/api/midi/" + URLEncoder.encode(clipId.strip(), StandardCharsets.UTF_8) + ".mid")
                .body();
    }

    /** {@code GET /api/get_limit}. */
    public Quota getQuotaInformation() {
        return read(get("/api/get_limit"), new TypeReference<>() {});
    }

    /** {@code POST /api/generate_lyrics}: lyrics and a title from a description. */
    public WrittenLyrics generateLyrics(String description) {
        ObjectNode body = JSON.createObjectNode().put("prompt", description);
        return read(post("/api/generate_lyrics", body), new TypeReference<>() {});
    }

    /**
     * Polls {@link #getAudioInformation} every {@code every} until every clip is playable (streaming or complete), as the
     * seed's loop does, at most {@code tries} times.
     */
    public List<Clip> awaitPlayable(List<Clip> clips, Duration every, int tries) {
        String ids = String.join(",", clips.stream().map(Clip::id).toList());
        List<Clip> now = clips;
        for (int i = 0; i < tries; i++) {
            now = getAudioInformation(ids);
            if (now.stream().allMatch(Clip::playable)) {
                return now;
            }
            if (now.stream().anyMatch(c -> c.status().equals("error"))) {
                throw new CantataException(500, "a clip failed: " + now);
            }
            sleep(every);
        }
        throw new CantataException(0, "clips not playable after " + tries + " polls: " + now);
    }

    /** Downloads {@code url} (a clip's {@code audio_url}) to {@code directory/filename}; returns the file. */
    public Path downloadAudio(String url, Path directory, String filename) {
        byte[] bytes = send(HttpRequest.newBuilder(URI.create(url)).GET()).body();
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(filename);
            Path partial = Files.createTempFile(directory, ".download-", ".part");
            Files.write(partial, bytes);
            return Files.move(
                    partial,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CantataException("cannot write " + directory.resolve(filename) + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode common(SongRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("prompt", request.prompt());
        body.put("make_instrumental", request.makeInstrumental());
        body.put("model", request.model());
        body.put("wait_audio", request.waitAudio());
        return body;
    }

    private static List<Clip> clips(HttpResponse<byte[]> response) {
        return read(response, new TypeReference<>() {});
    }

    // ---------------------------------------------------------------- DiffRhythm dialect

    /** {@code POST /api/generate} (multipart): queues a song; returns its task id. */
    public String generateSong(SongUpload upload) {
        return taskId(post("/api/generate", multipart(upload, false)));
    }

    /** {@code POST /api/edit}: queues an edit of {@link SongUpload#refSong()}; returns its task id. */
    public String editSong(SongUpload upload) {
        if (upload.refSong() == null || upload.editSegments() == null) {
            throw new IllegalArgumentException("editSong needs SongUpload.editing(song, segments)");
        }
        return taskId(post("/api/edit", multipart(upload, true)));
    }

    /** {@code GET /api/status/{id}}. */
    public SongTask songStatus(String taskId) {
        return read(get("/api/status/" + taskId), new TypeReference<>() {});
    }

    /** Polls {@link #songStatus} until the task finishes or {@code limit} passes; a failed task is an exception. */
    public SongTask awaitSong(String taskId, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        SongTask task = songStatus(taskId);
        while (!task.finished()) {
            if (System.nanoTime() > deadline) {
                throw new CantataException(0, "task " + taskId + " still " + task.status() + " after " + limit);
            }
            sleep(Duration.ofMillis(500));
            task = songStatus(taskId);
        }
        if (task.status().equals("failed")) {
            throw new CantataException(500, String.valueOf(task.error()));
        }
        return task;
    }

    /** {@code GET /api/download/{id}?index=k}: the song as 44.1 kHz 16-bit stereo WAV. */
    public byte[] downloadSong(String taskId, int index) {
        return get("/api/download/" + taskId + (index == 0 ? "" : "?index=" + index))
                .body();
    }

    /**
     * {@code GET /api/download/{id}?format=mid&index=k}: a finished song as a Standard MIDI File (see {@link
     * #clipMidi}).
     */
    public byte[] downloadSongMidi(String taskId, int index) {
        return get("/api/download/" + URLEncoder.encode(taskId.strip(), StandardCharsets.UTF_8) + "?format=mid"
                        + (index == 0 ? "" : "&index=" + index))
                .body();
    }

    /** {@code DELETE /api/tasks/{id}}: cancels the task if it runs and deletes it with its files. */
    public void deleteSong(String taskId) {
        send(HttpRequest.newBuilder(uri("/api/tasks/" + taskId)).DELETE());
    }

    private static String taskId(HttpResponse<byte[]> response) {
        return read(response, new TypeReference<JsonNode>() {}).get("task_id").asText();
    }

    private static Multipart multipart(SongUpload upload, boolean edit) {
        Multipart form =
                new Multipart().file("lyrics", "lyrics.lrc", upload.lrc().getBytes(StandardCharsets.UTF_8));
        if (upload.refPrompt() != null) {
            form.field("ref_prompt", upload.refPrompt());
        }
        if (upload.refAudio() != null) {
            form.file("ref_audio", "reference", upload.refAudio());
        }
        form.field("audio_length", String.valueOf(upload.audioLength()));
        form.field("batch_infer_num", String.valueOf(upload.batchInferNum()));
        if (edit) {
            form.file("ref_song", "song.wav", Objects.requireNonNull(upload.refSong()));
            StringBuilder segments = new StringBuilder("[");
            for (double[] s : Objects.requireNonNull(upload.editSegments())) {
                segments.append(segments.length() > 1 ? "," : "")
                        .append(String.format(Locale.ROOT, "[%s,%s]", plain(s[0]), plain(s[1])));
            }
            form.field("edit_segments", segments.append(']').toString());
        }
        return form;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    // ---------------------------------------------------------------- speech

    /**
     * {@code POST /v1/audio/speech}: {@code text} spoken by {@code voice} (a built-in name, an OpenAI name, or an added
     * speaker) in {@code format} ({@code mp3, opus, aac, flac, wav, pcm}) at {@code speed} (0.25–4).
     */
    public byte[] speech(String text, String voice, String format, double speed) {
        ObjectNode body = JSON.createObjectNode()
                .put("model", "tts-1")
                .put("input", text)
                .put("voice", voice)
                .put("response_format", format)
                .put("speed", speed);
        return post("/v1/audio/speech", body).body();
    }

    // ---------------------------------------------------------------- HTTP

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<byte[]> post(String path, JsonNode body) {
        try {
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
        } catch (IOException e) {
            throw new CantataException("cannot write the request: " + e.getMessage(), e);
        }
    }

    private HttpResponse<byte[]> post(String path, Multipart form) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        request.timeout(timeout);
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new CantataException("cannot reach " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CantataException("interrupted while waiting for " + base, e);
        }
        if (response.statusCode() >= 400) {
            throw new CantataException(response.statusCode(), message(response.body(), response.statusCode()));
        }
        return response;
    }

    /** The error message of any of Cantata's error shapes: {@code error}, {@code detail} or OpenAI's. */
    static String message(byte[] body, int status) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.has("error")) {
                JsonNode error = node.get("error");
                return error.isTextual()
                        ? error.asText()
                        : error.path("message").asText(error.toString());
            }
            if (node != null && node.has("detail")) {
                JsonNode detail = node.get("detail");
                return detail.isTextual()
                        ? detail.asText()
                        : detail.isArray() && !detail.isEmpty()
                                ? detail.get(0).path("loc").toString() + ": "
                                        + detail.get(0).path("msg").asText()
                                : detail.toString();
            }
        } catch (IOException e) {
            // not JSON: the text itself says it
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "HTTP " + status : text;
    }

    private static <T> T read(HttpResponse<byte[]> response, TypeReference<T> type) {
        try {
            return JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw new CantataException(response.statusCode(), "unexpected answer: " + e.getMessage());
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CantataException("interrupted while polling", e);
        }
    }
}
