package dev.cantata.music;

import dev.cantata.audio.Biquad;
import dev.cantata.audio.Dynamics;
import dev.cantata.audio.Reverb;
import dev.cantata.audio.Sounding;
import dev.cantata.audio.Subnormal;
import java.util.Arrays;
import java.util.List;

/**
 * The lead vocal's channel strip, set up the way mix engineers describe a modern vocal chain (e.g. Senior, "Mixing
 * Secrets for the Small Studio", chapters 8–16; the order is the common one): a high-pass under the voice, a
 * split-band de-esser, a small cut of the boxy low mids, presence and air boosts, two compressors in series (a fast
 * one that catches peaks, then a slow one that levels phrases, each doing a few dB rather than one doing much), and two
 * sends: a plate-like reverb and a delay synced to the song's tempo, both set per genre. Mono dry in, stereo out.
 */
final class VocalChain {
    /** Under the lowest sung fundamental (about 100 Hz for the male voice): only rumble and breath pops live lower. */
    static final double HIGH_PASS_HZ = 90;
    /** Where sibilance ("s", "sh", "t") sits for a female or shifted voice. */
    static final double SIBILANCE_HZ = 5500;
    /** Presence: the 3–5 kHz band that carries consonants and makes words understood over a band. */
    static final double PRESENCE_HZ = 3800;

    static final double PRESENCE_DB = 2.5;
    /** Air: a shelf over 10 kHz for the breathiness a close microphone hears. */
    static final double AIR_HZ = 10_000;

    static final double AIR_DB = 2.0;
    /** The low-mid "box" a small room and a close microphone add. */
    static final double BOX_HZ = 350;

    static final double BOX_DB = -2.0;

    private VocalChain() {}

    /**
     * How a genre sends the vocal to its effects: the tempo-synced delay's length in beats, its level and feedback.
     * Ballads, soul and ambient styles want a long audible echo; rock a short slap; punk and hip hop very little.
     */
    record Delay(double beats, double send, double feedback) {
        static Delay of(Genre genre) {
            return switch (genre) {
                case BALLAD, SOUL, GOSPEL, AMBIENT, LOFI -> new Delay(0.75, 0.16, 0.35);
                case POP, INDIE, FOLK, COUNTRY, LATIN, REGGAE, DISCO, HOUSE, ELECTRONIC -> new Delay(0.5, 0.12, 0.3);
                case ROCK, METAL, BLUES, FUNK, JAZZ -> new Delay(0.25, 0.08, 0.15);
                case PUNK, HIP_HOP, CLASSICAL -> new Delay(0.25, 0.03, 0.1);
            };
        }
    }

    /**
     * How long the strip runs on past a voice's last sound, seconds: its filters ring for milliseconds, and the slow
     * compressor's 250 ms release only shapes what still sounds.
     */
    static final double TAIL_S = 0.5;

    /**
     * The shortest silence the strip starts afresh after, seconds: sixteen of the slow compressor's release time
     * constants, after which its detector has fallen 70 dB (the filters have long gone quiet), so a fresh start sounds
     * as running on through does: a loud phrase after it differs by 145 dB under its peak (measured, VocalChainTest).
     * After 2 s, eight constants, it differed by 79 dB under it.
     */
    static final double FRESH_AFTER_S = 4.0;

    /**
     * The channel strip on the dry voice: filters, de-esser, EQ and the two compressors; mono in, mono out. It runs
     * only where the voice sounds ({@link Sounding}): a backing voice sings in the choruses of a whole song's track.
     */
    static float[] strip(float[] dry, int rate) {
        List<Sounding.Span> spans =
                Sounding.spans(dry, Dynamics.CONTROL_FRAMES, (int) (TAIL_S * rate), (int) (FRESH_AFTER_S * rate));
        float[] voice = new float[dry.length];
        for (Sounding.Span span : spans) {
            float[] part = Arrays.copyOfRange(dry, span.from(), span.to());
            filter(part, Biquad.highPass(HIGH_PASS_HZ, 0.707, rate));
            deEss(part, rate);
            equalize(part, rate);
            System.arraycopy(part, 0, voice, span.from(), part.length);
        }
        double level = activeLevelDb(voice, rate);
        if (level > -90) {
            for (Sounding.Span span : spans) {
                // a fast compressor on the peaks 6 dB over the singing, then a slow one levelling it: a few dB each
                float[] part = Arrays.copyOfRange(voice, span.from(), span.to());
                Dynamics.compressMono(part, rate, level + 6, 4, 1, 60);
                Dynamics.compressMono(part, rate, level - 3, 2.5, 15, 250);
                System.arraycopy(part, 0, voice, span.from(), part.length);
            }
        }
        return voice;
    }

