package dev.cantata.music;

import java.util.Map;

/**
 * A finished song: the master and the four stems ({@code vocals, drums, bass, other}) as 44.1 kHz interleaved stereo
 * of the same length, the {@link Score} it was made from (word timings come from it), and metadata (title, tempo, key,
 * style words not understood, lines dropped, soundfont, measured loudness and true peak).
 */
public record Song(float[] master, Map<String, float[]> stems, Score score, Map<String, Object> metadata) {
  public static final int RATE = InstrumentRenderer.RATE;

  public double seconds() {
    return master.length / 2.0 / RATE;
  }
}
