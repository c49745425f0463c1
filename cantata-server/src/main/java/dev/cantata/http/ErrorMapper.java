package dev.cantata.http;

import dev.cantata.audio.AudioBusyException;
import dev.cantata.audio.AudioFormatException;
import dev.cantata.db.DataAccessException;
import dev.cantata.songs.SongQueueFull;
import dev.cantata.speech.SpeechException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.router.EndpointNotFound;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP errors. It decides the status from the exception, and the shape from the
 * request: each dialect registers the requests it owns (by path, and by body type where two share a path); anything
 * else gets FastAPI's {@code {"detail": …}}.
 */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    /** What a client is told to wait when the database is out of reach: about the pool's connection timeout. */
    private static final Duration DATABASE_RETRY = Duration.ofSeconds(5);

    /** What a client is told to wait when the memory for decoding uploads is in use. */
    private static final Duration DECODE_RETRY = Duration.ofSeconds(2);

    /** The {@link ApiException#code()} of a request to a path no route has: a shape may say so in its own words. */
    public static final String UNKNOWN_ROUTE = "unknown_route";

    /** The {@link ApiException#code()} of a request whose path has routes, none for its method. */
    public static final String WRONG_METHOD = "method_not_allowed";

    private final List<ErrorShape.Family> families;

    public ErrorMapper(List<ErrorShape.Family> families) {
        this.families = List.copyOf(families);
    }

    void install(Javalin app) {
        // Javalin answers an unknown route or a wrong method with its own HttpResponseException handler (JSON of its
        // own when the client accepts JSON); registering the exact type replaces it, so those are rendered here too.
        app.exception(HttpResponseException.class, (e, ctx) -> render(ctx, toApi(e, ctx)));
        app.exception(Exception.class, (e, ctx) -> render(ctx, toApi(e, ctx)));
        // A 404 or 405 that no exception carried (a status set and nothing written, as the static file handler does)
        // is given the shape too; an answer that is already JSON is one of ours and stays.
        app.error(404, ctx -> {
            if (!isJson(ctx)) {
                render(ctx, ApiException.notFound("Not Found"));
            }
        });
        app.error(405, ctx -> {
            if (!isJson(ctx)) {
                render(ctx, new ApiException(405, "Method Not Allowed"));
            }
        });
    }

    private static boolean isJson(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("application/json");
    }

    /**
     * Writes {@code error} in the shape of the family that owns the request: the first that claims it, else the first
     * fallback family that does (one that claims a whole prefix, such as OpenAI's {@code /v1/}, yields to a family
     * that claims a path in it), else FastAPI's.
     */
    public void render(Context ctx, ApiException error) {
        Duration retryAfter = error.retryAfter();
        if (retryAfter != null) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, retryAfter.toSeconds())));
        }
        for (boolean fallback : new boolean[] {false, true}) {
            for (ErrorShape.Family family : families) {
                if (family.fallback() == fallback && family.requests().test(ctx)) {
                    family.shape().render(ctx, error);
                    return;
                }
            }
        }
        FASTAPI.render(ctx, error);
    }

    static ApiException toApi(Exception e, Context ctx) {
        if (e instanceof java.util.concurrent.CompletionException wrapped
                && wrapped.getCause() instanceof Exception cause) {
            return toApi(cause, ctx); // a failure inside an asynchronous answer (ctx.future) is the failure itself
        }
        if (e instanceof ApiException api) {
            return api;
        }
        // Jetty's refusals while a body is read (over the size limit, below the minimum rate, a malformed form) reach
        // the handler wrapped in whatever the reader threw; they are the client's fault and keep their status.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadMessageException bad && bad.getCode() >= 400 && bad.getCode() < 500) {
                return new ApiException(
                        bad.getCode(), bad.getReason() != null ? bad.getReason() : "Bad request: " + bad.getCode());
            }
        }
        if (e instanceof EndpointNotFound) {
            return new ApiException(404, "Not Found", null, UNKNOWN_ROUTE); // FastAPI's words, for no such route
        }
        if (e instanceof MethodNotAllowedResponse wrong) {
            // Starlette names the methods the path has; Javalin lists them as its one detail (keyed by the client's
            // Accept: "availableMethods", or "Available methods" for a browser)
            wrong.getDetails().values().stream().findFirst().ifPresent(allowed -> ctx.header("Allow", allowed));
            return new ApiException(405, "Method Not Allowed", null, WRONG_METHOD);
        }
        if (e instanceof HttpResponseException http) {
            return new ApiException(http.getStatus(), messageOf(http));
        }
        if (e instanceof AudioBusyException busy) {
            LOG.warn("{} {} refused: {}", ctx.method(), ctx.path(), busy.getMessage());
            return ApiException.retryLater(503, messageOf(busy), DECODE_RETRY);
        }
        if (e instanceof AudioFormatException audio) {
            return ApiException.badRequest(messageOf(audio));
        }
        if (e instanceof IllegalArgumentException bad) {
            return ApiException.badRequest(messageOf(bad));
        }
        if (e instanceof UnsupportedOperationException unsupported) {
            return new ApiException(501, messageOf(unsupported));
        }
        if (e instanceof SongQueueFull full) {
            LOG.info("{} {} refused: {}", ctx.method(), ctx.path(), full.getMessage());
            return ApiException.retryLater(429, messageOf(full), full.retryAfter());
        }
        if (e instanceof DataAccessException data && data.unreachable()) {
            LOG.warn("{} {}: {}", ctx.method(), ctx.path(), data.getMessage());
            return ApiException.retryLater(503, "The database is unavailable; try again shortly", DATABASE_RETRY);
        }
        if (e instanceof SpeechException speech) {
            LOG.warn("{} {} failed in the speech engine", ctx.method(), ctx.path(), speech);
            return new ApiException(500, "speech synthesis failed: " + speech.getMessage());
        }
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        return new ApiException(
                500,
                "Internal server error: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    /** The exception's message, or its class's name when it has none (the answer's detail is never null). */
    private static String messageOf(Exception e) {
        String message = e.getMessage();
        return message != null ? message : e.getClass().getSimpleName();
    }

    /** FastAPI: {@code {"detail": "…"}}, and for 422 a list of field problems. */
    public static final ErrorShape FASTAPI = (ctx, error) -> {
        ctx.status(error.status());
        if (error.status() == 422 && !error.problems().isEmpty()) {
            List<Map<String, Object>> detail = new ArrayList<>();
            for (ApiException.FieldProblem p : error.problems()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("type", p.type());
                item.put("loc", List.of("body", p.field()));
                item.put("msg", p.message());
                item.put("input", p.input());
                detail.add(item);
            }
            ctx.json(Map.of("detail", detail));
        } else {
            ctx.json(Map.of("detail", error.getMessage()));
        }
    };
}
