package dev.cantata.testing;

import dev.cantata.audio.Pcm;
import dev.cantata.audio.PitchTracker;
import dev.cantata.audio.WavFile;

/** Reference recordings with known answers, and measurements of responses. */
public final class Voices {
  private Voices() {}

  /** A vowel-like voice: pulses at {@code hz} through two resonances, as a WAV file. */
  public static byte[] vowelWav(double hz, double seconds) {
    int rate = 22_050;
    int n = (int) (seconds * rate);
    float[] x = new float[n];
    double phase = 0;
    double a1 = 0;
    double a2 = 0;
    double b1 = 0;
    double b2 = 0;
    double r1 = Math.exp(-Math.PI * 90 / rate);
    double c1 = 2 * r1 * Math.cos(2 * Math.PI * 700 / rate);
    double r2 = Math.exp(-Math.PI * 110 / rate);
    double c2 = 2 * r2 * Math.cos(2 * Math.PI * 1200 / rate);
    for (int i = 0; i < n; i++) {
      phase += hz * (1 + 0.03 * Math.sin(2 * Math.PI * 4 * i / rate)) / rate;
      double pulse = 0;
      if (phase >= 1) {
        phase -= 1;
        pulse = 1;
      }
      double a = pulse + c1 * a1 - r1 * r1 * a2;
      a2 = a1;
      a1 = a;
      double b = a + c2 * b1 - r2 * r2 * b2;
      b2 = b1;
      b1 = b;
      x[i] = (float) b;
    }
    float peak = 0;
    for (float v : x) {
      peak = Math.max(peak, Math.abs(v));
    }
    for (int i = 0; i < n; i++) {
      x[i] = x[i] / peak * 0.5f;
    }
    return WavFile.bytes(new Pcm(x, rate));
  }

  public static double medianF0(float[] samples, int rate) {
    return PitchTracker.median(new PitchTracker(50, 500).track(new Pcm(samples, rate)));
  }
}
