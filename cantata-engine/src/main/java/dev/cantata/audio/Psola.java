package dev.cantata.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;

/**
 * Time-domain pitch-synchronous overlap-add (TD-PSOLA; Moulines and Charpentier, "Pitch-synchronous waveform processing
 * techniques for text-to-speech synthesis using diphones", Speech Communication 9, 1990): a voiced sound is cut into
 * two-period Hann grains centred on its pitch marks (one per glottal period, each at the same phase of its period as
 * the one before: {@link #marks}), and the grains are laid again one target period apart, each taken from the analysis
 * time the time map gives. The spectral envelope (the vowel) stays where it was while F0 follows any contour and the
 * length becomes any length: what a singer's voice does to a spoken syllable.
 *
 * <p>The overlap-added windows are normalised by their sum, so the loudness does not pulse where target periods differ
 * from the analysis ones (Hann windows sum to one only at half-window spacing).
 */
public final class Psola {
    /** F0 assumed where the analysis finds no voicing at all (a whispered or unvoiced input). */
    static final double FALLBACK_HZ = 150;

    private Psola() {}

    /**
     * What PSOLA reads of a sound before it lays any grain: the sound, its F0 every {@code hop} seconds as tracked (0
     * where unvoiced), that F0 filled and smoothed, and the pitch marks found on it. One analysis serves every render
     * of the same sound (a chorus's lead feeds two harmonies): the mark search is most of a shift's work. Made by
     * {@link #analyse}; its arrays are shared, not copied, and compare by identity.
     */
    public record Analysis(float[] x, int rate, double hop, double[] f0, double[] filled, int[] marks) {
        public Analysis {
            if (rate <= 0 || !(hop > 0) || filled.length != f0.length) {
                throw new IllegalArgumentException("an analysis needs a rate, a hop and an F0 filled frame for frame: "
                        + rate + " Hz, " + hop + " s, " + f0.length + " and " + filled.length + " frames");
            }
            if (x.length >= 4 && marks.length == 0) {
                throw new IllegalArgumentException("a sound of " + x.length + " samples has pitch marks to render by");
            }
            for (int i = 0; i < marks.length; i++) {
                if (marks[i] < 0 || marks[i] >= x.length || (i > 0 && marks[i] <= marks[i - 1])) {
                    throw new IllegalArgumentException(
                            "pitch marks rise inside the sound: mark " + i + " at " + marks[i] + " of " + x.length);
                }
            }
        }
    }

    /** The analysis of {@code x} (mono at {@code rate}) with its F0 {@code f0} every {@code hop} seconds. */
    public static Analysis analyse(float[] x, int rate, double[] f0, double hop) {
        double[] filled = smoothed(filled(f0));
        int[] marks = x.length < 4
                ? new int[0]
                : marks(x, rate, filled, hop).stream()
                        .mapToInt(Integer::intValue)
                        .toArray();
        return new Analysis(x, rate, hop, f0, filled, marks);
    }

    /**
     * Re-times and re-pitches {@code x}.
     *
     * @param x the voiced sound, mono at {@code rate}
     * @param f0 its F0 every {@code hop} seconds (0 where unvoiced: the nearest voiced value is used)
     * @param outLength how many samples to make
     * @param timeMap for an output time in seconds, the input time to take the sound from (within the input)
     * @param targetHz for an output time in seconds, the F0 to sing there
     */
    public static float[] render(
            float[] x,
            int rate,
            double[] f0,
            double hop,
            int outLength,
            DoubleUnaryOperator timeMap,
            DoubleUnaryOperator targetHz) {
        return render(analyse(x, rate, f0, hop), outLength, timeMap, targetHz);
    }

    /** {@link #render(float[], int, double[], double, int, DoubleUnaryOperator, DoubleUnaryOperator)} of an analysis. */
    public static float[] render(
            Analysis analysis, int outLength, DoubleUnaryOperator timeMap, DoubleUnaryOperator targetHz) {
        return render(analysis, outLength, timeMap, targetHz, t -> true);
    }

