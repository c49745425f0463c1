package dev.cantata.audio;

/**
 * Tempo from onsets: an onset-strength envelope (half-wave rectified spectral flux below 2 kHz, where kicks, snares,
 * bass and chords mark the beat; hi-hats above it mark the subdivisions and, measured, pulled the estimate to double
 * or two-thirds time), with the kick band (below 200 Hz) and the snare-and-chords band weighed equally so a backbeat
 * reads as one beat per beat; 200 frames a second; its autocorrelation; and for every candidate tempo from 50 to
 * 220 BPM a comb over four beat periods (read at fractional lags, so the answer is finer than a frame), weighted by
 * a broad prior around 120 BPM (1.2 octaves) that settles what octave ambiguity is left; then a check that the
 * beat is not two-thirds of the real one, which music filled with eighths also fits ({@code eighths}).
 */
public final class TempoEstimator {
    private static final int FRAME = 1024;

    /** How nearly the faster tempo's comb must fit for {@code eighths} to take it. */
    private static final double AS_WELL = 0.9;

    /** How many times the slower tempo's share of half-beat onsets the faster one's must hold. */
    private static final double HALVES_MORE = 2;

    private TempoEstimator() {}

    /** Where the beats are: {@code bpm} beats a minute, one of them {@code phase} seconds after the start. */
    public record Beats(double bpm, double phase) {
        public double period() {
            return 60 / bpm;
        }
    }

    /** Beats per minute of mono or mixed-down audio. */
    public static double bpm(Pcm pcm) {
        return track(pcm).bpm();
    }

    /**
     * The tempo (as {@link #bpm}) and the beats' phase: the offset whose beat positions collect the most onset
     * strength, to a frame (5 ms).
     */
    public static Beats track(Pcm pcm) {
        int rate = pcm.sampleRate();
        int hop = rate / 200;
        float[] x = pcm.samples();
        int frames = (x.length - FRAME) / hop;
        if (frames < 400) {
            throw new IllegalArgumentException("at least a few seconds of audio are needed to estimate a tempo");
        }
        double[] previous = null;
        int split = Math.max(2, (int) (200.0 * FRAME / rate));
        int top = Math.min(FRAME / 2, (int) (2000.0 * FRAME / rate));
        double[] low = new double[frames];
        double[] mid = new double[frames];
        for (int f = 0; f < frames; f++) {
            double[] mag = Fft.magnitudes(x, f * hop, FRAME);
            if (previous != null) {
                for (int k = 1; k <= top; k++) {
                    double rise = Math.max(0, mag[k] - previous[k]);
                    if (k < split) {
                        low[f] += rise;
                    } else {
                        mid[f] += rise;
                    }
                }
            }
            previous = mag;
        }
        // the kick (low band) and the snare and chords (mid band) weigh the same, so a backbeat reads as one beat per
        // beat rather than a kick every two beats
        double lowMean = java.util.Arrays.stream(low).average().orElse(1) + 1e-9;
        double midMean = java.util.Arrays.stream(mid).average().orElse(1) + 1e-9;
        double[] flux = new double[frames];
        for (int f = 0; f < frames; f++) {
            flux[f] = low[f] / lowMean + mid[f] / midMean;
        }
        // remove the slow trend so sustained loudness does not look like periodicity
        double[] onset = new double[frames];
        int half = 20;
        for (int f = 0; f < frames; f++) {
            double mean = 0;
            int n = 0;
            for (int j = Math.max(0, f - half); j <= Math.min(frames - 1, f + half); j++) {
                mean += flux[j];
                n++;
            }
            onset[f] = Math.max(0, flux[f] - mean / n);
        }
        int maxLag = (int) Math.ceil(200 * 60.0 / 50 * 4) + 2;
        double[] acf = new double[Math.min(maxLag, frames - 1)];
        for (int lag = 0; lag < acf.length; lag++) {
            double s = 0;
            for (int f = lag; f < frames; f++) {
                s += onset[f] * onset[f - lag];
            }
            acf[lag] = s / (frames - lag);
        }
        double best = eighths(acf, strongest(50, 220, bpm -> {
            double octaves = Math.log(bpm / 120) / Math.log(2);
            return comb(acf, bpm, 0) * Math.exp(-0.5 * octaves * octaves / (1.2 * 1.2));
        }));
        double period = 200 * 60.0 / best;
        double bestPhase = 0;
        double bestSum = -1;
        for (int p = 0; p < Math.ceil(period); p++) {
            double sum = 0;
            for (double f = p; f < frames; f += period) {
                sum += at(onset, f);
            }
            if (sum > bestSum) {
                bestSum = sum;
                bestPhase = p;
            }
        }
        // a frame's flux is the rise as the onset enters its window; half a frame later is where it was heard
        double phase = (bestPhase * hop + FRAME / 2.0) / rate;
        return new Beats(best, phase % (60 / best));
    }

    /**
     * The comb's score at {@code bpm}: the autocorrelation at four beat periods, each moved by {@code offset} of a
     * period (0: on the beats; 0.5: halfway between them).
     */
    private static double comb(double[] acf, double bpm, double offset) {
        double period = 200 * 60.0 / bpm;
        double score = 0;
        for (int k = 1; k <= 4; k++) {
            score += at(acf, (k - offset) * period);
        }
        return score;
    }

    /**
     * {@code bpm}, or the tempo half as fast again when that is the beat: rock, punk and metal fill their beats with
     * eighths, so a comb one and a half beats wide fits them too (every third eighth falls on a beat), and the prior,
     * nearer 120, chose it (170 and 190 BPM songs were heard at 113 and 126). The faster tempo is the beat when its
     * comb fits nearly as well ({@link #AS_WELL}) and its half-beats, where the eighths are, carry onsets that the
     * slower one's half-beats lack ({@link #HALVES_MORE} times their share).
     */
    private static double eighths(double[] acf, double bpm) {
        double faster = bpm * 1.5;
        if (faster - 1.5 > 220) {
            return bpm;
        }
        double best = strongest(faster - 1.5, Math.min(220, faster + 1.5), b -> comb(acf, b, 0));
        double slow = comb(acf, bpm, 0);
        double fast = comb(acf, best, 0);
        boolean fits = fast >= AS_WELL * slow;
        boolean halves = comb(acf, best, 0.5) / fast > HALVES_MORE * Math.max(1e-12, comb(acf, bpm, 0.5) / slow);
        return fits && halves ? best : bpm;
    }

    /** The tempo from {@code from} to {@code to} BPM, in 0.05 BPM steps, that {@code score} rates highest. */
    private static double strongest(double from, double to, java.util.function.DoubleUnaryOperator score) {
        double best = from;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (double bpm = from; bpm <= to; bpm += 0.05) {
            double s = score.applyAsDouble(bpm);
            if (s > bestScore) {
                bestScore = s;
                best = bpm;
            }
        }
        return best;
    }

    private static double at(double[] v, double index) {
        int i = (int) Math.floor(index);
        if (i + 1 >= v.length) {
            return 0;
        }
        double t = index - i;
        return v[i] * (1 - t) + v[i + 1] * t;
    }
}
