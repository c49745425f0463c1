package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.audio.Pcm;
import dev.cantata.audio.PitchTracker;
import dev.cantata.audio.Resampler;
import dev.cantata.speech.MaryEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sung pitch measured on rendered vocals (YIN on the vocal stem), gesture by gesture: glides with overshoot between
 * notes, vibrato on long notes at a singer's rate and at the genre's extent, and the notes still in tune. The same
 * measurements, with pYIN, are in {@code tools/sung_pitch.py}.
 */
final class SungPitchTest {
    /** The verse and chorus the engine's other tests sing. */
    static final String LYRICS = SongEngineTest.LYRICS;

    /** The YIN frame whose index is i is centred about 20 ms after i hops (its window and lag span, at 16 kHz). */
    static final double TRACK_DELAY = 0.02;

    static Song soul;
    static Song punk;
    static double[] soulPitch;
    static double[] punkPitch;

    @BeforeAll
    static void makeSongs() throws Exception {
        SongEngine engine = new SongEngine(MaryEngine.start(), InstrumentRenderer.load(Optional.empty()));
        soul = engine.make(SongSpec.of(LYRICS, "soul female slow", 40.0, 21), Progress.NONE);
        punk = engine.make(SongSpec.of(LYRICS, "punk female", 30.0, 21), Progress.NONE);
        soulPitch = semitones(soul);
        punkPitch = semitones(punk);
    }

    /** The vocal stem's pitch in MIDI semitones per 10 ms, NaN where unvoiced. */
    static double[] semitones(Song song) {
        float[] stereo = song.stems().get(Stem.VOCALS);
        float[] mono = new float[stereo.length / 2];
        for (int i = 0; i < mono.length; i++) {
            mono[i] = 0.5f * (stereo[2 * i] + stereo[2 * i + 1]);
        }
        double[] f0 = new PitchTracker(70, 700).track(Resampler.resample(new Pcm(mono, Song.RATE), 16_000));
        return Arrays.stream(f0)
                .map(f -> f > 0 ? 69 + 12 * Math.log(f / 440) / Math.log(2) : Double.NaN)
                .toArray();
    }

    static List<Score.Note> notes(Song song) {
        return song.score().phrases().stream().flatMap(p -> p.notes().stream()).toList();
    }

    /** Frames from {@code from} to {@code to} seconds, or null when any is unvoiced. */
    static double @org.jspecify.annotations.Nullable [] window(double[] pitch, double from, double to) {
        double[] w = frames(pitch, from, to);
        return w == null || Arrays.stream(w).anyMatch(Double::isNaN) ? null : w;
    }

    /** Frames from {@code from} to {@code to} seconds (NaN where unvoiced), or null outside the track. */
    static double @org.jspecify.annotations.Nullable [] frames(double[] pitch, double from, double to) {
        int a = (int) Math.round((from - TRACK_DELAY) * 100);
        int b = (int) Math.round((to - TRACK_DELAY) * 100);
        if (a < 0 || b > pitch.length || b - a < 5) {
            return null;
        }
        return Arrays.copyOfRange(pitch, a, b);
    }

    /** Cents about the least-squares line through {@code x}. */
    static double[] detrended(double[] x) {
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

    static double quantile(double[] x, double q) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[(int) Math.floor(q * (s.length - 1))];
    }

    static double median(List<Double> x) {
        return quantile(x.stream().mapToDouble(Double::doubleValue).toArray(), 0.5);
    }

    /** Rate (Hz) and extent (cents, half the 5–95 % spread) of the vibrato on each note of 0.6 s or more. */
    static List<double[]> vibratos(Song song, double[] pitch) {
        List<double[]> out = new ArrayList<>();
        for (Score.Note note : notes(song)) {
            if (note.duration() < 0.6) {
                continue;
            }
            double[] w = window(pitch, note.start() + 0.3, note.end() - 0.05);
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
            double rate = crossings >= 3 ? (crossings - 1) / 2.0 / ((last - first) / 100.0) : 0;
            out.add(new double[] {rate, (quantile(cents, 0.95) - quantile(cents, 0.05)) / 2});
        }
        return out;
    }

    @Test
    void longNotesCarryAVibratoAtASingersRateAndTheGenresExtent() {
        List<double[]> soulVibrato = vibratos(soul, soulPitch);
        List<double[]> punkVibrato = vibratos(punk, punkPitch);

        assertThat(soulVibrato)
                .as("soul notes of 0.6 s or more, voiced throughout")
                .hasSizeGreaterThanOrEqualTo(5);
        double rate = median(soulVibrato.stream().map(v -> v[0]).toList());
        double soulExtent = median(soulVibrato.stream().map(v -> v[1]).toList());
        assertThat(rate).as("vibrato rate, Hz").isBetween(5.0, 6.5);
        assertThat(soulExtent).as("soul vibrato extent, cents").isBetween(30.0, 80.0);
        if (!punkVibrato.isEmpty()) {
            double punkExtent = median(punkVibrato.stream().map(v -> v[1]).toList());
            assertThat(punkExtent).as("punk vibrato extent, cents").isLessThan(0.6 * soulExtent);
        }
        // no two vibratos alike: their extents spread
        double[] extents = soulVibrato.stream().mapToDouble(v -> v[1]).toArray();
        assertThat(quantile(extents, 0.9) - quantile(extents, 0.1)).isGreaterThan(2);
    }