    /**
     * That render where only some of it is wanted: a grain is laid only where {@code laid} holds at its centre (output
     * seconds). The grains are placed as in the whole render, so wherever every grain reaching a sample is laid, that
     * sample is the whole render's exactly; the rest is silent. A grain reaches a period either side of its centre.
     */
    public static float[] render(
            Analysis analysis,
            int outLength,
            DoubleUnaryOperator timeMap,
            DoubleUnaryOperator targetHz,
            DoublePredicate laid) {
        float[] x = analysis.x();
        int rate = analysis.rate();
        float[] out = new float[outLength];
        if (x.length < 4 || outLength == 0) {
            return out;
        }
        double[] filled = analysis.filled();
        int[] marks = analysis.marks();
        double[] norm = new double[outLength];
        double[][] windows = new double[rate / 2 + 2][];
        double t = 0;
        while (t < outLength) {
            double seconds = t / rate;
            double hz = targetHz.applyAsDouble(seconds);
            double step = rate / Math.max(40, Math.min(1500, hz > 0 ? hz : FALLBACK_HZ));
            if (!laid.test(seconds)) {
                t += step;
                continue;
            }
            double inputSeconds = Math.max(0, Math.min(x.length - 1, timeMap.applyAsDouble(seconds) * rate)) / rate;
            int mark = nearest(marks, inputSeconds * rate);
            int period = period(filled, analysis.hop(), mark / (double) rate, rate);
            double[] window = period < windows.length ? windows[period] : hann(period); // under 2 Hz: not kept
            if (window == null) {
                window = hann(period);
                windows[period] = window;
            }
            int centre = (int) Math.round(t);
            int first = Math.max(-period, Math.max(-mark, -centre));
            int last = Math.min(period, Math.min(x.length - 1 - mark, outLength - 1 - centre));
            for (int k = first; k <= last; k++) {
                double w = window[k + period];
                out[centre + k] += (float) (x[mark + k] * w);
                norm[centre + k] += w;
            }
            t += step;
        }
        for (int i = 0; i < outLength; i++) {
            // where the grains overlap thinly (the edges), a floor keeps the division from raising noise
            out[i] = (float) (out[i] / Math.max(norm[i], 0.5));
        }
        return out;
    }

    /** A grain's window two periods long, −period … period: computed once per period a render meets. */
    private static double[] hann(int period) {
        double[] w = new double[2 * period + 1];
        for (int k = -period; k <= period; k++) {
            w[k + period] = 0.5 + 0.5 * Math.cos(Math.PI * k / (period + 1));
        }
        return w;
    }

    /**
     * Moves the pitch of {@code x} by {@code semitones} (a function of seconds from its start) and keeps its length,
     * its timing and its spectral envelope: a second voice a chosen interval from the one it is fed, with that voice's
     * glides and vibrato, as a vocal harmoniser makes one. Unvoiced stretches (where {@code f0} is 0) are resynthesised
     * where they are: noise has no pitch to move, and grains of it laid at a new period would buzz.
     *
     * @param f0 the F0 of {@code x} every {@code hop} seconds, 0 where unvoiced
     */
    public static float[] shift(float[] x, int rate, double[] f0, double hop, DoubleUnaryOperator semitones) {
        return shift(analyse(x, rate, f0, hop), semitones);
    }

    /** {@link #shift(float[], int, double[], double, DoubleUnaryOperator)} of an analysis. */
    public static float[] shift(Analysis analysis, DoubleUnaryOperator semitones) {
        double[] f0 = analysis.f0();
        double[] smooth = analysis.filled();
        double hop = analysis.hop();
        return render(analysis, analysis.x().length, t -> t, t -> {
            double hz = hzAt(smooth, hop, t);
            boolean voiced = f0.length > 0 && hzAt(f0, hop, t) > 0;
            return voiced ? hz * Math.pow(2, semitones.applyAsDouble(t) / 12) : hz;
        });
    }

