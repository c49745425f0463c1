package dev.cantata.music;

import java.util.ArrayList;
import java.util.List;

/**
 * How a note's pitch travels at its start: it sounds {@code semitones} away from its written pitch (negative: from
 * below) and reaches it over {@code seconds}, as a bassist slides into a note along the string or an 808 glides from
 * the note before. Played with MIDI pitch bend over a range of {@link #RANGE} semitones, which the renderer and the
 * MIDI file set on each channel that slides (registered parameter 0, General MIDI's default being only 2).
 */
public record Slide(double semitones, double seconds) {
    /** No slide: the note starts on its pitch. */
    public static final Slide NONE = new Slide(0, 0);

    /** The pitch-bend range, semitones either way: an octave, the widest slide a bass line makes. */
    public static final int RANGE = 12;

    /** The pitch-bend wheel's centre, where it bends nothing (14-bit value). */
    public static final int CENTRE = 8192;

    /** A bend message's time step along a slide: 5 ms, under what an ear hears as steps at these depths. */
    static final double STEP_S = 0.005;

    public Slide {
        if (!Double.isFinite(semitones) || Math.abs(semitones) > RANGE || !(seconds >= 0) || seconds > 2) {
            throw new IllegalArgumentException(
                    "a slide is at most " + RANGE + " semitones over at most 2 s: " + semitones + ", " + seconds);
        }
    }

    /** Whether the note starts on its pitch. */
    public boolean none() {
        return semitones == 0 || seconds == 0;
    }

    /** A pitch-bend value (14-bit, {@link #CENTRE} = none) at {@code semitones} of bend. */
    public static int bendValue(double semitones) {
        return Math.max(0, Math.min(16383, (int) Math.round(CENTRE + semitones / RANGE * CENTRE)));
    }

    /**
     * Jackson's filter for a saved note's slide: equal to (so leaving out) a slide that is {@link #none()}. Jackson
     * calls {@code filter.equals(value)}; the filter is never put in a set or compared with another filter.
     */
    public static final class Absent {
        @Override
        public boolean equals(Object value) {
            return value == null || (value instanceof Slide s && s.none());
        }

        @Override
        public int hashCode() {
            return 0; // every filter is the same filter
        }
    }

    /** A point of a slide's bend: {@code at} seconds after the note starts, the wheel at {@code value}. */
    public record Bend(double at, int value) {}

    /**
     * The bends that play this slide on a note: the wheel at the start's offset, eased (smoothstep, so the pitch
     * leaves and arrives gently as a finger's or a glide's does) every {@link #STEP_S} to the centre at {@code
     * seconds}. Empty for {@link #none()}.
     */
    public List<Bend> bends() {
        List<Bend> out = new ArrayList<>();
        if (none()) {
            return out;
        }
        int steps = Math.max(1, (int) Math.ceil(seconds / STEP_S));
        for (int i = 0; i <= steps; i++) {
            double x = i / (double) steps;
            double eased = x * x * (3 - 2 * x);
            out.add(new Bend(seconds * x, bendValue(semitones * (1 - eased))));
        }
        return out;
    }
}
