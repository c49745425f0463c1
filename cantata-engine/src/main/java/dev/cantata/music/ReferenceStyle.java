package dev.cantata.music;

import dev.cantata.audio.KeyEstimator;
import dev.cantata.audio.Loudness;
import dev.cantata.audio.Pcm;
import dev.cantata.audio.Resampler;
import dev.cantata.audio.TempoEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A style taken from a reference recording (DiffRhythm's {@code ref_audio}): its tempo (onset autocorrelation), key
 * and mode (chroma against key profiles), loudness, brightness (spectral centroid) and density (onsets per second),
 * turned into a {@link Style} whose tempo, key and mode are set explicitly and whose genre is the one whose tempo
 * range and character fit best. How accurate the estimates are is measured on Cantata's own songs (see
 * {@code ReferenceStyleTest} and the README).
 */
public final class ReferenceStyle {
    /** The shortest reference accepted, as upstream requires. */
    public static final double MIN_SECONDS = 10;
    /** References are analysed from at most this much audio. */
    public static final double MAX_SECONDS = 300;

    private ReferenceStyle() {}

    /**
     * What the recording sounded like.
     *
     * @param phase seconds from the start to the first beat
     */
    public record Analysis(
            double tempo, double phase, int key, boolean minor, double lufs, double brightness, double density) {
        public TempoEstimator.Beats beats() {
            return new TempoEstimator.Beats(tempo, phase);
        }

        /** The style to make a song like it, with {@code words} (a prompt) added when given. */
        public Style style(String words) {
            Genre genre = closestGenre();
            String text = (words.isBlank() ? genre.wireName() : words + " " + genre.wireName())
                    + String.format(
                            Locale.ROOT, " %d bpm in %s %s", Math.round(tempo), NAMES[key], minor ? "minor" : "major");
            return Style.parse(text);
        }

        Genre closestGenre() {
            Genre best = Genre.POP;
            double bestCost = Double.MAX_VALUE;
            for (Genre g : Genre.values()) {
                double middle = (g.tempoMin() + g.tempoMax()) / 2.0;
                double cost = Math.abs(Math.log(tempo / middle)) * 4;
                if (tempo < g.tempoMin() * 0.9 || tempo > g.tempoMax() * 1.1) {
                    cost += 2;
                }
                cost += g.drums() == (density > 1.5) ? 0 : 1.5;
                cost += (brightness > 2500) == g.has(Genre.Trait.BRIGHT) ? 0 : 0.5;
                if (cost < bestCost) {
                    bestCost = cost;
                    best = g;
                }
            }
            return best;
        }
    }

    private static final String[] NAMES = {"c", "c#", "d", "d#", "e", "f", "f#", "g", "g#", "a", "a#", "b"};

    /**
     * Checks that a recording can be analysed, without analysing it.
     *
     * @throws IllegalArgumentException when it is shorter than {@link #MIN_SECONDS} or silent
     */
    public static void check(Pcm recording) {
        if (recording.seconds() < MIN_SECONDS) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "the reference audio is %.1f s long; it must be at least %.0f s",
                    recording.seconds(),
                    MIN_SECONDS));
        }
        if (recording.peak() < 1e-3) {
            throw new IllegalArgumentException("the reference audio is silent");
        }
    }

    /**
     * Analyses a mono recording.
     *
     * @throws IllegalArgumentException when it is shorter than {@link #MIN_SECONDS} or silent
     */
    public static Analysis analyze(Pcm recording) {
        check(recording);
        Pcm pcm = Resampler.resample(recording, 22_050);
        TempoEstimator.Beats beats = TempoEstimator.track(pcm);
        KeyEstimator.Key key = KeyEstimator.estimate(pcm);
        float[] stereo = new float[pcm.length() * 2];
        for (int i = 0; i < pcm.length(); i++) {
            stereo[2 * i] = pcm.samples()[i];
            stereo[2 * i + 1] = pcm.samples()[i];
        }
        double lufs = Loudness.integrated(stereo, 2, pcm.sampleRate());
        return new Analysis(beats.bpm(), beats.phase(), key.tonic(), key.minor(), lufs, centroid(pcm), onsetRate(pcm));
    }

    private static double centroid(Pcm pcm) {
        double num = 0;
        double den = 0;
        for (int start = 0; start + 2048 <= pcm.length(); start += 8192) {
            double[] mag = dev.cantata.audio.Fft.magnitudes(pcm.samples(), start, 2048);
            for (int k = 1; k < mag.length; k++) {
                num += k * (double) pcm.sampleRate() / 2048 * mag[k];
                den += mag[k];
            }
        }
        return den == 0 ? 0 : num / den;
    }

    /** Onsets per second: peaks of the frame-energy rise above a running threshold. */
    private static double onsetRate(Pcm pcm) {
        double[] rms = pcm.frameRms(pcm.sampleRate() / 100);
        List<Integer> onsets = new ArrayList<>();
        for (int i = 3; i < rms.length - 1; i++) {
            double rise = rms[i] - rms[i - 3];
            double mean = 0;
            for (int j = Math.max(0, i - 50); j < i; j++) {
                mean += rms[j];
            }
            mean /= Math.min(50, i);
            if (rise > 0.3 * mean
                    && rms[i] >= rms[i + 1]
                    && (onsets.isEmpty() || i - onsets.get(onsets.size() - 1) > 8)) {
                onsets.add(i);
            }
        }
        return onsets.size() / pcm.seconds();
    }
}