    @Test
    void pitchGlidesBetweenNotesWithinASingersTimeAndOftenOvershoots() {
        List<Double> glides = new ArrayList<>();
        int transitions = 0;
        int overshoots = 0;
        for (java.util.Map.Entry<Song, double[]> sung :
                List.of(java.util.Map.entry(soul, soulPitch), java.util.Map.entry(punk, punkPitch))) {
            List<Score.Note> notes = notes(sung.getKey());
            double[] pitch = sung.getValue();
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
                    continue; // an unvoiced consonant hides the glide: only transitions sung through are measured
                }
                transitions++;
                int tenth = -1;
                int ninth = -1;
                double beyond = 0;
                for (int k = 0; k < w.length; k++) {
                    if (Double.isNaN(w[k])) {
                        continue;
                    }
                    double progress = (w[k] - a.pitch()) / step;
                    if (tenth < 0 && progress >= 0.1) {
                        tenth = k;
                    }
                    if (ninth < 0 && progress >= 0.9) {
                        ninth = k;
                    }
                    if (k >= 20) {
                        beyond = Math.max(beyond, (progress - 1) * Math.abs(step) * 100);
                    }
                }
                if (tenth >= 0 && ninth >= 0) {
                    glides.add((ninth - tenth) / 100.0);
                }
                if (beyond > 10) {
                    overshoots++;
                }
            }
        }

        assertThat(transitions).as("measurable leaps of two semitones or more").isGreaterThanOrEqualTo(5);
        assertThat(median(glides)).as("10–90 %% glide, s").isBetween(0.04, 0.2);
        assertThat(overshoots / (double) transitions)
                .as("share of leaps that overshoot")
                .isGreaterThan(0.3);
    }

    @Test
    void notesStayInTuneUnderAllThatMovement() {
        for (java.util.Map.Entry<Song, double[]> sung :
                List.of(java.util.Map.entry(soul, soulPitch), java.util.Map.entry(punk, punkPitch))) {
            Song song = sung.getKey();
            double[] pitch = sung.getValue();
            int good = 0;
            int counted = 0;
            for (Score.Note note : notes(song)) {
                if (note.duration() < 0.15) {
                    continue;
                }
                double[] w = window(pitch, note.start() + 0.04, note.end() - 0.02);
                if (w == null) {
                    continue;
                }
                counted++;
                if (Math.abs(quantile(w, 0.5) - note.pitch()) * 100 <= 25) {
                    good++;
                }
            }
            assertThat(counted).isGreaterThan(10);
            assertThat(good / (double) counted).as("notes within 25 cents").isGreaterThanOrEqualTo(0.9);
        }
    }

    @Test
    void theContourIsTheSameForTheSamePhraseAndSeed() {
        List<Score.Note> notes = List.of(new Score.Note(0, 0.8, 60, 0), new Score.Note(0.8, 1.6, 64, 1));
        Genre.Singing singing = Genre.SOUL.singing();

        assertThat(PitchContour.of(notes, -0.1, 400, singing, 7))
                .isEqualTo(PitchContour.of(notes, -0.1, 400, singing, 7));
        assertThat(PitchContour.of(notes, -0.1, 400, singing, 7))
                .isNotEqualTo(PitchContour.of(notes, -0.1, 400, singing, 8));
    }

    @Test
    void aLeapIsPreparedAndOvershotInProportionToItsSize() {
        Genre.Singing still = new Genre.Singing(0, 5.5, 0, false);
        double[] small =
                PitchContour.secondOrder(PitchContour.secondOrder(step(2), 34.8, 0.5422, false), 29.2, 0.6, true);
        double[] large =
                PitchContour.secondOrder(PitchContour.secondOrder(step(7), 34.8, 0.5422, false), 29.2, 0.6, true);

        double overSmall = Arrays.stream(small, 200, 300).max().orElseThrow() - 62;
        double overLarge = Arrays.stream(large, 200, 300).max().orElseThrow() - 67;
        double prepSmall = 60 - Arrays.stream(small, 100, 200).min().orElseThrow();
        assertThat(overSmall).isGreaterThan(0.05);
        assertThat(overLarge / overSmall).isCloseTo(3.5, org.assertj.core.api.Assertions.within(0.01));
        assertThat(prepSmall).isGreaterThan(0.02);
        double[] held = PitchContour.of(List.of(new Score.Note(0, 1, 60, 0)), 0, 200, still, 1);
        assertThat(Arrays.stream(held).map(p -> Math.abs(p - 60)).max().orElseThrow())
                .as("a held note without vibrato moves only by its fine fluctuation")
                .isBetween(0.01, 0.15);
    }

    /** 60 for a second, then 60 + {@code semitones} for a second, at 5 ms frames. */
    static double[] step(int semitones) {
        double[] x = new double[400];
        Arrays.fill(x, 0, 200, 60);
        Arrays.fill(x, 200, 400, 60 + semitones);
        return x;
    }
}
