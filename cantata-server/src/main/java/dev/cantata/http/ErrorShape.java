package dev.cantata.http;

import io.javalin.http.Context;
import java.util.function.Predicate;

/** How one API family writes an error. */
@FunctionalInterface
public interface ErrorShape {
    void render(Context ctx, ApiException error);

    /** The requests an error shape applies to (usually by path; {@code POST /api/generate} also by body type). */
    record Family(String name, Predicate<Context> requests, ErrorShape shape) {
        /** A family that owns the paths {@code paths} accepts. */
        public static Family ofPaths(String name, Predicate<String> paths, ErrorShape shape) {
            return new Family(name, ctx -> paths.test(ctx.path()), shape);
        }
    }
}
