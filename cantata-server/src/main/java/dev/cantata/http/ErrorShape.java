package dev.cantata.http;

import io.javalin.http.Context;
import java.util.function.Predicate;

/** How one API family writes an error. */
@FunctionalInterface
public interface ErrorShape {
    void render(Context ctx, ApiException error);

    /**
     * The requests an error shape applies to (usually by path; {@code POST /api/generate} also by body type). A
     * fallback family applies only to requests no other family claims.
     */
    record Family(String name, Predicate<Context> requests, ErrorShape shape, boolean fallback) {
        public Family(String name, Predicate<Context> requests, ErrorShape shape) {
            this(name, requests, shape, false);
        }

        /** A family that owns the paths {@code paths} accepts. */
        public static Family ofPaths(String name, Predicate<String> paths, ErrorShape shape) {
            return new Family(name, ctx -> paths.test(ctx.path()), shape);
        }

        /** A family for the paths {@code paths} accepts that no other family claims. */
        public static Family fallbackFor(String name, Predicate<String> paths, ErrorShape shape) {
            return new Family(name, ctx -> paths.test(ctx.path()), shape, true);
        }
    }
}
