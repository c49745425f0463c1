package dev.cantata.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;

/**
 * {@code POST /api/generate}, which two dialects claim: the DiffRhythm wrapper's takes multipart (an LRC file and a
 * style), suno-api's takes JSON (a description). The body's kind decides ({@link BodyKind}: a JSON object sent as
 * {@code text/plain} or with no type is JSON too), here and nowhere else; each dialect's handler and error shape do
 * the rest (the Suno error family matches this path only for JSON bodies).
 */
public final class GenerateRoute implements Routes {
    public static final String PATH = "/api/generate";

    private final Handler multipart;
    private final Handler json;

    /**
     * @param multipart DiffRhythm's handler, for multipart and form bodies (and any other, which it refuses in its words)
     * @param json the Suno dialect's handler, for JSON bodies
     */
    public GenerateRoute(Handler multipart, Handler json) {
        this.multipart = multipart;
        this.json = json;
    }

    @Override
    public void addTo(JavalinConfig config) {
        config.router.mount(router -> router.post(PATH, this::generate));
    }

    @OpenApi(
            path = PATH,
            methods = HttpMethod.POST,
            summary = "Queue a song (DiffRhythm, multipart) or two clips from a description (Suno, JSON)",
            description =
                    "DiffRhythm, multipart/form-data: lyrics (.lrc file, required; empty for an instrumental; lines"
                            + " that are not [mm:ss.xx]lyric, or start before the line above, are skipped and reported),"
                            + " ref_audio (wav, mp3, flac or ogg, at least 10 s) xor ref_prompt (style words), audio_length (95, or"
                            + " 96–285 seconds; the song is exactly that long), chunked (accepted: Cantata renders on CPU and needs no"
                            + " chunking), batch_infer_num (1–8 variations; download ?index=k) → {task_id, status, message}; errors"
                            + " {\"detail\": …}. Suno, application/json: prompt (a description; Cantata writes lyrics, style and title"
                            + " from it), make_instrumental, model (any, echoed), wait_audio (block up to 100 s until both clips"
                            + " stream) → two clips; errors {\"error\": …}. A body that parses as a JSON object is JSON whatever its"
                            + " Content-Type (browsers' fetch sends text/plain).",
            tags = {"DiffRhythm", "Suno"},
            requestBody =
                    @OpenApiRequestBody(
                            content = {
                                @OpenApiContent(type = "multipart/form-data"),
                                @OpenApiContent(type = "application/json")
                            }),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "400"),
                @OpenApiResponse(status = "422")
            })
    void generate(Context ctx) throws Exception {
        (BodyKind.of(ctx) == BodyKind.JSON ? json : multipart).handle(ctx);
    }
}
