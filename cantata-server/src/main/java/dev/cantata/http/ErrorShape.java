package dev.cantata.http;

import io.javalin.http.Context;
import java.util.function.Predicate;

/** How one API family writes an error. */
@FunctionalInterface
public interface ErrorShape {
  void render(Context ctx, ApiException error);

  /** The paths an error shape applies to. */
  record Family(String name, Predicate<String> paths, ErrorShape shape) {}
}
