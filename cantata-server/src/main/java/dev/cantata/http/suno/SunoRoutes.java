package dev.cantata.http.suno;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cantata.db.Database;
import dev.cantata.http.ApiException;
import dev.cantata.http.BodyKind;
import dev.cantata.http.Clients;
import dev.cantata.http.ErrorShape;
import dev.cantata.http.Forwarded;
import dev.cantata.http.Hangup;
import dev.cantata.http.Routes;
import dev.cantata.jobs.Library;
import dev.cantata.jobs.TaskStatus;
import dev.cantata.music.LyricWriter;
import dev.cantata.music.Lyrics;
import dev.cantata.music.SongSpec;
import dev.cantata.music.Stem;
import dev.cantata.songs.ExtendSong;
import dev.cantata.songs.NewSong;
import dev.cantata.songs.SongFiles;
import dev.cantata.songs.SongOutputs;
import dev.cantata.songs.Songs;
import dev.cantata.songs.StyleSource;
import dev.cantata.voices.Voices;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The Suno dialect (gcui-art/suno-api): its routes and their documentation. Every generation queues two clips through
 * {@link ClipQueue}, each a durable song task with its own seed and a row of what Suno shows ({@link SunoClip}); a
 * clip's id is its task's id, and {@link Clips} finds them. {@code audio_url} is absolute and works as soon as the clip
 * is queued: asked for early, it answers once the song is made (the seed's client prints both clips' URLs when the
 * first one streams). Clips are a library ({@link ClipLibrary}): kept until their account deletes them ({@code DELETE
 * /api/clip}, {@code POST /api/delete}), not swept with scratch tasks. Replies are {@link SunoReplies}; errors are
 * {@code {"error": "…"}}.
 */
public final class SunoRoutes implements Routes {
    static final int CLIPS = 2;
    static final String DEFAULT_MODEL = "chirp-v3-5";
    /** How long an extension of a clip still being made waits for it: as long as its audio may be waited for. */
    private static final Duration EXTEND_WAIT = Duration.ofMinutes(10);
    /** The shortest new part an extension makes: about four bars at 100 bpm. */
    static final int MIN_EXTENSION_SECONDS = 10;

    // The longest value of each text field, in characters, checked before any work (a 400 naming the field).
    /** Lyrics ({@code prompt} of custom_generate and extend_audio), Suno markup or LRC. */
    static final int MAX_LYRICS = 20_000;
    /** A description: {@code prompt} of generate and generate_lyrics, the chat's last user message. */
    static final int MAX_DESCRIPTION = 3_000;
    /** {@code tags} and {@code negative_tags}. */
    static final int MAX_TAGS = 1_000;

    static final int MAX_TITLE = 200;
    /** Everything else: {@code model}, ids. */
    static final int MAX_SHORT = 100;
    /** Entries of the chat's {@code messages}. */
    static final int MAX_MESSAGES = 100;
    /** Clips one {@code POST /api/delete} may name. */
    static final int MAX_DELETE = 100;

    private static final Set<String> PATHS = Set.of(
            "/api/custom_generate",
            "/api/extend_audio",
            "/api/generate_lyrics",
            "/api/get",
            "/api/get_limit",
            "/api/clip",
            "/api/delete",
            "/api/concat",
            "/api/generate_stems",
            "/api/get_aligned_lyrics",
            "/api/persona",
            "/v1/chat/completions");

    private final Songs songs;
    private final Clips clips;
    private final ClipLibrary library;
    private final ClipQueue queue;
    private final Waiting waiting;
    private final Submissions submissions;
    private final ClipFiles files;
    private final Clients clients;
    private final Forwarded forwarded;
    private final LibraryRoutes clipRoutes;
    private final VersionRoutes versionRoutes;

    private SunoRoutes(
            Songs songs,
            Voices voices,
            Credits credits,
            Clips clips,
            ClipLibrary library,
            ClipQueue queue,
            Waiting waiting,
            ClipFiles files,
            Clients clients,
            Forwarded forwarded) {
        this.songs = songs;
        this.library = library;
        this.clients = clients;
        this.clips = clips;
        this.queue = queue;
        this.waiting = waiting;
        this.files = files;
        this.forwarded = forwarded;
        this.submissions = new Submissions(queue, clips, waiting, clients, forwarded);
        this.clipRoutes = new LibraryRoutes(songs, voices, credits, clips, library, clients, forwarded);
        this.versionRoutes = new VersionRoutes(songs, clips, submissions, forwarded);
    }

