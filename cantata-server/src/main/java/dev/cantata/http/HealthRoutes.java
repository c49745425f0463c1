package dev.cantata.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;

/** {@code GET /api/health}: answers while the server can serve. */
public final class HealthRoutes implements Routes {
  private final String version;

  public HealthRoutes(String version) {
    this.version = version;
  }

  @Override
  public void addTo(JavalinConfig config) {
    config.router.mount(router -> router.get("/api/health", this::health));
  }

  @OpenApi(
      path = "/api/health",
      methods = HttpMethod.GET,
      summary = "Health check",
      description = "Answers 200 while the server is up; the shape of the DiffRhythm wrapper's health route.",
      tags = {"Server"},
      responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = Health.class))})
  void health(Context ctx) {
    ctx.json(new Health("healthy", "Cantata is running", version));
  }
}