    /** {@code f0} with its unvoiced frames filled from the nearest voiced frame (all {@link #FALLBACK_HZ} if none). */
    static double[] filled(double[] f0) {
        double[] out = f0.clone();
        int last = -1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] > 0) {
                if (last < 0) {
                    for (int j = 0; j < i; j++) {
                        out[j] = out[i];
                    }
                } else {
                    for (int j = last + 1; j < i; j++) {
                        out[j] = j - last <= i - j ? out[last] : out[i];
                    }
                }
                last = i;
            }
        }
        if (last < 0) {
            java.util.Arrays.fill(out, FALLBACK_HZ);
        } else {
            for (int j = last + 1; j < out.length; j++) {
                out[j] = out[last];
            }
        }
        return out;
    }

    /**
     * {@code f0} through a five-frame median: a tracker's single-frame slips (YIN on a close front vowel, /i/, whose
     * first formant sits near F0, alternated 316 and 340 Hz on espeak-ng's 318 Hz, measured) would misplace the marks.
     */
    static double[] smoothed(double[] f0) {
        double[] out = new double[f0.length];
        for (int i = 0; i < f0.length; i++) {
            int from = Math.max(0, i - 2);
            int to = Math.min(f0.length, i + 3);
            double[] window = java.util.Arrays.copyOfRange(f0, from, to);
            java.util.Arrays.sort(window);
            out[i] = window[window.length / 2];
        }
        return out;
    }

    /**
     * Pitch marks: one per period, the first on the largest peak of the first period, each next one where the period
     * about it best matches the period about the mark before (normalised cross-correlation, within a fifth of a period
     * of where it falls). Marks on the largest peak of each period instead jumped as a vowel's shape evolved, between
     * its peak and its trough or between two peaks of one sign: grains taken a fraction of a period apart then
     * overlapped out of phase, and a vowel held by repeating them lost its periodicity for 30 ms at each jump
     * (measured: pYIN's voicing probability 0.3 against 0.8, YIN unvoiced for three frames in a soul song's 1.2 s note).
     */
    static List<Integer> marks(float[] x, int rate, double[] f0, double hop) {
        List<Integer> marks = new ArrayList<>();
        int first = period(f0, hop, 0, rate);
        int at = peak(x, 0, Math.min(x.length - 1, first));
        while (at < x.length) {
            marks.add(at);
            int period = period(f0, hop, at / (double) rate, rate);
            int guess = at + period;
            if (guess >= x.length) {
                break;
            }
            int reach = Math.max(1, period / 5);
            int next = aligned(
                    x, at, period, Math.max(at + period / 2, guess - reach), Math.min(x.length - 1, guess + reach));
            at = Math.max(at + 1, next);
        }
        return marks;
    }

    private static int peak(float[] x, int from, int to) {
        int best = from;
        for (int i = from; i <= to; i++) {
            if (Math.abs(x[i]) > Math.abs(x[best])) {
                best = i;
            }
        }
        return best;
    }

    /** The sample from {@code from} to {@code to} whose period about it is most like the period about {@code at}. */
    private static int aligned(float[] x, int at, int period, int from, int to) {
        // the period about at is the same for every candidate unless a candidate's period runs off the end, so its
        // energy is summed once (in the same order, so the same value) where none does
        boolean inside = to + (period - period / 2) - 1 < x.length;
        double fixed = inside ? energyAbout(x, at, period) : 0;
        int best = from;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = from; c <= to; c++) {
            double dot = 0;
            double before = 0;
            double here = 0;
            for (int k = -period / 2; k < period - period / 2; k++) {
                int a = at + k;
                int b = c + k;
                if (a < 0 || b >= x.length) {
                    continue;
                }
                dot += x[a] * x[b];
                if (!inside) {
                    before += x[a] * x[a];
                }
                here += x[b] * x[b];
            }
            double score = dot / Math.sqrt(Math.max(1e-20, (inside ? fixed : before) * here));
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    private static double energyAbout(float[] x, int at, int period) {
        double sum = 0;
        for (int k = -period / 2; k < period - period / 2; k++) {
            int a = at + k;
            if (a >= 0) {
                sum += x[a] * x[a];
            }
        }
        return sum;
    }

    private static int period(double[] f0, double hop, double seconds, int rate) {
        return Math.max(2, (int) Math.round(rate / hzAt(f0, hop, seconds)));
    }

    /** {@code f0}'s frame nearest {@code seconds} (the first or last beyond its ends; {@link #FALLBACK_HZ} if empty). */
    private static double hzAt(double[] f0, double hop, double seconds) {
        if (f0.length == 0) {
            return FALLBACK_HZ;
        }
        return f0[(int) Math.max(0, Math.min(f0.length - 1, Math.round(seconds / hop)))];
    }

    private static int nearest(int[] marks, double sample) {
        int lo = 0;
        int hi = marks.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (marks[mid] < sample) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo > 0 && Math.abs(marks[lo - 1] - sample) < Math.abs(marks[lo] - sample)) {
            lo--;
        }
        return marks[lo];
    }
}
