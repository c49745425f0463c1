package dev.cantata.music;

import dev.cantata.audio.Biquad;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a singer does with loudness and breath that the notes do not say: a long note swells a little after its
 * attack (the "messa di voce" of classical training, a few dB in popular singing), the last note of a phrase tapers as
 * the breath runs out, and a breath is heard before a phrase that follows a rest long enough to take one. Applied to
 * the dry vocal, on the score's clock.
 */
final class Phrasing {
    /** Notes at least this long swell. */
    static final double SWELL_MIN_NOTE = 0.4;
    /** How far under its peak a long note starts, dB, and how long it takes to get there. */
    static final double SWELL_DB = 2.5;

    static final double SWELL_SECONDS = 0.25;
    /** How far the last note of a phrase falls by its end, dB, over its second half. */
    static final double TAPER_DB = 6;
    /** A rest this long before a phrase gives time to breathe. */
    static final double BREATH_GAP = 0.6;
    /** A breath's level under the singing: audible, as in produced pop vocals, not loud (about 26 dB down). */
    static final double BREATH_DB = -26;

    private Phrasing() {}

    /** Applies the swells and tapers to {@code vocal} (mono at {@code rate}, time 0 at the song's start). */
    static void shape(float[] vocal, int rate, List<Score.Phrase> phrases) {
        for (Score.Phrase phrase : phrases) {
            List<Score.Note> notes = phrase.notes();
            for (int n = 0; n < notes.size(); n++) {
                Score.Note note = notes.get(n);
                boolean last = n == notes.size() - 1;
                boolean swell = note.duration() >= SWELL_MIN_NOTE;
                if (!swell && !last) {
                    continue;
                }
                int from = Math.max(0, (int) Math.round(note.start() * rate));
                int to = Math.min(vocal.length, (int) Math.round(note.end() * rate));
                for (int i = from; i < to; i++) {
                    double t = i / (double) rate - note.start();
                    double db = 0;
                    if (swell && t < SWELL_SECONDS) {
                        double x = t / SWELL_SECONDS;
                        db -= SWELL_DB * (1 - x * x * (3 - 2 * x));
                    }
                    if (last && t > note.duration() / 2) {
                        db -= TAPER_DB * (t - note.duration() / 2) / (note.duration() / 2);
                    }
                    vocal[i] *= (float) Math.pow(10, db / 20);
                }
            }
        }
    }

    /**
     * Adds a breath before every phrase that follows a rest of {@link #BREATH_GAP} or more (and before the first): an
     * inhale of up to 0.35 s ending just before the phrase's first consonant, band-limited noise (700 Hz–6 kHz, an
     * open "h") under a rise-and-fall envelope, {@link #BREATH_DB} under the singing around it.
     */
    static void breathe(float[] vocal, int rate, List<Score.Phrase> phrases, long seed) {
        double level = Math.pow(10, VocalChain.activeLevelDb(vocal, rate) / 20) * Math.pow(10, BREATH_DB / 20);
        SplittableRandom random = new SplittableRandom(seed);
        double previousEnd = -10;
        for (Score.Phrase phrase : phrases) {
            double gap = phrase.start() - previousEnd;
            previousEnd = phrase.end();
            if (gap < BREATH_GAP || phrase.start() < 0.5) {
                continue;
            }
            double end = phrase.start() - 0.15; // the first consonant leads the note by up to about 0.1 s
            double length = Math.min(0.35, gap - 0.3);
            int from = Math.max(0, (int) Math.round((end - length) * rate));
            int to = Math.min(vocal.length, (int) Math.round(end * rate));
            Biquad lowCut = Biquad.highPass(700, 0.707, rate);
            Biquad highCut = Biquad.lowPass(6000, 0.707, rate);
            // the filters' power gain on white noise of unit variance is about 0.27: the envelope's peak is the level
            double scale = level / Math.sqrt(0.27) * Math.sqrt(3);
            for (int i = from; i < to; i++) {
                double x = (i - from) / (double) Math.max(1, to - from);
                double envelope = x < 0.4 ? Math.sin(Math.PI / 2 * x / 0.4) : Math.cos(Math.PI / 2 * (x - 0.4) / 0.6);
                double noise = highCut.process(lowCut.process(random.nextDouble() * 2 - 1));
                vocal[i] += (float) (scale * envelope * envelope * noise);
            }
        }
    }
}
