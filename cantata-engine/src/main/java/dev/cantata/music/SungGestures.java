package dev.cantata.music;

import dev.cantata.audio.Pcm;
import dev.cantata.audio.PitchTracker;
import dev.cantata.audio.Resampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The singing's gestures measured on a song's rendered vocal stem, not on its score: YIN pitch every 10 ms, then per
 * note of the score the median pitch against the note, the glide into each leap sung through (no unvoiced consonant
 * in the 100 ms around the onset) and whether it overshoots, and the vibrato of long notes. What the tests assert and
 * {@code cantata bench voice} prints; {@code tools/sung_pitch.py} measures the same with pYIN.
 */
public final class SungGestures {
    /** The YIN frame whose index is i is centred about 20 ms after i hops (its window and lag span, at 16 kHz). */
    private static final double TRACK_DELAY = 0.02;

    private SungGestures() {}

    /**
     * What was measured.
     *
     * @param notes notes of 150 ms or more, voiced throughout, that are held (not the passing notes of a run)
     * @param inTune the share of those whose median pitch is within 25 cents of the score
     * @param leaps changes of two semitones or more between adjacent notes, sung through
     * @param glideSeconds the median 10–90 % time of their glides
     * @param overshootShare the share of leaps that pass the new note by more than 10 cents
     * @param vibratoRates the vibrato rate of each note of 0.6 s or more, Hz (0 when it has under three crossings)
     * @param vibratoCents the vibrato extent of each of those notes, cents either side (half the 5–95 % spread)
     * @param runNotes the passing notes of runs (a syllable on several notes, all but the last), voiced throughout
     * @param runsHeard the share of those the pitch reaches: within 30 cents of the note at some point of it
     */
    public record Report(
            int notes,
            double inTune,
            int leaps,
            double glideSeconds,
            double overshootShare,
            List<Double> vibratoRates,
            List<Double> vibratoCents,
            int runNotes,
            double runsHeard) {
        public Report {
            vibratoRates = List.copyOf(vibratoRates);
            vibratoCents = List.copyOf(vibratoCents);
        }

        public double vibratoRate() {
            return median(vibratoRates);
        }

        public double vibratoExtent() {
            return median(vibratoCents);
        }
    }