    /**
     * The dialect wired to a node: credits and clip rows in {@code database}, {@code monthlyCredits} an account a month,
     * finished clips reported as {@code streaming} for {@code hold}, kept for {@code clipRetention} after they finish
     * (null: until deleted), accounts told apart by {@code clients}, and URLs made for the client as {@code forwarded}
     * says it reached the server. The node's retention sweep must be given {@link #library()}.
     */
    public static SunoRoutes create(
            Songs songs,
            Voices voices,
            Database database,
            InstantSource clock,
            int monthlyCredits,
            Duration hold,
            @Nullable Duration clipRetention,
            Clients clients,
            Forwarded forwarded) {
        Credits credits = new Credits(database, clock, monthlyCredits);
        ClipStore store = new ClipStore(database);
        Clips clips = new Clips(store, songs.tasks(), clock, hold, clipRetention);
        Waiting waiting = new Waiting();
        return new SunoRoutes(
                songs,
                voices,
                credits,
                clips,
                new ClipLibrary(store, songs.tasks(), songs.blobs(), clipRetention),
                new ClipQueue(songs, store, credits),
                waiting,
                new ClipFiles(clips, songs.blobs(), songs.files(), waiting),
                clients,
                forwarded);
    }

    /** The clips as a library, for the retention sweep: it leaves them alone and lets the library sweep them. */
    public Library library() {
        return library;
    }

    @Override
    public void addTo(JavalinConfig config) {
        files.addTo(config);
        config.router.mount(router -> {
            router.post("/api/custom_generate", this::customGenerate);
            router.post("/api/extend_audio", this::extendAudio);
            router.post("/api/generate_lyrics", this::generateLyrics);
            router.post("/v1/chat/completions", this::chat);
        });
        clipRoutes.addTo(config);
        versionRoutes.addTo(config);
    }

    /** {@code POST /api/generate} with a JSON body; the route is shared (see {@code GenerateRoute}). */
    public Handler generate() {
        return this::generate;
    }

    @Override
    public List<ErrorShape.Family> errorFamilies() {
        return List.of(new ErrorShape.Family("suno", SunoRoutes::owns, SunoRoutes::error));
    }

    static boolean owns(Context ctx) {
        String path = ctx.path();
        return PATHS.contains(path)
                || VersionRoutes.PATHS.contains(path)
                || path.startsWith("/api/audio/")
                || path.startsWith("/api/image/")
                || path.startsWith("/api/stems/")
                || path.startsWith("/api/midi/")
                || (path.equals("/api/generate") && BodyKind.known(ctx) == BodyKind.JSON);
    }

    static void error(Context ctx, ApiException error) {
        ctx.status(error.status())
                .json(java.util.Map.of("error", error.getMessage() == null ? "Internal error" : error.getMessage()));
    }

    // ---------------------------------------------------------------- generation

    /** {@code POST /api/generate} with JSON: Cantata writes lyrics, style and title from the description. */
    private void generate(Context ctx) throws Exception {
        SunoBody body = SunoBody.of(ctx);
        String description = body.text("prompt", MAX_DESCRIPTION).strip();
        if (description.isEmpty()) {
            throw ApiException.badRequest("Prompt is required: describe the song");
        }
        boolean instrumental = body.truthy("make_instrumental");
        submissions.submit(ctx, body, () -> {
            LyricWriter writer = songs.studio().lyricWriter();
            List<ClipQueue.Order> orders = new ArrayList<>();
            for (int i = 0; i < CLIPS; i++) {
                long seed = songs.seeds().next();
                LyricWriter.Written written = writer.write(description, seed);
                NewSong job = new NewSong(
                        instrumental ? "" : written.lyrics(),
                        StyleSource.words(description),
                        null,
                        1,
                        seed,
                        written.title(),
                        SongOutputs.PLAYABLE);
                orders.add(new ClipQueue.Order(
                        job, written.title(), written.tags(), "", description, ClipType.GEN, null, 0));
            }
            return orders;
        });
    }

