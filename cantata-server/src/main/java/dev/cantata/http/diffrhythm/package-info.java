/** The DiffRhythm wrapper's song API (multipart uploads, async tasks, WAV downloads) on Cantata's durable tasks. */
@NullMarked
package dev.cantata.http.diffrhythm;

import org.jspecify.annotations.NullMarked;
