package dev.cantata.music;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The white-noise riser of pop and dance production, into each chorus that follows another section: noise through a
 * band-pass whose centre sweeps up from {@link #FROM_HZ} to {@link #TO_HZ} while its level climbs {@link #RISE_DB}, over
 * the last two bars before the chorus (one when the section before is shorter than four), cut on the chorus's
 * downbeat, where the crash takes over. Its end sits {@link #UNDER_DB} under the chorus's own first bar in the stem
 * it joins, so it leads into the chorus rather than covering it.
 */
final class Riser {
    static final double FROM_HZ = 250;
    static final double TO_HZ = 8000;
    static final double RISE_DB = 24;
    static final double UNDER_DB = 6;

    /** The band-pass's Q: about two-thirds of an octave wide, a sweep that is heard as a pitch rising. */
    private static final double Q = 2.0;

    /** The filter's centre is recomputed every this many frames (0.7 ms: far finer than a sweep moves). */
    private static final int BLOCK = 32;

    private Riser() {}

    /**
     * Adds the risers into {@code stem} (interleaved stereo at {@code rate}) for {@code score}, in genres with {@link
     * Genre.Trait#RISER}; each riser's noise is its own, seeded by where its chorus starts.
     */
    static void add(float[] stem, Score score, Genre genre, int rate) {
        if (!genre.has(Genre.Trait.RISER)) {
            return;
        }
        List<Score.Span> sections = score.sections();
        for (int s = 1; s < sections.size(); s++) {
            Score.Span chorus = sections.get(s);
            Score.Span before = sections.get(s - 1);
            if (chorus.part() != Lyrics.Part.CHORUS || before.part() == Lyrics.Part.CHORUS) {
                continue;
            }
            double seconds = score.barSeconds() * (before.bars() >= 4 ? 2 : 1);
            int end = (int) Math.round(chorus.start() * rate);
            int start = Math.max((int) Math.round(before.start() * rate), end - (int) Math.round(seconds * rate));
            int bar = (int) Math.round(score.barSeconds() * rate);
            double target = rms(stem, end, Math.min(stem.length / 2, end + bar)) * Math.pow(10, -UNDER_DB / 20);
            if (end - start < rate / 4 || !(target > 1e-6)) {
                continue;
            }
            sweep(stem, start, end, target, rate, new SplittableRandom(0x52495345L ^ end)); // "RISE"
        }
    }

    /**
     * One riser over frames {@code [from, to)}: a mid noise and a side noise at half its level (wide, yet far from
     * out of phase), each through its own sweeping band-pass, scaled so its last 50 ms sit at RMS {@code target}.
     */
    static void sweep(float[] stem, int from, int to, double target, int rate, SplittableRandom random) {
        int n = to - from;
        float[] mid = new float[n];
        float[] side = new float[n];
        Sweep m = new Sweep();
        Sweep sd = new Sweep();
        for (int i = 0; i < n; i++) {
            double x = i / (double) n;
            if (i % BLOCK == 0) {
                double hz = FROM_HZ * Math.pow(TO_HZ / FROM_HZ, x);
                m.tune(hz, rate);
                sd.tune(hz, rate);
            }
            double level = Math.pow(10, RISE_DB * (x - 1) / 20);
            mid[i] = (float) (m.next(random.nextDouble() * 2 - 1) * level);
            side[i] = (float) (sd.next(random.nextDouble() * 2 - 1) * level * 0.5);
        }
        int tail = Math.min(n, rate / 20);
        double sum = 0;
        for (int i = n - tail; i < n; i++) {
            sum += (mid[i] * mid[i] + side[i] * side[i]);
        }
        double gain = target / Math.sqrt(sum / tail);
        int fade = rate / 200; // 5 ms, so the cut does not click
        for (int i = 0; i < n; i++) {
            double g = gain * Math.min(1, (n - i) / (double) fade);
            int at = from + i;
            stem[2 * at] += (float) ((mid[i] + side[i]) * g);
            stem[2 * at + 1] += (float) ((mid[i] - side[i]) * g);
        }
    }

    private static double rms(float[] stereo, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (stereo[2 * i] * stereo[2 * i] + stereo[2 * i + 1] * stereo[2 * i + 1]) / 2;
        }
        return to > from ? Math.sqrt(sum / (to - from)) : 0;
    }

    /**
     * A band-pass that may be retuned as it runs: two trapezoidal state-variable filters in series (Zavalishin, "The
     * Art of VA Filter Design", 2012, ch. 4), which stay stable and click-free while their frequency moves, as a
     * biquad does not; in series their skirts fall 12 dB an octave, so the sweep is heard as a pitch.
     */
    private static final class Sweep {
        private double a1;
        private double a2;
        private double a3;
        private final double[] s1 = new double[2];
        private final double[] s2 = new double[2];

        void tune(double hz, int rate) {
            double g = Math.tan(Math.PI * Math.min(hz, rate * 0.45) / rate);
            double k = 1 / Q;
            a1 = 1 / (1 + g * (g + k));
            a2 = g * a1;
            a3 = g * a2;
        }

        /** The output for input {@code x}, each stage normalised to unity gain at the centre (×k). */
        double next(double x) {
            double y = x;
            for (int stage = 0; stage < 2; stage++) {
                double v3 = y - s2[stage];
                double v1 = a1 * s1[stage] + a2 * v3;
                double v2 = s2[stage] + a2 * s1[stage] + a3 * v3;
                s1[stage] = 2 * v1 - s1[stage];
                s2[stage] = 2 * v2 - s2[stage];
                y = v1 / Q;
            }
            return y;
        }
    }
}