    @OpenApi(
            path = "/api/custom_generate",
            methods = HttpMethod.POST,
            tags = {"Suno"},
            summary = "Two clips from lyrics and style tags (Suno)",
            description = "JSON: prompt (lyrics, Suno section markup or LRC), tags (style), title, make_instrumental,"
                    + " negative_tags (their words are taken out of the style; echoed), model, wait_audio. Cantata's"
                    + " own, optional: seed (a whole number; the two clips get seed and seed + 1, so a request is"
                    + " repeatable), duration (seconds, 5–600: each clip is exactly that long; default as long as the"
                    + " lyrics need), reference_audio (a recording as base64 or a data: URL, wav/mp3/flac/ogg/webm, at"
                    + " least 10 s: the song follows its tempo, key, loudness and brightness; the tags refine it),"
                    + " variation_of (a clip id: the new clips are listed among that song's versions,"
                    + " /api/get_versions).",
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json"))})
    void customGenerate(Context ctx) throws Exception {
        SunoBody body = SunoBody.of(ctx);
        String lyrics = body.text("prompt", MAX_LYRICS);
        String tags = body.text("tags", MAX_TAGS);
        String negative = body.text("negative_tags", MAX_TAGS);
        String title = body.text("title", MAX_TITLE);
        checkLyrics(lyrics);
        String sung = body.truthy("make_instrumental") ? "" : lyrics;
        @Nullable Long seed = body.wholeNumber("seed");
        @Nullable Double seconds = seconds(body);
        byte @Nullable [] reference = ReferenceUpload.read(body, songs.codecs());
        @Nullable Lineage variation = variationOf(body);
        submissions.submit(ctx, body, () -> {
            List<ClipQueue.Order> orders = new ArrayList<>();
            for (int i = 0; i < CLIPS; i++) {
                NewSong job = new NewSong(
                        sung,
                        StyleSource.words(without(tags, negative)),
                        seconds,
                        1,
                        seed != null ? seed + i : songs.seeds().next(),
                        title,
                        SongOutputs.PLAYABLE);
                orders.add(new ClipQueue.Order(
                        job, title, tags, negative, "", ClipType.GEN, null, 0, reference, variation));
            }
            return orders;
        });
    }

    /**
     * Cantata's optional {@code variation_of}: the clip the new ones are variations of (the same song made again from
     * other seeds), so they are listed among its versions; null when not given. The lyrics and style are the
     * request's own: a client sends the clip's, or changes them.
     */
    private @Nullable Lineage variationOf(SunoBody body) throws java.io.IOException {
        String of = body.text("variation_of", MAX_SHORT);
        if (of.isBlank()) {
            return null;
        }
        Clips.Clip parent = clips.get(of);
        if (parent.info().stem() != null) {
            throw ApiException.badRequest(
                    "Clip " + parent.id() + " is the " + parent.info().stem().wireName() + " stem of clip "
                            + parent.info().task() + ": make variations of that clip",
                    "variation_of");
        }
        return Lineage.from(parent.id(), parent.info().lineage(), Lineage.Kind.VARIATION, null, null, "");
    }

    /** Cantata's optional {@code duration} in seconds, 5 to 600 (the engine's range), else a 400. */
    private static @Nullable Double seconds(SunoBody body) {
        @Nullable Double seconds = body.number("duration");
        if (seconds != null && !(seconds >= NewSong.MIN_SECONDS && seconds <= NewSong.MAX_SECONDS)) {
            throw ApiException.badRequest(
                    "duration must be " + (int) NewSong.MIN_SECONDS + " to " + (int) NewSong.MAX_SECONDS
                            + " seconds, not " + seconds,
                    "duration");
        }
        return seconds;
    }

    /**
     * The style words with every phrase of {@code negative} (comma-separated, whole words, any case) taken out: "pop
     * metal, piano" without "metal" is "pop, piano". This is what {@code negative_tags} does here.
     */
    static String without(String tags, String negative) {
        String style = tags;
        for (String phrase : negative.split(",")) {
            String p = phrase.strip();
            if (!p.isEmpty()) {
                style = style.replaceAll(
                        "(?i)(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(p) + "(?![\\p{L}\\p{N}])", " ");
            }
        }
        return style.replaceAll("\\s+", " ")
                .replaceAll("\\s*,(\\s*,)*", ",")
                .replaceAll(",(?=\\S)", ", ")
                .replaceAll("^,|,$", "")
                .strip();
    }

    private static void checkLyrics(String lyrics) {
        try {
            Lyrics.parse(lyrics);
        } catch (Lyrics.LyricsException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    @OpenApi(
            path = "/api/extend_audio",
            methods = HttpMethod.POST,
            tags = {"Suno"},
            summary = "Continue a clip (Suno)",
            description =
                    "JSON: audio_id (required), continue_at (seconds; default the clip's end), prompt (new lyrics),"
                            + " tags (added to the clip's style; key, tempo and instruments stay unless they name others), title,"
                            + " model, wait_audio. Each new clip is the source up to the first beat at or after continue_at, sample for"
                            + " sample, then new material.",
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json"))})
    void extendAudio(Context ctx) throws Exception {
        SunoBody body = SunoBody.of(ctx);
        String id = body.text("audio_id");
        if (id.isBlank()) {
            throw ApiException.badRequest("Audio ID is required");
        }
        Clips.Clip clip = clips.get(id);
        if (clip.task().status().finished()) {
            Submissions.answer(ctx, extension(ctx, body, clip));
            return;
        }
        // Still being made: the seed's client takes "streaming" for ready and extends at once, so the extension is
        // queued when its source is done (the request holds no thread meanwhile).
        BooleanSupplier hungUp = Hangup.watch(ctx);
        ctx.future(() -> waiting.until(
                        () -> {
                            Clips.Clip now = clips.get(id);
                            return new Waiting.Look<>(now.task().status().finished(), now);
                        },
                        EXTEND_WAIT,
                        hungUp)
                .thenCompose(ready -> {
                    try {
                        return extension(ctx, body, ready);
                    } catch (Exception e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                })
                .thenAccept(ctx::json));
    }

    /** Checks an extension of {@code source} (which must be complete) and queues its clips. */
    private CompletableFuture<List<SunoReplies.AudioInfo>> extension(Context ctx, SunoBody body, Clips.Clip source)
            throws Exception {
        Stem stem = source.info().stem();
        if (stem != null) {
            throw ApiException.badRequest("Clip " + source.id() + " is the " + stem.wireName() + " stem of clip "
                    + source.info().task() + ": extend that clip");
        }
        if (source.task().status() != TaskStatus.COMPLETED) {
            throw ApiException.badRequest("Clip " + source.id() + " cannot be extended: it is "
                    + source.status().wire());
        }
        double duration = source.duration() == null ? 0 : source.duration();
        if (duration > SongFiles.MAX_EXTENDED_SECONDS) {
            throw ApiException.badRequest(String.format(
                    Locale.ROOT,
                    "Clip %s is %.0f s long; extensions stop at %.0f s",
                    source.id(),
                    duration,
                    SongFiles.MAX_EXTENDED_SECONDS));
        }
        double continueAt = duration;
        JsonNode at = body.get("continue_at");
        if (!at.isMissingNode() && !at.isNull()) {
            if (!at.isNumber() && !(at.isTextual() && at.asText().strip().matches("\\d+(\\.\\d+)?"))) {
                throw ApiException.badRequest("continue_at must be a number of seconds");
            }
            continueAt = at.asDouble();
        }
        if (!(continueAt > 0 && continueAt <= duration + 1e-6)) {
            throw ApiException.badRequest(String.format(
                    Locale.ROOT,
                    "continue_at must be between 0 and the clip's duration (%.2f s), not %s",
                    duration,
                    continueAt));
        }
        // a song ends at 600 s, so an extension needs room for new material before that (at least a few bars)
        if (continueAt > SongSpec.MAX_LENGTH - MIN_EXTENSION_SECONDS) {
            throw ApiException.badRequest(String.format(
                    Locale.ROOT,
                    "continue_at must be at most %d s: songs end at %d s, and the new part needs at least %d s",
                    SongSpec.MAX_LENGTH - MIN_EXTENSION_SECONDS,
                    SongSpec.MAX_LENGTH,
                    MIN_EXTENSION_SECONDS));
        }
        String lyrics = body.text("prompt", MAX_LYRICS);
        String tags = body.text("tags", MAX_TAGS);
        String negative = body.text("negative_tags", MAX_TAGS);
        String title = body.text("title", MAX_TITLE).isBlank() ? source.info().title() : body.text("title", MAX_TITLE);
        checkLyrics(lyrics);
        String shownTags = tags.isBlank() ? source.info().tags() : tags;
        String master = SongFiles.master(source.id(), 0);
        double from = continueAt;
        return submissions.queued(ctx, body, () -> {
            List<ClipQueue.Order> orders = new ArrayList<>();
            for (int i = 0; i < CLIPS; i++) {
                ExtendSong job = new ExtendSong(
                        lyrics,
                        without(tags, negative),
                        master,
                        from,
                        songs.seeds().next(),
                        title,
                        SongOutputs.PLAYABLE);
                Lineage line =
                        Lineage.from(source.id(), source.info().lineage(), Lineage.Kind.EXTEND, from, null, lyrics);
                orders.add(new ClipQueue.Order(
                        job, title, shownTags, negative, "", ClipType.EXTEND, source.id(), from, null, line));
            }
            return orders;
        });
    }

    @OpenApi(
            path = "/api/generate_lyrics",
            methods = HttpMethod.POST,
            tags = {"Suno"},
            summary = "Lyrics from a description (Suno)",
            description = "JSON prompt → {text, title, status}. How the lyrics"
                    + " are written is in the README: a template bank filled with the description's nouns, rhymes and meter"
                    + " checked with MaryTTS's pronunciation lexicon.",
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json"))})
    void generateLyrics(Context ctx) throws Exception {
        String description = SunoBody.of(ctx).text("prompt", MAX_DESCRIPTION).strip();
        if (description.isEmpty()) {
            throw ApiException.badRequest("Prompt is required: describe the song");
        }
        LyricWriter.Written written =
                songs.studio().lyricWriter().write(description, songs.seeds().next());
        ctx.json(new SunoReplies.Lyrics(written.lyrics(), written.title(), "complete"));
    }

    @OpenApi(
            path = "/v1/chat/completions",
            methods = HttpMethod.POST,
            tags = {"Suno"},
            summary = "A song from a chat message (Suno's Markdown answer)",
            description =
                    "JSON messages; the last user message describes the song: its content a string, or OpenAI's list of"
                            + " parts (the text parts are joined; images are ignored). Makes an instrumental, as upstream,"
                            + " waits for the audio and answers in Markdown: title, cover, lyrics ([Instrumental]), link.",
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "text/plain"))})
    void chat(Context ctx) throws Exception {
        String prompt = Chat.prompt(SunoBody.of(ctx));
        List<UUID> ids = queue.queue(clients.account(ctx), clients.client(ctx), DEFAULT_MODEL, 1, () -> {
            // upstream's chat route makes an instrumental: the lyrics written give it a title and a style, and are
            // not sung, so the answer does not show them
            LyricWriter.Written written =
                    songs.studio().lyricWriter().write(prompt, songs.seeds().next());
            NewSong job = new NewSong(
                    "",
                    StyleSource.words(prompt),
                    null,
                    1,
                    songs.seeds().next(),
                    written.title(),
                    SongOutputs.PLAYABLE);
            return List.of(
                    new ClipQueue.Order(job, written.title(), written.tags(), "", prompt, ClipType.GEN, null, 0));
        });
        String base = base(ctx);
        BooleanSupplier hungUp = Hangup.watch(ctx);
        ctx.future(() -> submissions
                .waitForAudio(base, ids, hungUp)
                .thenAccept(clip -> ctx.contentType("text/plain; charset=utf-8").result(Chat.markdown(clip.get(0)))));
    }

    // ---------------------------------------------------------------- who is asking

    /** Where this server is, as the client reached it (a trusted proxy's forwarded host and scheme win). */
    private String base(Context ctx) {
        return forwarded.base(ctx);
    }
}
