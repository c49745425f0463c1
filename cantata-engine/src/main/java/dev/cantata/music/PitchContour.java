package dev.cantata.music;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The F0 a singer sings through a phrase, in MIDI semitones every {@link #FRAME} seconds: not one flat plateau per note
 * but the movements that singing-voice research measures and models. After Saitou, Unoki and Akagi, "Development of an
 * F0 control model based on F0 dynamic characteristics for singing-voice synthesis" (Speech Communication 46, 2005) and
 * Saitou et al. (2007): the note melody as a step function is passed through a damped second-order system, forwards
 * for the <b>overshoot</b> after a change of pitch and backwards for the <b>preparation</b> (a small move away before
 * it), so each transition is a smooth glide of about 60–150 ms whose swings grow with the interval; long notes get a
 * <b>vibrato</b> that starts late and fades in; a slow <b>fine fluctuation</b> of a few cents keeps held notes from
 * sounding machine-flat; and in the styles that use it, a <b>scoop</b> from below into a note after a breath.
 *
 * <p>The numbers: overshoot ω = 0.0348 rad/ms and ζ = 0.5422, preparation ω = 0.0292 rad/ms and ζ = 0.6 (Saitou's
 * fitted values for Japanese trained singers); vibrato onset 150–300 ms after the note starts, faded in over 200 ms,
 * rate 5–6.5 Hz (Prame 1994: 5.5–6.5 Hz in Western classical singing, a little slower in popular styles); extent per
 * genre ({@link Genre.Singing}), varied ±15 % per note with a slow wobble of rate and depth inside the note (Sundberg:
 * no two vibrato cycles are identical); fine fluctuation about 3 cents RMS below 5 Hz (Akagi and Kitakaze 2000).
 */
final class PitchContour {
    /** One frame: MaryTTS's HMM frame, 5 ms. */
    static final double FRAME = 0.005;

    private static final double OVERSHOOT_OMEGA = 34.8; // rad/s
    private static final double OVERSHOOT_ZETA = 0.5422;
    private static final double PREPARATION_OMEGA = 29.2;
    private static final double PREPARATION_ZETA = 0.6;
    /** Notes at least this long carry vibrato: shorter ones end before it would have started. */
    static final double VIBRATO_MIN_NOTE = 0.4;

    private PitchContour() {}

    /**
     * The contour of {@code notes}, frame 0 at {@code zero} seconds on the notes' clock, {@code frames} long.
     *
     * @param singing how much vibrato and scoop the genre asks for
     * @param seed makes the random parts (vibrato rates, fluctuation) the same for the same phrase
     */
    static double[] of(List<Score.Note> notes, double zero, int frames, Genre.Singing singing, long seed) {
        double[] target = new double[frames];
        if (notes.isEmpty() || frames == 0) {
            return target;
        }
        // the step melody: each note's pitch from its start to the next note's start (rests hold the last pitch)
        double[] speed = new double[frames];
        int n = 0;
        for (int f = 0; f < frames; f++) {
            double t = zero + f * FRAME;
            while (n + 1 < notes.size() && t >= notes.get(n + 1).start()) {
                n++;
            }
            target[f] = notes.get(n).pitch();
            speed[f] = speed(notes.get(n).duration());
        }
        double[] pitch = transitions(target, speed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < notes.size(); i++) {
            Score.Note note = notes.get(i);
            boolean afterBreath = i == 0 || note.start() - notes.get(i - 1).end() > 0.1;
            if (afterBreath && note.duration() >= 0.25 && random.nextDouble() < singing.scoop()) {
                scoop(pitch, note, zero, random);
            }
            if (note.duration() >= VIBRATO_MIN_NOTE && singing.vibratoCents() > 0) {
                // the phrase's last vowel rings on past its note while the voice releases: the vibrato goes with it
                double end = i == notes.size() - 1 ? Math.max(note.end(), zero + frames * FRAME) : note.end();
                vibrato(pitch, note.start(), end, zero, singing, random);
            }
        }
        fluctuation(pitch, random);
        return pitch;
    }

    /**
     * How much faster than Saitou's (measured on slow, sustained singing) a note's transitions run: singers reach the
     * pitch of short notes sooner, or fast passages would never be in tune. Notes of 0.35 s and longer move at
     * Saitou's speed; an eighth at 170 bpm (0.18 s) moves twice as fast; never more than 3.5 times.
     */
    static double speed(double noteSeconds) {
        return Math.min(3.5, Math.max(1, 0.35 / Math.max(1e-3, noteSeconds)));
    }

    private static double[] scaled(double[] speed, double omega) {
        double[] out = new double[speed.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = speed[i] * omega;
        }
        return out;
    }

    /**
     * The step melody {@code target} with its transitions: overshoot forwards, then preparation backwards, each at
     * Saitou's speed times {@code speed[i]} at frame i ({@link #speed}).
     */
    static double[] transitions(double[] target, double[] speed) {
        return secondOrder(
                secondOrder(target, scaled(speed, OVERSHOOT_OMEGA), OVERSHOOT_ZETA, false),
                scaled(speed, PREPARATION_OMEGA),
                PREPARATION_ZETA,
                true);
    }

    /**
     * A damped second-order system driven by {@code x} (unit gain), natural frequency {@code omega[i]} rad/s at frame
     * i, run forwards or backwards in time, started at rest on the first (or last) value so that the phrase does not
     * glide in from zero.
     */
    private static double[] secondOrder(double[] x, double[] omega, double zeta, boolean backwards) {
        double[] y = new double[x.length];
        int start = backwards ? x.length - 1 : 0;
        int step = backwards ? -1 : 1;
        double position = x[start];
        double velocity = 0;
        // semi-implicit Euler at 5 ms: ωΔt is at most 0.61 (3.5 × 34.8 rad/s), well inside its stable range
        for (int k = 0, i = start; k < x.length; k++, i += step) {
            double w = omega[i];
            velocity += FRAME * (w * w * (x[i] - position) - 2 * zeta * w * velocity);
            position += FRAME * velocity;
            y[i] = position;
        }
        return y;
    }

    private static void vibrato(
            double[] pitch, double start, double end, double zero, Genre.Singing singing, SplittableRandom r) {
        double onset = 0.15 + 0.15 * r.nextDouble();
        double fadeIn = 0.2;
        double fadeOut = 0.08;
        double rate = singing.vibratoRate() * (0.93 + 0.14 * r.nextDouble());
        double extent = singing.vibratoCents() / 100 * (0.85 + 0.3 * r.nextDouble());
        double wobble = 0.6 + 0.8 * r.nextDouble(); // Hz: the slow drift of rate and depth inside the note
        double wobblePhase = 2 * Math.PI * r.nextDouble();
        double phase = 0;
        int from = Math.max(0, (int) Math.ceil((start + onset - zero) / FRAME));
        int to = Math.min(pitch.length, (int) Math.floor((end - zero) / FRAME));
        for (int f = from; f < to; f++) {
            double t = zero + f * FRAME - start;
            double in = Math.min(1, (t - onset) / fadeIn);
            double out = Math.min(1, (end - start - t) / fadeOut);
            double envelope = 0.5 - 0.5 * Math.cos(Math.PI * Math.max(0, Math.min(in, out)));
            double drift = Math.sin(2 * Math.PI * wobble * t + wobblePhase);
            phase += 2 * Math.PI * rate * (1 + 0.03 * drift) * FRAME;
            pitch[f] += envelope * extent * (1 + 0.1 * drift) * Math.sin(phase);
        }
    }

    /** A rise from 60–120 cents below into the note, most of it gone within 100 ms. */
    private static void scoop(double[] pitch, Score.Note note, double zero, SplittableRandom r) {
        double depth = 0.6 + 0.6 * r.nextDouble();
        int from = Math.max(0, (int) Math.round((note.start() - 0.03 - zero) / FRAME));
        int to = Math.min(pitch.length, (int) Math.round((note.start() + 0.2 - zero) / FRAME));
        for (int f = from; f < to; f++) {
            double t = zero + f * FRAME - (note.start() - 0.03);
            pitch[f] -= depth * Math.exp(-t / 0.04);
        }
    }

    /** Low-pass noise under about 3 Hz, scaled to 3 cents RMS over the phrase. */
    private static void fluctuation(double[] pitch, SplittableRandom r) {
        double a = Math.exp(-2 * Math.PI * 3 * FRAME); // two poles at 3 Hz
        double[] noise = new double[pitch.length];
        double state = 0;
        double slow = 0;
        double sum = 0;
        for (int f = 0; f < noise.length; f++) {
            state = a * state + (1 - a) * (r.nextDouble() * 2 - 1);
            slow = a * slow + (1 - a) * state;
            noise[f] = slow;
            sum += slow * slow;
        }
        double rms = Math.sqrt(sum / Math.max(1, noise.length));
        if (rms > 0) {
            for (int f = 0; f < pitch.length; f++) {
                pitch[f] += 0.03 * noise[f] / rms;
            }
        }
    }
}
