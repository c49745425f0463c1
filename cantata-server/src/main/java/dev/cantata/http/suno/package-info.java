/**
 * The Suno dialect (gcui-art/suno-api): two clips a request polled by id, quota in credits, lyrics written from a
 * description, covers, stems and aligned lyrics from the score; errors are {@code {"error": …}}.
 */
@NullMarked
package dev.cantata.http.suno;

import org.jspecify.annotations.NullMarked;