    /** Measures {@code song}'s vocal stem. */
    public static Report of(Song song) {
        double[] pitch = semitones(java.util.Objects.requireNonNull(song.stems().get(Stem.VOCALS), "a vocal stem"));
        List<Score.Note> notes =
                song.score().phrases().stream().flatMap(p -> p.notes().stream()).toList();
        int counted = 0;
        int good = 0;
        for (int i = 0; i < notes.size(); i++) {
            Score.Note note = notes.get(i);
            double[] w = note.duration() < 0.15 || passing(notes, i)
                    ? null
                    : voiced(pitch, note.start() + 0.04, note.end() - 0.02);
            if (w != null) {
                counted++;
                good += Math.abs(quantile(w, 0.5) - note.pitch()) * 100 <= 25 ? 1 : 0;
            }
        }
        List<Double> glides = new ArrayList<>();
        int leaps = 0;
        int overshoots = 0;
        for (int i = 1; i < notes.size(); i++) {
            Score.Note a = notes.get(i - 1);
            Score.Note b = notes.get(i);
            int step = b.pitch() - a.pitch();
            if (Math.abs(step) < 2 || b.start() - a.end() > 0.05 || a.duration() < 0.2 || b.duration() < 0.25) {
                continue;
            }
            double[] w = frames(pitch, b.start() - 0.2, b.start() + 0.25);
            double[] around = frames(pitch, b.start() - 0.1, b.start() + 0.1);
            if (w == null
                    || around == null
                    || Arrays.stream(around).filter(Double::isNaN).count() > 2) {
                continue; // an unvoiced consonant hides the glide
            }
            leaps++;
            int tenth = -1;
            int ninth = -1;
            double beyond = 0;
            for (int k = 0; k < w.length; k++) {
                if (Double.isNaN(w[k])) {
                    continue;
                }
                double progress = (w[k] - a.pitch()) / step;
                tenth = tenth < 0 && progress >= 0.1 ? k : tenth;
                ninth = ninth < 0 && progress >= 0.9 ? k : ninth;
                if (k >= 20) {
                    beyond = Math.max(beyond, (progress - 1) * Math.abs(step) * 100);
                }
            }
            if (tenth >= 0 && ninth >= 0) {
                glides.add((ninth - tenth) / 100.0);
            }
            overshoots += beyond > 10 ? 1 : 0;
        }
        List<Double> rates = new ArrayList<>();
        List<Double> extents = new ArrayList<>();
        for (Score.Note note : notes) {
            double[] w = note.duration() < 0.6 ? null : voiced(pitch, note.start() + 0.3, note.end() - 0.05);
            if (w == null) {
                continue;
            }
            double[] cents = detrended(w);
            int crossings = 0;
            int first = -1;
            int last = -1;
            for (int i = 1; i < cents.length; i++) {
                if (Math.signum(cents[i]) != Math.signum(cents[i - 1])) {
                    crossings++;
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            rates.add(crossings >= 3 ? (crossings - 1) / 2.0 / ((last - first) / 100.0) : 0);
            extents.add((quantile(cents, 0.95) - quantile(cents, 0.05)) / 2);
        }
        int runNotes = 0;
        int reached = 0;
        for (int i = 0; i < notes.size(); i++) {
            Score.Note note = notes.get(i);
            double[] w = passing(notes, i) ? voiced(pitch, note.start(), note.end() + 0.03) : null;
            if (w != null) {
                runNotes++;
                reached += Arrays.stream(w).anyMatch(x -> Math.abs(x - note.pitch()) * 100 <= 30) ? 1 : 0;
            }
        }
        return new Report(
                counted,
                counted == 0 ? 0 : good / (double) counted,
                leaps,
                median(glides),
                leaps == 0 ? 0 : overshoots / (double) leaps,
                rates,
                extents,
                runNotes,
                runNotes == 0 ? 0 : reached / (double) runNotes);
    }

    /**
     * For each role sung around the lead, the share of its notes of 0.35 s or more whose pitch stands out of the
     * backing stem's spectrum by more than 12 dB ({@link #peakOverFloorDb}): the voices of the score, heard.
     */
    public static java.util.Map<Score.Role, Double> backingHeard(Song song) {
        float[] backing = song.stems().get(Stem.BACKING);
        java.util.Map<Score.Role, int[]> counts = new java.util.EnumMap<>(Score.Role.class);
        for (Score.Voice voice : song.score().voices()) {
            for (Score.Note note : voice.phrase().notes()) {
                if (backing != null && note.duration() >= 0.35) {
                    int[] c = counts.computeIfAbsent(voice.role(), r -> new int[2]);
                    c[0]++;
                    c[1] += peakOverFloorDb(backing, note.start() + 0.12, note.end() - 0.05, note.hz()) > 12 ? 1 : 0;
                }
            }
        }
        java.util.Map<Score.Role, Double> heard = new java.util.EnumMap<>(Score.Role.class);
        counts.forEach((role, c) -> heard.put(role, c[1] / (double) c[0]));
        return heard;
    }

    /**
     * How far the spectrum's peak within ±2 % of {@code hz} stands over its median level from 80 Hz to 2 kHz, dB, in
     * the Hann-windowed stretch {@code from}–{@code to} s of interleaved stereo at {@link Song#RATE}.
     */
    public static double peakOverFloorDb(float[] stereo, double from, double to, double hz) {
        int a = (int) (from * Song.RATE);
        int n = Integer.highestOneBit(Math.max(2, (int) ((to - from) * Song.RATE)));
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n && 2 * (a + i) + 1 < stereo.length; i++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
            re[i] = w * 0.5 * (stereo[2 * (a + i)] + stereo[2 * (a + i) + 1]);
        }
        dev.cantata.audio.Fft.transform(re, im);
        double bin = Song.RATE / (double) n;
        double peak = 0;
        for (int k = (int) (hz * 0.98 / bin); k <= (int) Math.ceil(hz * 1.02 / bin); k++) {
            peak = Math.max(peak, re[k] * re[k] + im[k] * im[k]);
        }
        List<Double> floor = new ArrayList<>();
        for (int k = (int) (80 / bin); k <= (int) (2000 / bin); k++) {
            floor.add(re[k] * re[k] + im[k] * im[k]);
        }
        java.util.Collections.sort(floor);
        return 10 * Math.log10(peak / Math.max(1e-20, floor.get(floor.size() / 2)));
    }

    /** The pitch of interleaved stereo at {@link Song#RATE} in MIDI semitones per 10 ms, NaN where unvoiced. */
    static double[] semitones(float[] stereo) {
        float[] mono = new float[stereo.length / 2];
        for (int i = 0; i < mono.length; i++) {
            mono[i] = 0.5f * (stereo[2 * i] + stereo[2 * i + 1]);
        }
        double[] f0 = new PitchTracker(70, 700).track(Resampler.resample(new Pcm(mono, Song.RATE), 16_000));
        return Arrays.stream(f0)
                .map(f -> f > 0 ? 69 + 12 * Math.log(f / 440) / Math.log(2) : Double.NaN)
                .toArray();
    }

    /** Whether note {@code i} is a passing note of a run: the next note goes on singing its syllable. */
    private static boolean passing(List<Score.Note> notes, int i) {
        return i + 1 < notes.size()
                && notes.get(i + 1).syllable() == notes.get(i).syllable()
                && notes.get(i + 1).start() - notes.get(i).end() < 1e-6;
    }

    private static double @Nullable [] voiced(double[] pitch, double from, double to) {
        double[] w = frames(pitch, from, to);
        return w == null || Arrays.stream(w).anyMatch(Double::isNaN) ? null : w;
    }

    private static double @Nullable [] frames(double[] pitch, double from, double to) {
        int a = (int) Math.round((from - TRACK_DELAY) * 100);
        int b = (int) Math.round((to - TRACK_DELAY) * 100);
        return a < 0 || b > pitch.length || b - a < 5 ? null : Arrays.copyOfRange(pitch, a, b);
    }

    /** Cents about the least-squares line through {@code x} (semitones). */
    private static double[] detrended(double[] x) {
        int n = x.length;
        double mt = (n - 1) / 2.0;
        double mx = Arrays.stream(x).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (i - mt) * (x[i] - mx);
            den += (i - mt) * (i - mt);
        }
        double slope = num / den;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = 100 * (x[i] - mx - slope * (i - mt));
        }
        return out;
    }

    private static double quantile(double[] x, double q) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[(int) Math.floor(q * (s.length - 1))];
    }

    private static double median(List<Double> x) {
        return x.isEmpty()
                ? Double.NaN
                : quantile(x.stream().mapToDouble(Double::doubleValue).toArray(), 0.5);
    }
}