    /**
     * The stripped voice (see {@link #strip}) in stereo: dry in the centre at {@code dryGain}, with the genre's plate
     * (25 ms pre-delay, so the words stay in front of it) and tempo-synced ping-pong delay around it, fed {@code sent}
     * (the voice, or the voice with the others that share its effects: one pass of each effect serves them all).
     */
    static float[] withSends(float[] voice, float[] sent, int rate, Genre genre, double tempo, float dryGain) {
        float[] plate = Reverb.wet(predelayed(sent, rate, 0.025), rate, 0.6, 0.4);
        Delay delay = Delay.of(genre);
        float[] echo = delay(sent, rate, 60 / tempo * delay.beats(), delay.feedback());
        float reverbSend = (float) genre.reverb();
        float delaySend = (float) delay.send();
        float[] stereo = new float[voice.length * 2];
        for (int i = 0; i < stereo.length; i++) {
            stereo[i] = voice[i / 2] * dryGain + plate[i] * reverbSend + echo[i] * delaySend;
        }
        return stereo;
    }

    /** The tone: the box cut, presence and air. */
    static void equalize(float[] voice, int rate) {
        filter(voice, Biquad.peaking(BOX_HZ, 1.0, BOX_DB, rate));
        filter(voice, Biquad.peaking(PRESENCE_HZ, 1.0, PRESENCE_DB, rate));
        filter(voice, Biquad.highShelf(AIR_HZ, 0.707, AIR_DB, rate));
    }

    private static void filter(float[] x, Biquad filter) {
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) filter.process(x[i]);
        }
    }

    /**
     * A split-band de-esser: a Linkwitz-Riley crossover at {@link #SIBILANCE_HZ} (its two halves stay in phase, so
     * they sum flat), and the upper half turned down while its level is more than a quarter of the whole voice's, by up
     * to 8 dB, with a 1 ms attack and a 60 ms release: an "s" loses its hiss and vowels keep their air.
     */
    static void deEss(float[] x, int rate) {
        Biquad lp1 = Biquad.lowPass(SIBILANCE_HZ, 0.707, rate);
        Biquad lp2 = Biquad.lowPass(SIBILANCE_HZ, 0.707, rate);
        Biquad hp1 = Biquad.highPass(SIBILANCE_HZ, 0.707, rate);
        Biquad hp2 = Biquad.highPass(SIBILANCE_HZ, 0.707, rate);
        double attack = Math.exp(-1 / (0.001 * rate));
        double release = Math.exp(-1 / (0.06 * rate));
        double band = 0;
        double whole = 0;
        double floor = Math.pow(10, -8 / 20.0);
        for (int i = 0; i < x.length; i++) {
            double low = lp2.process(lp1.process(x[i]));
            double high = hp2.process(hp1.process(x[i]));
            double h2 = high * high;
            double w2 = low * low + h2;
            band = Subnormal.flush(h2 > band ? attack * band + (1 - attack) * h2 : release * band + (1 - release) * h2);
            whole = Subnormal.flush(
                    w2 > whole ? attack * whole + (1 - attack) * w2 : release * whole + (1 - release) * w2);
            double share = whole > 1e-12 ? band / whole : 0;
            // above a quarter of the power in the band, pull it down in proportion; never below the floor
            double gain = share > 0.25 ? Math.max(floor, 0.25 / share) : 1;
            x[i] = (float) (low + gain * high);
        }
    }

    /** The RMS level of the parts of {@code x} that are sung (50 ms blocks within 30 dB of the loudest), dBFS. */
    static double activeLevelDb(float[] x, int rate) {
        int block = Math.max(1, rate / 20);
        int blocks = x.length / block;
        double[] power = new double[blocks];
        double loudest = 0;
        for (int b = 0; b < blocks; b++) {
            double sum = 0;
            for (int i = b * block; i < (b + 1) * block; i++) {
                sum += (double) x[i] * x[i];
            }
            power[b] = sum / block;
            loudest = Math.max(loudest, power[b]);
        }
        double sum = 0;
        int counted = 0;
        for (double p : power) {
            if (p > loudest * 1e-3) {
                sum += p;
                counted++;
            }
        }
        return counted == 0 ? -120 : 10 * Math.log10(sum / counted);
    }

    private static float[] predelayed(float[] x, int rate, double seconds) {
        int d = (int) Math.round(seconds * rate);
        float[] out = new float[x.length];
        System.arraycopy(x, 0, out, Math.min(d, x.length), Math.max(0, x.length - d));
        return out;
    }

    /**
     * A ping-pong echo every {@code seconds}: the repeats alternate sides and lose highs and lows as a tape or analog
     * delay's do (a band of 300 Hz–5 kHz in the loop), so they sit behind the voice.
     */
    static float[] delay(float[] x, int rate, double seconds, double feedback) {
        int d = Math.max(1, (int) Math.round(seconds * rate));
        float[] out = new float[x.length * 2];
        double[] left = new double[x.length];
        double[] right = new double[x.length];
        Biquad lowCut = Biquad.highPass(300, 0.707, rate);
        Biquad highCut = Biquad.lowPass(5000, 0.707, rate);
        for (int i = d; i < x.length; i++) {
            // the left line takes the voice and what the right line repeats; the right takes the left's repeats
            left[i] = highCut.process(lowCut.process(x[i - d] + feedback * right[i - d]));
            right[i] = Subnormal.flush(feedback * left[i - d]);
            out[2 * i] = (float) left[i];
            out[2 * i + 1] = (float) right[i];
        }
        return out;
    }
}
