package dev.cantata.audio;

/**
 * Changes duration without changing pitch, by WSOLA (waveform-similarity overlap-add): 40 ms Hann frames are taken from
 * the input at the stretched hop, each shifted by up to ±12 ms to where it best continues the output, and overlapped
 * at half a frame. The output's length is the input's times {@code factor}, to the sample.
 */
public final class TimeStretch {
    private TimeStretch() {}

    /** Stretches {@code in} to {@code factor} times its duration (0.25 = four times faster, 2 = half speed). */
    public static Pcm stretch(Pcm in, double factor) {
        if (!(factor >= 0.1 && factor <= 10)) {
            throw new IllegalArgumentException("stretch factor " + factor + " is outside 0.1–10");
        }
        int targetLength = (int) Math.round(in.length() * factor);
        if (Math.abs(factor - 1) < 1e-6 || in.length() == 0) {
            return in;
        }
        int rate = in.sampleRate();
        int frame = Math.max(64, (int) (rate * 0.040)) & ~1;
        int hop = frame / 2;
        int tolerance = (int) (rate * 0.012);
        float[] x = in.samples();
        float[] y = new float[targetLength + frame];
        float[] norm = new float[targetLength + frame];
        double[] window = new double[frame];
        for (int i = 0; i < frame; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / frame);
        }
        int previous = 0; // where the last frame was read from
        for (int out = 0; out < targetLength; out += hop) {
            int nominal = (int) Math.round(out / factor);
            int from = out == 0 ? 0 : bestOffset(x, previous + hop, nominal, tolerance, hop);
            for (int i = 0; i < frame && out + i < y.length; i++) {
                int at = from + i;
                float sample = at >= 0 && at < x.length ? x[at] : 0;
                y[out + i] += (float) (sample * window[i]);
                norm[out + i] += (float) window[i];
            }
            previous = from;
        }
        float[] result = new float[targetLength];
        for (int i = 0; i < targetLength; i++) {
            result[i] = norm[i] > 1e-3 ? y[i] / norm[i] : y[i];
        }
        return new Pcm(result, rate);
    }

    /**
     * The read position near {@code nominal} whose next {@code length} samples best match the natural continuation of
     * the previous frame (the samples at {@code natural}).
     */
    private static int bestOffset(float[] x, int natural, int nominal, int tolerance, int length) {
        int best = nominal;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int candidate = nominal - tolerance; candidate <= nominal + tolerance; candidate++) {
            double dot = 0;
            double energy = 1e-9;
            for (int i = 0; i < length; i += 2) {
                int a = natural + i;
                int b = candidate + i;
                float xa = a >= 0 && a < x.length ? x[a] : 0;
                float xb = b >= 0 && b < x.length ? x[b] : 0;
                dot += xa * xb;
                energy += xb * xb;
            }
            double score = dot / Math.sqrt(energy);
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }
}
