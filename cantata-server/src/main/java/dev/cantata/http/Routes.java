package dev.cantata.http;

import io.javalin.config.JavalinConfig;

/** A group of routes (one API dialect, or the server's own) that adds itself to the server's configuration. */
@FunctionalInterface
public interface Routes {
  void addTo(JavalinConfig config);
}
