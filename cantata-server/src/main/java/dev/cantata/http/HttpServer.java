package dev.cantata.http;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.openapi.plugin.OpenApiPlugin;
import io.javalin.openapi.plugin.swagger.SwaggerPlugin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front: one Javalin app on the main port and any extra ports, CORS for the configured origins (any, like the
 * upstream servers, by default), limits that keep one client from holding the node (a body size limit on the bytes
 * read, form fields up to that size, an idle timeout and a minimum body rate), one log line per request, and the API
 * documentation (OpenAPI at {@code /openapi.json}, Swagger UI at
 * {@code /docs}, ReDoc at {@code /redoc}) generated from the route annotations and served from webjars, no CDN.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("dev.cantata.http.requests");

    /** Where and how to listen. */
    public record Options(
            String host,
            int port,
            List<Integer> extraPorts,
            long maxRequestBytes,
            Duration shutdownGrace,
            String version,
            @Nullable String apiKey,
            Duration idleTimeout,
            long minRequestRate,
            List<String> corsOrigins) {
        public Options {
            extraPorts = List.copyOf(extraPorts);
            corsOrigins = List.copyOf(corsOrigins);
        }

        /** Options with the settings' defaults for the limits and CORS. */
        public Options(
                String host,
                int port,
                List<Integer> extraPorts,
                long maxRequestBytes,
                Duration shutdownGrace,
                String version,
                @Nullable String apiKey) {
            this(
                    host,
                    port,
                    extraPorts,
                    maxRequestBytes,
                    shutdownGrace,
                    version,
                    apiKey,
                    Duration.ofSeconds(30),
                    4096,
                    List.of("*"));
        }
    }

    private final Javalin app;
    private final List<ServerConnector> connectors = new ArrayList<>();
    private final long stopGraceMillis;

    public HttpServer(Options options, List<Routes> routes) {
        this.stopGraceMillis = options.shutdownGrace().toMillis();
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            long maxBytes = options.maxRequestBytes();
            config.http.maxRequestSize = maxBytes;
            // A path with routes asked with another method is 405 Method Not Allowed, as FastAPI answers, not 404.
            config.http.prefer405over404 = true;
            // StatisticsHandler makes Jetty's stop graceful: connectors close, then requests in flight finish. Inside
            // it, BodyLimit counts what is read; Javalin puts its servlet inside the innermost wrapper.
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(options.shutdownGrace().toMillis());
                StatisticsHandler statistics = new StatisticsHandler();
                statistics.setHandler(new BodyLimit(maxBytes, options.minRequestRate()));
                server.setHandler(statistics);
            });
            // Form fields (base64 audio in a FlashTTS form) may be as large as the body; Jetty's default is 200 KB.
            int formLimit = (int) Math.min(maxBytes, Integer.MAX_VALUE);
            config.jetty.modifyServletContextHandler(context -> context.setMaxFormContentSize(formLimit));
            config.jetty.multipartConfig.maxFileSize(maxBytes, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(maxBytes, SizeUnit.BYTES);
            // Javalin makes no connector of its own once one is added, so every port, the main one first, is ours.
            List<Integer> ports = new ArrayList<>();
            ports.add(options.port());
            ports.addAll(options.extraPorts());
            for (int port : ports) {
                config.jetty.addConnector((server, http) -> {
                    // A body that trickles in holds a server thread while it is read: it must keep a minimum rate
                    // (BodyLimit checks it on each read, after a grace Jetty's own check lacks) and may not stall
                    // for longer than the idle timeout. A request that waits without I/O (Suno's audio_url asked
                    // for early) is not subject to either.
                    http.setIdleTimeout(options.idleTimeout().toMillis());
                    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                    connector.setIdleTimeout(options.idleTimeout().toMillis());
                    connector.setHost(options.host());
                    connector.setPort(port);
                    connectors.add(connector);
                    return connector;
                });
            }
            List<String> origins = options.corsOrigins();
            config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                if (origins.contains("*")) {
                    rule.anyHost();
                } else {
                    rule.allowHost(
                            origins.get(0), origins.subList(1, origins.size()).toArray(String[]::new));
                }
            }));
            config.requestLogger.http((ctx, ms) ->
                    LOG.info("{} {} {} {} ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms)));
            config.registerPlugin(new OpenApiPlugin(openApi -> openApi.withDocumentationPath("/openapi.json")
                    .withDefinitionConfiguration((version, definition) -> definition.withInfo(info -> {
                        info.setTitle("Cantata");
                        info.setVersion(options.version());
                        info.setDescription("Song and speech generation: Suno-, DiffRhythm-, FlashTTS- and"
                                + " OpenAI-compatible APIs on one server.");
                    }))));
            config.registerPlugin(new SwaggerPlugin(swagger -> {
                swagger.setUiPath("/docs");
                swagger.setDocumentationPath("/openapi.json");
                swagger.setTitle("Cantata API");
                // The default validator is a remote service: an offline server must not call out.
                swagger.setValidatorUrl(null);
            }));
            // ReDoc's plugin page pulls fonts from a CDN; ours loads only the webjar served here.
            String redoc = ReDocPage.html();
            config.staticFiles.enableWebjars();
            config.router.mount(router -> router.get("/redoc", ctx -> ctx.html(redoc)));
            for (Routes group : routes) {
                group.addTo(config);
            }
        });
        List<ErrorShape.Family> families = new ArrayList<>();
        for (Routes group : routes) {
            families.addAll(group.errorFamilies());
        }
        ErrorMapper errors = new ErrorMapper(families);
        errors.install(app);
        if (options.apiKey() != null) {
            byte[] expected = ("Bearer " + options.apiKey()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            app.before(ctx -> {
                if (ctx.method() == io.javalin.http.HandlerType.OPTIONS
                        || routes.stream().anyMatch(group -> group.open(ctx))) {
                    return;
                }
                String given = ctx.header("Authorization");
                byte[] actual = given == null ? new byte[0] : given.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (!java.security.MessageDigest.isEqual(expected, actual)) {
                    throw new ApiException(
                            401, "Unauthorized: send Authorization: Bearer <API key>", null, "invalid_api_key");
                }
            });
        }
        app.before(ctx -> {
            long declared = ctx.req().getContentLengthLong();
            if (declared > options.maxRequestBytes()) {
                throw new ApiException(
                        413,
                        "request body of " + declared + " bytes is over the limit of " + options.maxRequestBytes());
            }
        });
    }

    /** Starts listening on every port. */
    public HttpServer start() {
        app.start();
        return this;
    }

    /** The main port actually bound (useful when 0 asked for any free one). */
    public int port() {
        return connectors.get(0).getLocalPort();
    }

    /** The extra ports actually bound. */
    public List<Integer> extraPorts() {
        return connectors.stream().skip(1).map(ServerConnector::getLocalPort).toList();
    }

    /**
     * Stops accepting connections, lets requests in flight finish within the grace period, then stops. Jetty stops
     * the server whether or not they finished, and reports the ones that did not as a timeout afterwards: that is
     * logged, not thrown, since the server is stopped either way (a suspended request whose client vanished can hold
     * the graceful wait to its end).
     */
    @Override
    public void close() {
        try {
            app.stop();
        } catch (io.javalin.util.JavalinException e) {
            if (!(e.getCause() instanceof java.util.concurrent.TimeoutException)) {
                throw e;
            }
            LOG.warn("stopped with requests still in flight after the {} ms grace", stopGraceMillis);
        }
    }
}
