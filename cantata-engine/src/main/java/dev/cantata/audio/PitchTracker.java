package dev.cantata.audio;

import java.util.Arrays;

/**
 * Fundamental frequency by YIN (de Cheveigné and Kawahara, 2002): the cumulative-mean-normalised difference function,
 * an absolute threshold, and parabolic refinement of the lag. A frame is voiced when the normalised dip is below the
 * threshold and the frame is not near-silent.
 */
public final class PitchTracker {
    private final double minHz;
    private final double maxHz;
    private final double threshold;

    /** Tracks F0 between {@code minHz} and {@code maxHz}. */
    public PitchTracker(double minHz, double maxHz) {
        this(minHz, maxHz, 0.15);
    }

    public PitchTracker(double minHz, double maxHz, double threshold) {
        if (minHz <= 0 || maxHz <= minHz) {
            throw new IllegalArgumentException("bad F0 range " + minHz + "–" + maxHz);
        }
        this.minHz = minHz;
        this.maxHz = maxHz;
        this.threshold = threshold;
    }

    /** F0 per 10 ms hop (0 where unvoiced) over the whole signal. */
    public double[] track(Pcm pcm) {
        int rate = pcm.sampleRate();
        int hop = rate / 100;
        int maxLag = (int) Math.ceil(rate / minHz);
        int window = Math.max(maxLag, (int) (rate * 0.025));
        float[] x = pcm.samples();
        int frames = Math.max(0, (x.length - window - maxLag) / hop + 1);
        double[] f0 = new double[frames];
        double silence = 0.01 * Math.max(1e-9, pcm.peak());
        for (int i = 0; i < frames; i++) {
            f0[i] = frame(x, i * hop, window, rate, maxLag, silence);
        }
        return f0;
    }

    /** F0 of one frame starting at {@code start}, or 0 when unvoiced. */
    double frame(float[] x, int start, int window, int rate, int maxLag, double silence) {
        double energy = 0;
        for (int j = 0; j < window; j++) {
            energy += x[start + j] * x[start + j];
        }
        if (Math.sqrt(energy / window) < silence) {
            return 0;
        }
        int minLag = Math.max(2, (int) Math.floor(rate / maxHz));
        // The difference function is filled lag by lag and stops one lag past the dip YIN picks (the first under the
        // threshold, followed down to its bottom), not at the longest lag: for a voice well above the range's floor
        // that is about half the work, and every value it reads is the one the whole function would hold.
        double[] cmnd = new double[maxLag + 2];
        cmnd[0] = 1;
        double running = 0;
        int best = -1;
        for (int lag = 1; lag <= maxLag + 1; lag++) {
            double sum = 0;
            for (int j = 0; j < window; j++) {
                double diff = x[start + j] - x[start + j + lag];
                sum += diff * diff;
            }
            running += sum;
            cmnd[lag] = running == 0 ? 1 : sum * lag / running;
            if (best < 0) {
                if (lag >= minLag && lag <= maxLag && cmnd[lag] < threshold) {
                    best = lag;
                }
            } else if (lag <= maxLag && cmnd[lag] < cmnd[best]) {
                best = lag; // still going down into the dip
            } else {
                break; // cmnd[best + 1] is known: the dip's bottom and both its neighbours
            }
        }
        if (best < 0) {
            return 0;
        }
        double a = cmnd[best - 1];
        double b = cmnd[best];
        double c = cmnd[best + 1];
        double denominator = a - 2 * b + c;
        double shift = denominator == 0 ? 0 : 0.5 * (a - c) / denominator;
        double lag = best + Math.max(-1, Math.min(1, shift));
        return rate / lag;
    }

    /** The median of the voiced values, or 0 when none is voiced. */
    public static double median(double[] f0) {
        double[] voiced = Arrays.stream(f0).filter(v -> v > 0).sorted().toArray();
        return voiced.length == 0 ? 0 : voiced[voiced.length / 2];
    }

    /** The {@code q} quantile (0–1) of the voiced values, or 0 when none is voiced. */
    public static double quantile(double[] f0, double q) {
        double[] voiced = Arrays.stream(f0).filter(v -> v > 0).sorted().toArray();
        if (voiced.length == 0) {
            return 0;
        }
        return voiced[(int) Math.min(voiced.length - 1, Math.max(0, Math.round(q * (voiced.length - 1))))];
    }

    /** The share of frames that are voiced. */
    public static double voicedShare(double[] f0) {
        return f0.length == 0 ? 0 : Arrays.stream(f0).filter(v -> v > 0).count() / (double) f0.length;
    }
}
