package dev.cantata.http;

import dev.cantata.music.Lyrics;
import dev.cantata.music.Score;
import dev.cantata.music.SongSpec;
import dev.cantata.songs.Studio;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/time_lyrics}: plain lyrics (Suno markup) given back as a timed LRC, each line at the moment the
 * composer places it for that style, length and seed. Cantata's own route; it composes the song's score (the singer
 * reads the lines into syllables, nothing is sung or played), so it takes about a second, not a song's time.
 */
public final class LyricsTimingRoutes implements Routes {
    static final int MAX_LYRICS = 20_000;
    static final int MAX_TAGS = 1_000;

    private final Studio studio;

    public LyricsTimingRoutes(Studio studio) {
        this.studio = studio;
    }

    @Override
    public void addTo(JavalinConfig config) {
        config.router.mount(router -> router.post("/api/time_lyrics", this::time));
    }

    @OpenApi(
            path = "/api/time_lyrics",
            methods = HttpMethod.POST,
            summary = "Plain lyrics as a timed LRC, from the composer (Cantata's)",
            description = "JSON: lyrics (Suno markup or plain lines, required, ≤ 20000 characters), tags (the style,"
                    + " ≤ 1000), duration (seconds, 5–600; default as long as the lyrics need), seed (a whole number;"
                    + " default 0) → {lrc: \"[mm:ss.xx]line\\n…\", tempo, key, mode, length, lines, dropped (the lines a song"
                    + " this long has no room for)}. The times are"
                    + " where the composer puts each line in a song of that style, length and seed; a song made from"
                    + " the LRC sings each line at its time. Errors {\"detail\": …} (422 lists the fields).",
            tags = {"Server"},
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(type = "application/json")),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "400"),
                @OpenApiResponse(status = "422")
            })
    void time(Context ctx) throws Exception {
        Fields fields = Fields.of(ctx);
        String lyrics = fields.required("lyrics", MAX_LYRICS);
        String tags = fields.text("tags", false, MAX_TAGS);
        double duration = fields.number("duration", Double.NaN, SongSpec.MIN_LENGTH, SongSpec.MAX_LENGTH);
        BigInteger seed = fields.integer("seed");
        fields.check();
        if (Lyrics.parse(lyrics).instrumental()) {
            throw ApiException.badRequest("lyrics has no line to sing", "lyrics");
        }
        long chosen = seed == null ? 0 : seed.longValue();
        SongSpec spec = new SongSpec(
                lyrics,
                tags == null ? "" : tags,
                Double.isNaN(duration) ? null : duration,
                chosen,
                false,
                null,
                null,
                0);
        Score score = studio.engine().compose(spec);
        StringBuilder lrc = new StringBuilder();
        List<Score.Phrase> phrases = score.phrases();
        for (Score.Phrase phrase : phrases) {
            lrc.append(stamp(phrase.start())).append(phrase.text()).append('\n');
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lrc", lrc.toString());
        body.put("tempo", Math.round(score.tempo() * 100) / 100.0);
        body.put("key", score.key());
        body.put("mode", score.minor() ? "minor" : "major");
        body.put("length", Math.round(score.length() * 1000) / 1000.0);
        body.put("lines", phrases.size());
        body.put("dropped", score.dropped()); // lines a song this long has no room for

        ctx.json(body);
    }

    /** {@code [mm:ss.xx]}, minutes counting on past 59. */
    static String stamp(double seconds) {
        long hundredths = Math.round(seconds * 100);
        return String.format(
                Locale.ROOT, "[%02d:%02d.%02d]", hundredths / 6000, hundredths / 100 % 60, hundredths % 100);
    }
}
