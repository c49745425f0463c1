package dev.cantata.http.suno;

import dev.cantata.blobs.BlobStore;
import dev.cantata.http.ApiException;
import dev.cantata.http.BlobReply;
import dev.cantata.http.Hangup;
import dev.cantata.jobs.TaskStatus;
import dev.cantata.music.Stem;
import dev.cantata.songs.SongFiles;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A clip's files: its MP3 (which, asked for early, answers once the song is made, to HEAD as to GET), its cover, its
 * stems and its Standard MIDI File, each with HEAD and byte ranges ({@link BlobReply}). They are only read here: every file a clip has was
 * written by the worker that made it.
 */
final class ClipFiles {
    private static final Duration AUDIO_WAIT = Duration.ofMinutes(10);

    private final Clips clips;
    private final BlobStore blobs;
    private final SongFiles files;
    private final Waiting waiting;

    ClipFiles(Clips clips, BlobStore blobs, SongFiles files, Waiting waiting) {
        this.clips = clips;
        this.blobs = blobs;
        this.files = files;
        this.waiting = waiting;
    }

    void addTo(JavalinConfig config) {
        config.router.mount(router -> {
            // Javalin answers a HEAD on a GET route itself, 200 with no headers of the file, unless it has its own
            router.get("/api/audio/{file}", this::audio);
            router.head("/api/audio/{file}", this::audio);
            router.get("/api/image/{file}", this::image);
            router.head("/api/image/{file}", this::image);
            router.get("/api/stems/{id}/{file}", this::stem);
            router.head("/api/stems/{id}/{file}", this::stem);
            router.get("/api/midi/{file}", this::midi);
            router.head("/api/midi/{file}", this::midi);
        });
    }

    @OpenApi(
            path = "/api/audio/{file}",
            methods = {HttpMethod.GET, HttpMethod.HEAD},
            tags = {"Suno"},
            summary = "A clip's MP3",
            pathParams = {@OpenApiParam(name = "file", required = true, description = "<clip id>.mp3")},
            description =
                    "<id>.mp3. Asked for while the clip is still being made, it answers once it is (up to 10 min)."
                            + " HEAD, and byte ranges (Range: bytes=a-b, a-, -n; 206, or 416 past the end).",
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "audio/mpeg"))})
    void audio(Context ctx) throws Exception {
        String id = strip(ctx.pathParam("file"), ".mp3");
        clips.get(id); // an unknown clip is a 404 now, not after the wait
        BooleanSupplier hungUp = Hangup.watch(ctx);
        ctx.future(() -> waiting.until(
                        () -> {
                            Clips.Clip c = clips.get(id);
                            return new Waiting.Look<>(c.task().status().finished(), c);
                        },
                        AUDIO_WAIT,
                        hungUp)
                .thenAccept(c -> sendAudio(ctx, c)));
    }

    private void sendAudio(Context ctx, Clips.Clip c) {
        if (c.task().status() != TaskStatus.COMPLETED) {
            throw ApiException.notFound("Audio not available: the clip "
                    + (c.status() == ClipStatus.ERROR
                            ? "failed: " + c.task().error()
                            : "is still " + c.status().wire()));
        }
        try {
            BlobReply.send(
                    ctx,
                    blobs,
                    SongFiles.mp3(c.id(), 0),
                    "audio/mpeg",
                    "inline; filename=\"" + c.id() + ".mp3\"",
                    "Audio not available: the clip's files are gone");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @OpenApi(
            path = "/api/image/{file}",
            methods = {HttpMethod.GET, HttpMethod.HEAD},
            tags = {"Suno"},
            summary = "A clip's cover (PNG)",
            pathParams = {@OpenApiParam(name = "file", required = true, description = "<clip id>.png")},
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "image/png"))})
    void image(Context ctx) throws Exception {
        Clips.Clip c = clips.get(strip(ctx.pathParam("file"), ".png"));
        ctx.header("Cache-Control", "public, max-age=86400");
        BlobReply.send(ctx, Cover.png(c.title(), c.info().tags(), c.id().getLeastSignificantBits()), "image/png", null);
    }

    @OpenApi(
            path = "/api/stems/{id}/{file}",
            methods = {HttpMethod.GET, HttpMethod.HEAD},
            tags = {"Suno"},
            summary = "A clip's stem",
            pathParams = {
                @OpenApiParam(name = "id", required = true, description = "the clip's id"),
                @OpenApiParam(name = "file", required = true, description = "<stem>.flac")
            },
            description = "<stem>.flac: vocals, drums, bass or other. HEAD, and byte ranges as for the audio.",
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "audio/flac"))})
    void stem(Context ctx) throws Exception {
        Clips.Clip c = clips.get(ctx.pathParam("id"));
        String name = strip(ctx.pathParam("file"), ".flac");
        Stem stem = Stem.find(name).orElseThrow(() -> ApiException.notFound("No such stem: " + name));
        if (c.task().status() != TaskStatus.COMPLETED) {
            throw ApiException.notFound("Stem not available");
        }
        BlobReply.send(ctx, blobs, SongFiles.stem(c.id(), 0, stem), "audio/flac", null, "Stem not available");
    }

    @OpenApi(
            path = "/api/midi/{file}",
            methods = {HttpMethod.GET, HttpMethod.HEAD},
            tags = {"Suno"},
            summary = "A clip's song as a Standard MIDI File (Cantata's; Suno has none)",
            pathParams = {@OpenApiParam(name = "file", required = true, description = "<clip id>.mid")},
            description = "Type 1: a conductor track (tempo, 4/4, key, section markers), the sung melody with its"
                    + " syllables as lyric events, and one named track per instrument part (General MIDI programs,"
                    + " drums on channel 10). A stem clip answers with its song's. 404 while the clip is not complete."
                    + " HEAD, and byte ranges as for the audio.",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(type = "audio/midi")),
                @OpenApiResponse(status = "404")
            })
    void midi(Context ctx) throws IOException {
        String id = strip(ctx.pathParam("file"), ".mid");
        Clips.Clip c = clips.get(id);
        if (c.task().status() != TaskStatus.COMPLETED) {
            throw ApiException.notFound("MIDI not available: the clip "
                    + (c.status() == ClipStatus.ERROR
                            ? "failed: " + c.task().error()
                            : "is still " + c.status().wire()));
        }
        byte[] midi = files.midiFile(c.info().task(), 0)
                .orElseThrow(() -> ApiException.notFound("MIDI not available: the clip's files are gone"));
        BlobReply.send(ctx, midi, "audio/midi", "inline; filename=\"" + c.id() + ".mid\"");
    }

    private static String strip(String file, String extension) {
        return file.endsWith(extension) ? file.substring(0, file.length() - extension.length()) : file;
    }
}
