package dev.cantata.audio;

/**
 * Band-limited sample-rate conversion by windowed-sinc interpolation (Blackman-Harris window, 24 zero crossings).
 * When lowering the rate the filter's cut-off moves down with it, so nothing above the new Nyquist frequency folds
 * back as aliasing.
 */
public final class Resampler {
  private static final int ZERO_CROSSINGS = 24;
  private static final double ROLL_OFF = 0.94;

  private Resampler() {}

  public static Pcm resample(Pcm in, int targetRate) {
    if (in.sampleRate() == targetRate) {
      return in;
    }
    return new Pcm(resample(in.samples(), in.sampleRate(), targetRate), targetRate);
  }

  public static float[] resample(float[] x, int fromRate, int toRate) {
    if (fromRate == toRate) {
      return x.clone();
    }
    double step = fromRate / (double) toRate;
    double cutoff = Math.min(1.0, toRate / (double) fromRate) * ROLL_OFF; // relative to the input's Nyquist
    double halfWidth = ZERO_CROSSINGS / cutoff; // in input samples
    int outLength = (int) ((long) x.length * toRate / fromRate);
    float[] y = new float[outLength];
    for (int n = 0; n < outLength; n++) {
      double t = n * step;
      int first = (int) Math.ceil(t - halfWidth);
      int last = (int) Math.floor(t + halfWidth);
      double sum = 0;
      for (int k = Math.max(0, first); k <= Math.min(x.length - 1, last); k++) {
        double d = t - k;
        sum += x[k] * cutoff * sinc(cutoff * d) * window(d / halfWidth);
      }
      y[n] = (float) sum;
    }
    return y;
  }

  private static double sinc(double v) {
    if (Math.abs(v) < 1e-9) {
      return 1;
    }
    double p = Math.PI * v;
    return Math.sin(p) / p;
  }

  /** Blackman-Harris over [-1, 1]. */
  private static double window(double u) {
    if (u <= -1 || u >= 1) {
      return 0;
    }
    double a = Math.PI * (u + 1); // 0..2π
    return 0.35875 - 0.48829 * Math.cos(a) + 0.14128 * Math.cos(2 * a) - 0.01168 * Math.cos(3 * a);
  }
}
