package dev.cantata.http.suno;

import dev.cantata.http.ApiException;
import dev.cantata.http.Forwarded;
import dev.cantata.http.Routes;
import dev.cantata.music.Lyrics;
import dev.cantata.music.Segments;
import dev.cantata.songs.EditSong;
import dev.cantata.songs.SongFiles;
import dev.cantata.songs.SongOutputs;
import dev.cantata.songs.Songs;
import dev.cantata.songs.StyleSource;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A song's versions, kept by the server: replacing a section of a clip (Suno's "replace section", whose clips carry
 * {@code infill_start_s}, {@code infill_end_s} and the new lines in their {@code history}) and listing every version
 * of a song ({@code root_ancestor_id} and every clip made from its line). A replaced section is a clip like any other:
 * two of them a request, with stems, word timings, MIDI and cover, in the feed, kept as long as clips are. Errors are
 * Suno's (the family {@link SunoRoutes} declares).
 */
final class VersionRoutes implements Routes {
    static final List<String> PATHS = List.of("/api/replace_section", "/api/get_versions");

    private final Songs songs;
    private final Clips clips;
    private final Submissions submissions;
    private final Forwarded forwarded;

    VersionRoutes(Songs songs, Clips clips, Submissions submissions, Forwarded forwarded) {
        this.songs = songs;
        this.clips = clips;
        this.submissions = submissions;
        this.forwarded = forwarded;
    }

    @Override
    public void addTo(JavalinConfig config) {
        config.router.mount(router -> {
            router.post("/api/replace_section", this::replaceSection);
            router.get("/api/get_versions", this::versions);
        });
    }

    @OpenApi(
            path = "/api/replace_section",
            methods = HttpMethod.POST,
            tags = {"Suno"},
            summary = "Make one section of a clip anew (Cantata; Suno's replace section)",
            description = "JSON: clip_id (or audio_id; a complete clip), infill_start_s and infill_end_s (seconds; the"
                    + " section, at least 0.5 s, inside the clip), prompt (the section's new lines: plain lines, Suno"
                    + " markup, or LRC timed within the section; plain lines are spread over it; empty: played, not"
                    + " sung), tags (style words added to the clip's), negative_tags, title, model, wait_audio. Two new"
                    + " clips, each the source sample for sample outside the section (its edges moved to the nearest"
                    + " beats), with stems, aligned lyrics and MIDI of the whole song; each lists the source as"
                    + " edited_clip_id and the section in history.",
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json"))})
    void replaceSection(Context ctx) throws Exception {
        SunoBody body = SunoBody.of(ctx);
        String id = body.text("clip_id", SunoRoutes.MAX_SHORT);
        if (id.isBlank()) {
            id = body.text("audio_id", SunoRoutes.MAX_SHORT);
        }
        Clips.Clip source = clips.finished(id, "clip_id is required: the clip whose section is made anew");
        if (source.info().stem() != null) {
            throw ApiException.badRequest(
                    "Clip " + source.id() + " is the " + source.info().stem().wireName() + " stem of clip "
                            + source.info().task() + ": replace a section of that clip");
        }
        double duration = source.duration() == null ? 0 : source.duration();
        double start = required(body, "infill_start_s");
        double end = required(body, "infill_end_s");
        if (!(start >= 0 && end <= duration + 1e-6 && end - start >= Segments.MIN_SECONDS)) {
            throw ApiException.badRequest(String.format(
                    Locale.ROOT,
                    "infill_start_s and infill_end_s must name a section of at least %.1f s inside the clip"
                            + " (0 to %.2f s), not %s to %s",
                    Segments.MIN_SECONDS,
                    duration,
                    number(start),
                    number(end)));
        }
        String lines = body.text("prompt", SunoRoutes.MAX_LYRICS);
        String lrc = timed(lines, start, end);
        String tags = body.text("tags", SunoRoutes.MAX_TAGS);
        String negative = body.text("negative_tags", SunoRoutes.MAX_TAGS);
        String asked = body.text("title", SunoRoutes.MAX_TITLE);
        String title = asked.isBlank() ? source.title() : asked;
        String shownTags = tags.isBlank() ? source.info().tags() : tags;
        String segments = "[[" + number(start) + "," + number(end) + "]]";
        String master = SongFiles.master(source.info().task(), 0);
        Lineage line =
                Lineage.from(source.id(), source.info().lineage(), Lineage.Kind.REPLACE, start, end, lines.strip());
        submissions.submit(ctx, body, () -> {
            List<ClipQueue.Order> orders = new ArrayList<>();
            for (int i = 0; i < SunoRoutes.CLIPS; i++) {
                EditSong job = new EditSong(
                        lrc,
                        StyleSource.words(SunoRoutes.without(tags, negative)),
                        master,
                        segments,
                        1,
                        songs.seeds().next(),
                        SongOutputs.PLAYABLE);
                orders.add(new ClipQueue.Order(job, title, shownTags, negative, "", ClipType.GEN, null, 0, null, line));
            }
            return orders;
        });
    }

    @OpenApi(
            path = "/api/get_versions",
            methods = HttpMethod.GET,
            tags = {"Suno"},
            summary = "Every version of a song (Cantata)",
            description = "id: any version (or a stem clip of one). The song's first clip (while it exists) and every"
                    + " clip made from it or from another of its versions (extensions, variations, replaced"
                    + " sections), oldest first, as /api/get shows clips: root_ancestor_id, edited_clip_id and"
                    + " history say where each comes from.",
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json"))})
    void versions(Context ctx) throws Exception {
        String id = ctx.queryParam("id");
        if (id == null || id.isBlank()) {
            throw ApiException.badRequest("Missing parameter id");
        }
        String base = forwarded.base(ctx);
        List<SunoReplies.AudioInfo> out = new ArrayList<>();
        for (Clips.Clip c : clips.versions(clips.get(id))) {
            out.add(SunoReplies.AudioInfo.polled(c, base));
        }
        ctx.json(out);
    }

    private static double required(SunoBody body, String field) {
        @Nullable Double value = body.number(field);
        if (value == null) {
            throw ApiException.badRequest(field + " is required: where the section starts and ends, in seconds");
        }
        return value;
    }

    /**
     * The section's lines as LRC the edit sings: LRC as it is (its times must fall in the section), anything else
     * (plain lines or Suno markup) one line at a time, spread evenly over the section.
     */
    static String timed(String text, double start, double end) {
        Lyrics lyrics;
        try {
            lyrics = Lyrics.parse(text);
        } catch (Lyrics.LyricsException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        List<Lyrics.Line> lines = lyrics.lines();
        if (lines.isEmpty()) {
            return "";
        }
        if (lines.get(0).at() != null) {
            for (Lyrics.Line l : lines) {
                double at = java.util.Objects.requireNonNull(l.at());
                if (at < start - 1e-6 || at >= end) {
                    throw ApiException.badRequest(String.format(
                            Locale.ROOT,
                            "prompt: the line \"%s\" is timed at %s s, outside the section (%s to %s s)",
                            l.text(),
                            number(at),
                            number(start),
                            number(end)));
                }
            }
            return text;
        }
        StringBuilder lrc = new StringBuilder();
        double step = (end - start) / lines.size();
        for (int i = 0; i < lines.size(); i++) {
            double at = start + i * step;
            int minutes = (int) (at / 60);
            lrc.append(String.format(Locale.ROOT, "[%02d:%05.2f]", minutes, at - minutes * 60))
                    .append(lines.get(i).text())
                    .append('\n');
        }
        return lrc.toString();
    }

    private static String number(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds).replaceAll("\\.?0+$", "");
    }
}
