package dev.cantata.audio;

/**
 * Key and mode from a chromagram: the magnitude spectrum of 4096-sample frames, folded onto the twelve pitch classes
 * between 65 Hz and 2 kHz, summed over the recording, and correlated with the Krumhansl-Kessler major and minor key
 * profiles in all twelve rotations.
 */
public final class KeyEstimator {
  private static final double[] MAJOR = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
  private static final double[] MINOR = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};
  private static final int FRAME = 4096;

  private KeyEstimator() {}

  /** A key: tonic pitch class (0 = C) and mode. */
  public record Key(int tonic, boolean minor) {}

  public static Key estimate(Pcm pcm) {
    double[] chroma = chroma(pcm);
    Key best = new Key(0, false);
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int tonic = 0; tonic < 12; tonic++) {
      for (boolean minor : new boolean[] {false, true}) {
        double[] profile = minor ? MINOR : MAJOR;
        double[] rotated = new double[12];
        for (int i = 0; i < 12; i++) {
          rotated[(i + tonic) % 12] = profile[i];
        }
        double score = correlation(chroma, rotated);
        if (score > bestScore) {
          bestScore = score;
          best = new Key(tonic, minor);
        }
      }
    }
    return best;
  }

  static double[] chroma(Pcm pcm) {
    int rate = pcm.sampleRate();
    double[] chroma = new double[12];
    int lo = (int) Math.ceil(65.0 * FRAME / rate);
    int hi = (int) Math.floor(2000.0 * FRAME / rate);
    int[] pitchClass = new int[hi + 1];
    for (int k = lo; k <= hi; k++) {
      double midi = 69 + 12 * Math.log(k * (double) rate / FRAME / 440) / Math.log(2);
      pitchClass[k] = Math.floorMod((int) Math.round(midi), 12);
    }
    for (int start = 0; start + FRAME <= pcm.length(); start += FRAME / 2) {
      double[] mag = Fft.magnitudes(pcm.samples(), start, FRAME);
      double[] frame = new double[12];
      double total = 0;
      for (int k = lo; k <= hi; k++) {
        frame[pitchClass[k]] += mag[k];
        total += mag[k];
      }
      if (total > 1e-6) {
        for (int i = 0; i < 12; i++) {
          chroma[i] += frame[i] / total; // each frame counts once, however loud
        }
      }
    }
    return chroma;
  }

  private static double correlation(double[] a, double[] b) {
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < 12; i++) {
      ma += a[i] / 12;
      mb += b[i] / 12;
    }
    double num = 0;
    double da = 0;
    double db = 0;
    for (int i = 0; i < 12; i++) {
      num += (a[i] - ma) * (b[i] - mb);
      da += (a[i] - ma) * (a[i] - ma);
      db += (b[i] - mb) * (b[i] - mb);
    }
    return num / Math.sqrt(da * db + 1e-12);
  }
}
