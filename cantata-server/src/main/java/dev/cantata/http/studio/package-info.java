/**
 * The web studio: the page a browser gets at {@code /} and the built front end under {@code /studio/} (its sources
 * are {@code cantata-server/src/main/studio}, built by Maven with npm into the jar). It talks to the server only
 * through the public API routes.
 */
@NullMarked
package dev.cantata.http.studio;

import org.jspecify.annotations.NullMarked;
