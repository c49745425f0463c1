package dev.cantata.music;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two vocal stems of a song in stereo, from the sung takes: {@link Stem#VOCALS}, the lead with its doubles, and
 * {@link Stem#BACKING}, every voice around it at its seat.
 */
final class VocalStems {
    private VocalStems() {}

    /** Pads sit under the harmonies inside the backing stem, as a backing section's sustained vowels do. */
    private static final float PAD_GAIN = (float) Math.pow(10, -4 / 20.0);

    /** The level of a dry voice in each channel at the centre, as {@link VocalChain#withSends} places the lead. */
    private static final float DRY = 0.8f;

    /**
     * How far a stacked hook's lead is ridden up through its choruses over the rest of the song, dB: the fader move an
     * engineer automates so the hook stands over the rap (after the channel's compressors, which would take it back).
     */
    static final double HOOK_RIDE_DB = 1.0;

    /** The ramp of that ride at each chorus's edges, seconds: a fader pushed, not a step. */
    private static final double HOOK_RAMP_S = 0.15;

    /**
     * A copy of the lead laid beside it, as an engineer double-tracks a chorus: {@code delayMs} later, its delay
     * swinging {@code wobbleMs} either side at {@code wobbleHz} (EMI's artificial double tracking of 1966 varied the
     * delay so the copy drifts in time and pitch as a second take does, instead of sitting as a fixed comb filter),
     * at {@code left} and {@code right} in the two channels.
     */
    record Overdub(double delayMs, double wobbleMs, double wobbleHz, float left, float right) {
        Overdub {
            if (!(wobbleMs >= 0 && delayMs >= wobbleMs && wobbleHz >= 0)) {
                throw new IllegalArgumentException(
                        "an overdub comes after its source: " + delayMs + " ms ± " + wobbleMs + " ms");
            }
        }

        /** The double of loud genres' choruses ({@link Genre.Trait#DOUBLED_CHORUS}): fixed, left of centre. */
        static final Overdub TRACKED = new Overdub(18, 0, 0, 0.35f, 0.2f);

        /**
         * The third take of a stacked hook ({@link Genre.Trait#STACKED_HOOK}), right of centre against the first
         * double. Its ±2.5 ms at 0.37 Hz detunes it by at most 2π·0.37·2.5 ms ≈ 0.6 % (10 cents), within the
         * spread of a singer's own doubles.
         */
        static final Overdub STACKED = new Overdub(29, 2.5, 0.37, 0.2f, 0.35f);

        /** Adds this double of {@code vocal} into {@code stereo} (interleaved) over frames {@code from}–{@code to}. */
        void lay(float[] vocal, float[] stereo, int from, int to, int rate) {
            int delay = (int) (rate * delayMs / 1000);
            double wobble = rate * wobbleMs / 1000;
            for (int i = from; i < to; i++) {
                // a fixed double (no wobble) lands on whole samples, where the interpolation reads one exactly
                double swing = wobble == 0 ? 0 : wobble * Math.sin(2 * Math.PI * wobbleHz * i / rate);
                double at = i - delay - swing;
                int src = (int) Math.floor(at);
                double frac = at - src;
                float x = src >= 0 && src + 1 < vocal.length
                        ? (float) (vocal[src] * (1 - frac) + vocal[src + 1] * frac)
                        : 0f;
                stereo[2 * i] += x * left;
                stereo[2 * i + 1] += x * right;
            }
        }
    }

    /**
     * The lead in stereo: phrased (swells, tapers, breaths), through the channel strip, dry in the centre with the
     * genre's plate and delay around it; in the choruses of loud genres doubled, and in hip hop's stacked three deep.
     */
    static float[] lead(float[] sung, Style style, Score score, long seed) {
        float[] dry = sung.clone();
        Phrasing.shape(dry, Song.RATE, score.phrases());
        Phrasing.breathe(dry, Song.RATE, score.phrases(), seed);
        float[] vocal = VocalChain.strip(dry, Song.RATE);
        if (style.genre().has(Genre.Trait.STACKED_HOOK)) {
            rideHooks(vocal, score, Song.RATE);
        }
        float[] stereo = VocalChain.withSends(vocal, vocal, Song.RATE, style.genre(), score.tempo(), DRY);
        List<Overdub> overdubs = new ArrayList<>();
        if (style.genre().has(Genre.Trait.DOUBLED_CHORUS)) {
            overdubs.add(Overdub.TRACKED);
        }
        if (style.genre().has(Genre.Trait.STACKED_HOOK)) {
            overdubs.add(Overdub.STACKED);
        }
        for (Score.Phrase phrase : score.phrases()) {
            if (phrase.part() != Lyrics.Part.CHORUS) {
                continue;
            }
            int from = Math.max(0, (int) ((phrase.start() - 0.2) * Song.RATE));
            int to = Math.min(vocal.length, (int) ((phrase.end() + 0.3) * Song.RATE));
            for (Overdub d : overdubs) {
                d.lay(vocal, stereo, from, to, Song.RATE);
            }
        }
        return stereo;
    }

    /**
     * The voices around the lead in stereo, the {@link Stem#BACKING} stem: each seat (a role at its pan) phrased and
     * through the lead's channel strip, panned at constant power, the pads {@link #PAD_GAIN} under the harmonies, all
     * through one pass of the genre's plate and delay. Silence when nobody sings around the lead.
     */
    static float[] backing(Map<Seat, float[]> seats, Style style, Score score, int frames) {
        float[] stereo = new float[frames * 2];
        if (seats.isEmpty()) {
            return stereo;
        }
        float[] sent = new float[frames];
        for (Map.Entry<Seat, float[]> seat : seats.entrySet()) {
            float[] shaped = seat.getValue().clone();
            List<Score.Phrase> lines = score.voices().stream()
                    .filter(v -> seat.getKey().holds(v))
                    .map(Score.Voice::phrase)
                    .toList();
            Phrasing.shape(shaped, Song.RATE, lines);
            float[] voice = VocalChain.strip(shaped, Song.RATE);
            float gain = seat.getKey().role() == Score.Role.PAD ? PAD_GAIN : 1f;
            double angle = (seat.getKey().pan() + 1) * Math.PI / 4; // constant power: cos² + sin² = 1
            float left = (float) (Math.cos(angle) * Math.sqrt(2)) * DRY * gain;
            float right = (float) (Math.sin(angle) * Math.sqrt(2)) * DRY * gain;
            for (int i = 0; i < frames; i++) {
                stereo[2 * i] += voice[i] * left;
                stereo[2 * i + 1] += voice[i] * right;
                sent[i] += voice[i] * gain;
            }
        }
        float[] wet = VocalChain.withSends(new float[frames], sent, Song.RATE, style.genre(), score.tempo(), 0f);
        for (int i = 0; i < stereo.length; i++) {
            stereo[i] += wet[i];
        }
        return stereo;
    }

    /** Rides {@code vocal} up {@link #HOOK_RIDE_DB} through every chorus of {@code score}, back to back ones as one. */
    static void rideHooks(float[] vocal, Score score, int rate) {
        List<double[]> hooks = new ArrayList<>();
        for (Score.Span section : score.sections()) {
            if (section.part() != Lyrics.Part.CHORUS) {
                continue;
            }
            double[] last = hooks.isEmpty() ? null : hooks.get(hooks.size() - 1);
            if (last != null && section.start() - last[1] < 1e-6) {
                last[1] = section.end();
            } else {
                hooks.add(new double[] {section.start(), section.end()});
            }
        }
        double up = Math.pow(10, HOOK_RIDE_DB / 20);
        int ramp = (int) (HOOK_RAMP_S * rate);
        for (double[] hook : hooks) {
            int from = Math.max(0, (int) (hook[0] * rate) - ramp);
            int to = Math.min(vocal.length, (int) (hook[1] * rate) + ramp);
            for (int i = from; i < to; i++) {
                double edge = Math.min(1, Math.min(i - from, to - 1 - i) / (double) ramp);
                vocal[i] *= (float) (1 + (up - 1) * edge);
            }
        }
    }

    /** Where a voice around the lead sits: its role (pads sit lower) and its pan. */
    record Seat(Score.Role role, double pan) {
        static Seat of(Score.Voice voice) {
            return new Seat(voice.role(), voice.pan());
        }

        boolean holds(Score.Voice voice) {
            return of(voice).equals(this);
        }
    }
}
