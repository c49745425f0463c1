package dev.cantata.http.suno;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cantata.http.ApiException;
import dev.cantata.http.Clients;
import dev.cantata.http.Forwarded;
import dev.cantata.http.Routes;
import dev.cantata.music.Score;
import dev.cantata.music.Stem;
import dev.cantata.songs.SongFiles;
import dev.cantata.songs.Songs;
import dev.cantata.speech.BuiltInVoices;
import dev.cantata.speech.Voice;
import dev.cantata.voices.Voices;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Suno dialect's routes over the clip library, beside the generation ones in {@link SunoRoutes}: clips by id or
 * the feed, one raw clip, deleting clips (Cantata's own: upstream has none), concatenating an extension chain, stems
 * as clips, aligned lyrics, credits and personas. Errors are Suno's (the family {@link SunoRoutes} declares).
 */
final class LibraryRoutes implements Routes {
    private final Songs songs;
    private final Voices voices;
    private final Credits credits;
    private final Clips clips;
    private final ClipLibrary library;
    private final Clients clients;
    private final Forwarded forwarded;

    LibraryRoutes(
            Songs songs,
            Voices voices,
            Credits credits,
            Clips clips,
            ClipLibrary library,
            Clients clients,
            Forwarded forwarded) {
        this.songs = songs;
        this.voices = voices;
        this.credits = credits;
        this.clips = clips;
        this.library = library;
        this.clients = clients;
        this.forwarded = forwarded;
    }

    @Override
    public void addTo(JavalinConfig config) {
        config.router.mount(router -> {
            router.get("/api/get", this::get);
            router.get("/api/get_limit", this::getLimit);
            router.get("/api/clip", this::clip);
            router.delete("/api/clip", this::deleteClip);
            router.post("/api/delete", this::deleteClips);
            router.post("/api/concat", this::concat);
            router.post("/api/generate_stems", this::generateStems);
            router.get("/api/get_aligned_lyrics", this::alignedLyrics);
            router.get("/api/get_sections", this::sections);
            router.get("/api/persona", this::persona);
        });
    }

    // ---------------------------------------------------------------- clips

    @OpenApi(
            path = "/api/get",
            methods = HttpMethod.GET,
            tags = {"Suno"},
            summary = "Clips by id, or your feed (Suno)",
            description = "ids (comma-separated): the clips that exist, in that order; unknown or deleted ids are left"
                    + " out (none known: []). Without ids, this account's clips and stem clips, newest first, 20 a"
                    + " page (page from 0).",
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json"))})
    void get(Context ctx) throws Exception {
        String ids = ctx.queryParam("ids");
        List<SunoReplies.AudioInfo> out = new ArrayList<>();
        if (ids != null && !ids.isBlank()) {
            // as Suno's feed does: it answers with the clips it has, so one deleted id does not hide the others
            for (String id : ids.split(",")) {
                Optional<Clips.Clip> clip = id.isBlank() ? Optional.empty() : clips.find(id);
                if (clip.isPresent()) {
                    out.add(SunoReplies.AudioInfo.polled(clip.get(), base(ctx)));
                }
            }
            ctx.json(out);
            return;
        }
        for (Clips.Clip c : clips.feed(clients.account(ctx), Math.max(0, page(ctx, 0)))) {
            out.add(SunoReplies.AudioInfo.polled(c, base(ctx)));
        }
        ctx.json(out);
    }

    @OpenApi(
            path = "/api/get_limit",
            methods = HttpMethod.GET,
            tags = {"Suno"},
            summary = "Credits (Suno)",
            description = "credits_left, period (this month), monthly_limit, monthly_usage; 5 credits a clip.",
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json"))})
    void getLimit(Context ctx) {
        ctx.json(SunoReplies.Limit.of(credits.balance(clients.account(ctx))));
    }

    @OpenApi(
            path = "/api/clip",
            methods = HttpMethod.GET,
            tags = {"Suno"},
            summary = "One clip, raw (Suno)",
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json"))})
    void clip(Context ctx) throws Exception {
        String id = requiredId(ctx);
        ctx.json(SunoReplies.RawClip.of(clips.get(id), base(ctx), null));
    }

    @OpenApi(
            path = "/api/clip",
            methods = HttpMethod.DELETE,
            tags = {"Suno"},
            summary = "Delete a clip (Cantata; upstream has no delete)",
            description = "id: a clip of this account (the same bearer key made it). Deletes its song, files and stem"
                    + " clips (a stem clip alone: just it); the other clip of its request stays. → {deleted: [ids],"
                    + " not_found: []}. 404 for an unknown, deleted or other account's clip; 409 while an extension of"
                    + " it is still being made.",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "404"),
                @OpenApiResponse(status = "409")
            })
    void deleteClip(Context ctx) throws Exception {
        String id = requiredId(ctx);
        SunoBody.checked("id", id, SunoRoutes.MAX_SHORT);
        ClipLibrary.Deleted deleted = library.delete(clients.account(ctx), List.of(id));
        if (!deleted.notFound().isEmpty()) {
            throw ApiException.notFound("Clip not found: " + id.strip());
        }
        ctx.json(SunoReplies.Deleted.of(deleted));
    }

    @OpenApi(
            path = "/api/delete",
            methods = HttpMethod.POST,
            tags = {"Suno"},
            summary = "Delete clips (Cantata; upstream has no delete)",
            description =
                    "JSON ids: a list of clip ids, or one comma-separated string (as /api/get takes them), at most"
                            + " 100. Deletes this account's clips among them as DELETE /api/clip does → {deleted: [ids, stem"
                            + " clips of deleted clips included], not_found: [ids that name no clip of this account]}. 409, and"
                            + " nothing deleted, when one is the source of an extension still being made that is not deleted"
                            + " with it.",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "409")
            })
    void deleteClips(Context ctx) throws Exception {
        JsonNode given = SunoBody.of(ctx).get("ids");
        List<String> ids = new ArrayList<>();
        if (given.isTextual()) {
            for (String id : given.asText().split(",")) {
                ids.add(id);
            }
        } else if (given.isArray()) {
            for (JsonNode id : given) {
                if (!id.isTextual()) {
                    throw ApiException.badRequest("ids must be clip ids (strings)", "ids");
                }
                ids.add(id.asText());
            }
        } else if (!given.isMissingNode() && !given.isNull()) {
            throw ApiException.badRequest("ids must be a list of clip ids or a comma-separated string", "ids");
        }
        ids.removeIf(String::isBlank);
        if (ids.isEmpty()) {
            throw ApiException.badRequest("ids is required: the clips to delete", "ids");
        }
        if (ids.size() > SunoRoutes.MAX_DELETE) {
            throw ApiException.badRequest(
                    "ids names " + ids.size() + " clips; the limit is " + SunoRoutes.MAX_DELETE + " a request", "ids");
        }
        for (String id : ids) {
            SunoBody.checked("ids", id, SunoRoutes.MAX_SHORT);
        }
        ctx.json(SunoReplies.Deleted.of(library.delete(clients.account(ctx), ids)));
    }

    @OpenApi(
            path = "/api/concat",
            methods = HttpMethod.POST,
            tags = {"Suno"},
            summary = "The whole song (Suno)",
            description =
                    "JSON clip_id. A Cantata extension already holds the whole song (the source up to the join, then"
                            + " the new part), so this returns that clip as the whole song, with the chain of clips it continues.",
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json"))})
    void concat(Context ctx) throws Exception {
        String id = SunoBody.of(ctx).text("clip_id").strip();
        if (id.isEmpty()) {
            throw ApiException.badRequest("Clip id is required");
        }
        Clips.Clip c = clips.get(id);
        List<SunoReplies.ChainLink> history = new ArrayList<>();
        Optional<Clips.Clip> at = Optional.of(c);
        for (int guard = 0; at.isPresent() && at.get().info().type() == ClipType.EXTEND && guard < 100; guard++) {
            SunoClip link = at.get().info();
            history.add(0, new SunoReplies.ChainLink(String.valueOf(link.source()), link.continueAt()));
            at = clips.find(String.valueOf(link.source()));
        }
        ctx.json(SunoReplies.RawClip.of(c, base(ctx), history));
    }

    @OpenApi(
            path = "/api/generate_stems",
            methods = HttpMethod.POST,
            tags = {"Suno"},
            summary = "A clip's stems (Suno)",
            description = "JSON audio_id → vocals, drums, bass and other: the stems the song was mixed from, not a"
                    + " separation. Each is a clip of its own, as on Suno: /api/get and /api/clip find it, the feed"
                    + " lists it, its audio_url is the stem (FLAC), and it goes when its clip is deleted. Asked again,"
                    + " the same clips.",
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json"))})
    void generateStems(Context ctx) throws Exception {
        Clips.Clip c = clips.finished(SunoBody.of(ctx).text("audio_id"), "Audio ID is required");
        Stem of = c.info().stem();
        if (of != null) {
            throw ApiException.badRequest("Clip " + c.id() + " is already the " + of.wireName() + " stem of clip "
                    + c.info().task() + ": ask for that clip's stems");
        }
        SongFiles.Saved saved = saved(c);
        if (saved.stems().isEmpty()) {
            throw new ApiException(501, "This server kept no stems for the clip (ffmpeg was missing when it was made)");
        }
        List<SunoReplies.StemClip> out = new ArrayList<>();
        for (Stem part : saved.stems()) {
            out.add(SunoReplies.StemClip.of(clips.stem(c, part), base(ctx)));
        }
        ctx.json(out);
    }

    @OpenApi(
            path = "/api/get_aligned_lyrics",
            methods = HttpMethod.GET,
            tags = {"Suno"},
            summary = "Word timings (Suno)",
            description = "song_id → [{word, start_s, end_s, success, p_align}] from the"
                    + " score the song was sung from: exact, not estimated. A stem clip's are its clip's for the"
                    + " vocals, and none for the other stems (nothing is sung in them).",
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json"))})
    void alignedLyrics(Context ctx) throws Exception {
        String id = Optional.ofNullable(ctx.queryParam("song_id")).orElse("");
        Clips.Clip c = clips.finished(id, "Song ID is required");
        Stem stem = c.info().stem();
        Score score = saved(c).score();
        ctx.json(
                stem != null && stem != Stem.VOCALS
                        ? List.of()
                        : score.words().stream()
                                .map(SunoReplies.AlignedWord::of)
                                .toList());
    }

    @OpenApi(
            path = "/api/get_sections",
            methods = HttpMethod.GET,
            tags = {"Suno"},
            summary = "Sections, tempo and key (Cantata's; Suno has none)",
            description = "song_id → {tempo, key, mode, length, sections: [{label, part, start_s, end_s, bars}],"
                    + " key_changes: [{at_s, key}]} from the score the song was made from: where each intro, verse,"
                    + " chorus, bridge and outro begins and ends (seconds), and where a lifted chorus changes key"
                    + " (key is the key the song starts in). A stem clip answers with its song's.",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "400"),
                @OpenApiResponse(status = "404")
            })
    void sections(Context ctx) throws Exception {
        String id = Optional.ofNullable(ctx.queryParam("song_id")).orElse("");
        ctx.json(SunoReplies.Sections.of(
                saved(clips.finished(id, "Song ID is required")).score()));
    }

    /** What was saved with the clip's song (a stem clip's is its clip's). */
    private SongFiles.Saved saved(Clips.Clip c) throws IOException {
        return songs.files()
                .saved(c.info().task(), 0)
                .orElseThrow(() -> ApiException.notFound("The clip's files are gone"));
    }

    @OpenApi(
            path = "/api/persona",
            methods = HttpMethod.GET,
            tags = {"Suno"},
            summary = "A singer persona (Suno)",
            description = "id: a built-in voice or an added speaker, which can sing (\"male\", \"female\", a cloned"
                    + " name); page (from 1, answered as the number current_page). Every field of Suno's persona page;"
                    + " a voice has no root clip, clips or picture.",
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json"))})
    void persona(Context ctx) {
        String id = requiredId(ctx);
        Voice voice = BuiltInVoices.find(id.strip())
                .or(() -> voices.library().find(id.strip()))
                .orElseThrow(() -> ApiException.notFound("Persona not found: " + id));
        boolean builtIn = BuiltInVoices.find(voice.name()).isPresent();
        // upstream passes the page on as a number (1 when absent), and Suno answers with it as one
        ctx.json(new SunoReplies.PersonaPage(
                SunoReplies.Persona.of(voice, builtIn), 0, Math.max(1, page(ctx, 1)), false));
    }

    /** The {@code page} query parameter, {@code absent} when there is none; a 400 when it is not a whole number. */
    private static int page(Context ctx, int absent) {
        String page = ctx.queryParam("page");
        if (page == null || page.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("page must be a whole number");
        }
    }

    /** The {@code id} query parameter; a 400 when it is missing or blank. */
    private static String requiredId(Context ctx) {
        String id = ctx.queryParam("id");
        if (id == null || id.isBlank()) {
            throw ApiException.badRequest("Missing parameter id");
        }
        return id;
    }

    /** Where this server is, as the client reached it (a trusted proxy's forwarded host and scheme win). */
    private String base(Context ctx) {
        return forwarded.base(ctx);
    }
}
