package dev.cantata.http.studio;

import dev.cantata.http.Routes;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /}, which a browser and an API client ask for different things: a request whose {@code Accept} prefers
 * HTML (every browser's navigation does) gets the studio's page, every other one the JSON it got before (the
 * DiffRhythm wrapper's {@code {name, version, docs, health}}; DiffRhythm's and FlashTTS's clients send {@code *}{@code
 * /*} or nothing). The built front end is served from the class path under {@code /studio/}. The page and its files
 * are open without the API key, since the page is where the key is typed in; every call it makes sends the key.
 */
public final class StudioRoutes implements Routes {
    /** Where the built front end sits on the class path and is served from. */
    static final String FOLDER = "studio";

    private final Handler json;
    private final @Nullable String page;

    /** @param json the answer for everything that is not a browser (today's JSON at {@code /}) */
    public StudioRoutes(Handler json) {
        this(json, read(FOLDER + "/index.html"));
    }

    StudioRoutes(Handler json, @Nullable String page) {
        this.json = json;
        this.page = page;
    }

    @Override
    public void addTo(JavalinConfig config) {
        if (page != null) {
            config.staticFiles.add(files -> {
                files.hostedPath = "/" + FOLDER;
                files.directory = "/" + FOLDER;
                files.location = Location.CLASSPATH;
                // the files keep their names from build to build, so a browser asks again each time (a 304 when
                // unchanged)
                files.headers = java.util.Map.of("Cache-Control", "no-cache");
            });
        }
        config.router.mount(router -> router.get("/", this::index));
    }

    @Override
    public boolean open(Context ctx) {
        String path = ctx.path();
        return ("GET".equals(ctx.method().name()) || "HEAD".equals(ctx.method().name()))
                && (path.startsWith("/" + FOLDER + "/")
                        || ("/".equals(path) && Accept.prefersHtml(ctx.header("Accept"))));
    }

    @OpenApi(
            path = "/",
            methods = HttpMethod.GET,
            summary = "The studio (browsers) or what this server is (API clients)",
            description = "A request whose Accept header prefers text/html over JSON (a browser) gets the web studio's"
                    + " page, open without the API key (the page asks for it). Any other request gets the DiffRhythm"
                    + " wrapper's root: {name, version, docs, health}.",
            tags = {"Server"},
            responses = {
                @OpenApiResponse(
                        status = "200",
                        content = {@OpenApiContent(type = "application/json"), @OpenApiContent(type = "text/html")})
            })
    void index(Context ctx) throws Exception {
        ctx.header("Vary", "Accept");
        if (!Accept.prefersHtml(ctx.header("Accept"))) {
            json.handle(ctx);
            return;
        }
        if (page == null) {
            // only a build that skipped the front end (an IDE's own compile) gets here: Maven's build fails without it
            ctx.status(503)
                    .contentType("text/plain; charset=utf-8")
                    .result("The studio was not built into this"
                            + " server (run mvn package, which needs npm). The API works: see /docs.");
            return;
        }
        ctx.header("Cache-Control", "no-cache").html(page);
    }

    private static @Nullable String read(String resource) {
        try (InputStream in = StudioRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }
}
