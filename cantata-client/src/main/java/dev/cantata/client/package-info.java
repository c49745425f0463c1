/**
 * A Java client for Cantata: the Suno dialect's song calls (named after the seed's Python functions), the DiffRhythm
 * task calls, and OpenAI-style speech. {@link dev.cantata.client.CantataClient} is immutable and built with a
 * builder; every failure is a {@link dev.cantata.client.CantataException}.
 */
@NullMarked
package dev.cantata.client;

import org.jspecify.annotations.NullMarked;
