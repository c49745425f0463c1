package dev.cantata.http;

import dev.cantata.music.Style;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/style}: the words a style may use and how a given style reads, so a front end can offer the known
 * genres, moods and instruments while one is typed and show the words that will be ignored. Cantata's own route; it
 * answers from {@link Style#parse}, the reader every song request goes through, so what it says is what a song gets.
 */
public final class StyleRoutes implements Routes {
    /** As long as a Suno {@code tags} field may be. */
    static final int MAX_TEXT = 1000;

    @Override
    public void addTo(JavalinConfig config) {
        config.router.mount(router -> router.get("/api/style", this::style));
    }

    @OpenApi(
            path = "/api/style",
            methods = HttpMethod.GET,
            summary = "The style vocabulary, and how a style reads (Cantata's)",
            description =
                    "→ {vocabulary: {genres, moods, instruments, voices, tempo, mode, key_change}}: every word a style is read"
                            + " by (tempo as \"120 bpm\" and a key as \"in D minor\" are read too). With text (≤ 1000"
                            + " characters), also {reading: {genre, moods, instruments (General MIDI programs), voice, tempo,"
                            + " key (0 = C … 11 = B), mode, key_change (true: the last chorus lifts a whole tone; false: never;"
                            + " null: as the genre and the seed choose), unknown}}: unknown lists the words that will be"
                            + " ignored.",
            tags = {"Server"},
            queryParams = {@OpenApiParam(name = "text", description = "a style, e.g. \"melancholic folk, harmonica\"")},
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "400")
            })
    void style(Context ctx) {
        @Nullable String text = ctx.queryParam("text");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vocabulary", Style.vocabulary());
        if (text != null) {
            if (text.length() > MAX_TEXT) {
                throw ApiException.badRequest(
                        "text is " + text.length() + " characters; the limit is " + MAX_TEXT, "text");
            }
            String bad = Text.badCharacter(text);
            if (bad != null) {
                throw ApiException.badRequest("text holds " + bad + ", which is not text", "text");
            }
            Style style = Style.parse(text);
            Map<String, @Nullable Object> reading = new LinkedHashMap<>();
            reading.put("genre", style.genre().wireName());
            reading.put("moods", style.moods());
            reading.put("instruments", style.instruments());
            reading.put("voice", style.voice());
            reading.put("tempo", style.tempo());
            reading.put("key", style.key());
            reading.put("mode", style.minor() == null ? null : style.minor() ? "minor" : "major");
            reading.put("key_change", style.keyChange());
            reading.put("unknown", style.unknown());
            body.put("reading", reading);
        }
        ctx.json(body);
    }
}
