package dev.cantata.http;

import io.javalin.config.JavalinConfig;

/** A group of routes (one API dialect, or the server's own) that adds itself to the server's configuration. */
@FunctionalInterface
public interface Routes {
    void addTo(JavalinConfig config);

    /** The error shapes of the paths this group owns; none means FastAPI's {@code {"detail": …}}. */
    default java.util.List<ErrorShape.Family> errorFamilies() {
        return java.util.List.of();
    }

    /** Whether this request is one this group serves without the API key (the studio's page); none by default. */
    default boolean open(io.javalin.http.Context ctx) {
        return false;
    }
}
