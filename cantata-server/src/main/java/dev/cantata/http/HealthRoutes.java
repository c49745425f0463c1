package dev.cantata.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/health}: 200 {@code healthy} while every check passes; 503 {@code degraded} with the problems when
 * one does not (no running workers, no database, a damaged database file, a full disk), so a load balancer or an
 * orchestrator stops sending work to a node that cannot do it.
 */
public final class HealthRoutes implements Routes {
    private final String version;
    private final List<HealthCheck> checks;

    public HealthRoutes(String version, List<HealthCheck> checks) {
        this.version = version;
        this.checks = List.copyOf(checks);
    }

    @Override
    public void addTo(JavalinConfig config) {
        config.router.mount(router -> router.get("/api/health", this::health));
    }

    @OpenApi(
            path = "/api/health",
            methods = HttpMethod.GET,
            summary = "Health check",
            description = "200 {status: healthy} while the node can do its work; 503 {status: degraded, problems: […]}"
                    + " when it cannot (workers missing, database unreachable or damaged, disk nearly full). The shape of the"
                    + " DiffRhythm wrapper's health route, plus problems.",
            tags = {"Server"},
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Health.class)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = Health.class))
            })
    void health(Context ctx) {
        List<String> problems = checks.stream()
                .map(HealthCheck::problem)
                .flatMap(Optional::stream)
                .toList();
        if (problems.isEmpty()) {
            ctx.json(new Health("healthy", "Cantata is running", version, problems));
        } else {
            ctx.status(503)
                    .json(new Health(
                            "degraded",
                            "Cantata is running but cannot do all its work: " + String.join("; ", problems),
                            version,
                            problems));
        }
    }
}
