package dev.cantata.music;

import dev.cantata.audio.Pcm;
import dev.cantata.audio.Psola;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Long sung vowels, synthesised short and then held. MaryTTS fits a phone to a given duration by scaling its five HMM
 * states in proportion (HTSEngine.processTargetList), so a vowel held for a second spends half of it in the glides
 * into and out of its steady state: the consonant-to-vowel transitions that carry a word's identity are smeared over
 * hundreds of milliseconds. A singer does the opposite: the transitions keep about their spoken speed and the vowel
 * holds in between (Sundberg, "The Science of the Singing Voice", 1987). So a vowel longer than {@link #LONGEST} is
 * given to MaryTTS at that length, and the middle of its steady part is then stretched to the note by TD-PSOLA, its
 * pitch following the phrase's {@link PitchContour} (vibrato, drift) there; the start of the vowel and its end are
 * kept as synthesised, at their own pitch.
 *
 * <p>Times here are the phrase's declared seconds from the start of its audio: "sung" as the score wants them,
 * "synthesised" as MaryTTS is asked for them.
 */
final class HeldVowels {
    /** The longest a vowel is synthesised, declared seconds: a stressed spoken vowel's length and a half. */
    static final double LONGEST = 0.2;
    /** The share of the synthesised vowel kept as it is at its start: the transition from the consonant. */
    private static final double ONSET = 0.35;
    /** The share kept at its end: the transition into the next consonant. */
    private static final double RELEASE = 0.25;
    /** The crossfade, seconds, between the sound as synthesised and the stretched middle at each end of a hold. */
    private static final double JOIN = 0.02;

    /**
     * Past a held middle's ends, seconds, where a grain still reaches into it: a grain spans a period either side of
     * its centre, 20 ms at the F0 tracker's 50 Hz floor ({@link HarmonyTake#track}), so 50 ms leaves room.
     */
    private static final double GRAIN_REACH = 0.05;

    /** One vowel sung for {@code length} seconds from {@code start}, synthesised for {@code synthLength}. */
    private record Hold(double start, double length, double synthStart, double synthLength) {
        double from() {
            return start + ONSET * synthLength;
        }

        double to() {
            return start + length - RELEASE * synthLength;
        }

        /** Where the held middle starts in the synthesised timeline. */
        double synthFrom() {
            return synthStart + ONSET * synthLength;
        }

        /** Where it ends there. */
        double synthTo() {
            return synthStart + (1 - RELEASE) * synthLength;
        }

        /** Sung minus synthesised seconds from the end of the held middle on, this hold's and those before it. */
        double shiftAfter() {
            return to() - synthTo();
        }
    }

    private final List<Hold> holds = new ArrayList<>();

    /** How long a vowel to be sung for {@code length} seconds is synthesised. */
    static double synthesised(double length) {
        return Math.min(length, LONGEST);
    }

    /** Records a vowel sung from {@code start} for {@code length}, synthesised from {@code synthStart}. */
    void add(double start, double length, double synthStart) {
        double synthLength = synthesised(length);
        if (synthLength < length) {
            holds.add(new Hold(start, length, synthStart, synthLength));
        }
    }

    boolean isEmpty() {
        return holds.isEmpty();
    }

    /** The synthesised time of sung time {@code t}: one to one outside the held middles, slowed within them. */
    double synthesisedAt(double t) {
        double shift = 0;
        for (Hold h : holds) {
            if (t <= h.from()) {
                break;
            }
            if (t < h.to()) {
                return h.synthFrom() + (t - h.from()) * (h.synthTo() - h.synthFrom()) / (h.to() - h.from());
            }
            shift = h.shiftAfter();
        }
        return t - shift;
    }

    /**
     * The pitch, semitones, to ask MaryTTS for at synthesised time {@code s}: the contour where the timelines run one
     * to one, and within a held middle a straight line between the contour's values at its ends, which the stretch
     * then moves to the contour itself (MaryTTS would otherwise be asked for a vibrato squeezed many times over).
     */
    double semitonesAt(double s, DoubleUnaryOperator contour) {
        double shift = 0;
        for (Hold h : holds) {
            if (s <= h.synthFrom()) {
                break;
            }
            if (s < h.synthTo()) {
                double w = (s - h.synthFrom()) / (h.synthTo() - h.synthFrom());
                return contour.applyAsDouble(h.from()) * (1 - w) + contour.applyAsDouble(h.to()) * w;
            }
            shift = h.shiftAfter();
        }
        return contour.applyAsDouble(s + shift);
    }

    /**
     * How much of the output at sung time {@code t} is the stretched sound: 1 within a held middle, 0 outside, a
     * raised cosine over {@link #JOIN} at each of its ends.
     */
    private double stretchedShare(double t) {
        for (Hold h : holds) {
            if (t > h.from() && t < h.to()) {
                double edge = Math.min(t - h.from(), h.to() - t);
                return edge >= JOIN ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * edge / JOIN);
            }
        }
        return 0;
    }

    /**
     * Whether a grain centred at sung time {@code t} reaches a held middle: within {@link #GRAIN_REACH} of one. Only
     * those are laid; the rest of the phrase is MaryTTS's own.
     */
    private boolean nearHold(double t) {
        for (Hold h : holds) {
            if (t > h.from() - GRAIN_REACH && t < h.to() + GRAIN_REACH) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sung minus synthesised seconds where the two run one to one: before the first hold 0, after each hold what it
     * added; within a hold that of its nearer end, where the sound as synthesised is faded against the stretched one.
     */
    private double shiftAt(double t) {
        double shift = 0;
        for (Hold h : holds) {
            if (t < (h.from() + h.to()) / 2) {
                break;
            }
            shift = h.shiftAfter();
        }
        return shift;
    }

    /** Sung seconds minus synthesised seconds over the whole phrase. */
    private double added() {
        double total = 0;
        for (Hold h : holds) {
            total += h.length() - h.synthLength();
        }
        return total;
    }

    /**
     * {@code audio} (declared at the phrase's rate, its F0 {@code f0} every 10 ms) with every held vowel stretched to
     * its note: as long as the sung phrase, its pitch {@code contour} (semitones at a sung time) in the held middles.
     */
    Pcm stretch(Pcm audio, double[] f0, DoubleUnaryOperator contour) {
        int rate = audio.sampleRate();
        float[] in = audio.samples();
        int length = in.length + (int) Math.round(added() * rate);
        // only the held middles are resynthesised: elsewhere the samples are MaryTTS's own, moved in time, so a slip
        // of the F0 tracker (at a vowel's edge, in a glide) cannot become a slip of the sung pitch, as it did when the
        // whole phrase went through PSOLA (7 of a male rock song's 54 notes 26-43 cents flat, measured)
        float[] stretched = Psola.render(
                Psola.analyse(in, rate, f0, 0.01),
                length,
                this::synthesisedAt,
                t -> 440 * Math.pow(2, (contour.applyAsDouble(t) - 69) / 12),
                this::nearHold);
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            double t = i / (double) rate;
            double w = stretchedShare(t);
            int from = i - (int) Math.round(shiftAt(t) * rate);
            double synthesised = w < 1 && from >= 0 && from < in.length ? in[from] : 0;
            out[i] = (float) (w * stretched[i] + (1 - w) * synthesised);
        }
        return new Pcm(out, rate);
    }
}
