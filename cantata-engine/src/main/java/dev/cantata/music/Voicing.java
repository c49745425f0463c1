package dev.cantata.music;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Voice leading for the chord instrument: of every inversion of a chord inside a register, the one whose notes move
 * least from the chord before (each new note measured to the nearest old one, plus each old note to the nearest new
 * one, so a voice that vanishes counts too), as a keyboard player moves a hand as little as the harmony allows.
 */
final class Voicing {
    /** The register the right hand keeps to: G3 up to F5, under and around where the voice sings. */
    static final int LOW = 55;

    static final int HIGH = 77;

    private Voicing() {}

    /**
     * The chord's pitch classes as jazz pianists voice a seventh chord without its root (the bass has it): third,
     * fifth, seventh and ninth; other chords unchanged.
     */
    static int[] rootless(Score.Chord chord) {
        if (!chord.seventh()) {
            return chord.pitchClasses();
        }
        int third = chord.minor() ? 3 : 4;
        int r = chord.root();
        return new int[] {(r + third) % 12, (r + 7) % 12, (r + 10) % 12, (r + 2) % 12};
    }

    /**
     * The closed voicing of {@code pitchClasses} (each inversion, in each octave that fits between {@link #LOW} and
     * {@link #HIGH}) nearest {@code previous}; with no previous chord, the root-position voicing from {@code LOW} up.
     */
    static List<Integer> lead(int[] pitchClasses, List<Integer> previous) {
        List<int[]> candidates = new ArrayList<>();
        for (int inversion = 0; inversion < pitchClasses.length; inversion++) {
            for (int base = LOW - 12; base <= HIGH; base++) {
                if (Math.floorMod(base, 12) != pitchClasses[inversion]) {
                    continue;
                }
                int[] notes = new int[pitchClasses.length];
                for (int k = 0; k < pitchClasses.length; k++) {
                    int pc = pitchClasses[(inversion + k) % pitchClasses.length];
                    notes[k] = base + Math.floorMod(pc - pitchClasses[inversion], 12);
                }
                if (notes[0] >= LOW && notes[notes.length - 1] <= HIGH) {
                    candidates.add(notes);
                }
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("no voicing of " + Arrays.toString(pitchClasses) + " fits the register");
        }
        if (previous.isEmpty()) {
            return asList(candidates.stream()
                    .filter(c -> Math.floorMod(c[0], 12) == pitchClasses[0])
                    .findFirst()
                    .orElse(candidates.get(0)));
        }
        int[] best = candidates.get(0);
        int bestDistance = Integer.MAX_VALUE;
        for (int[] c : candidates) {
            int d = distance(c, previous);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return asList(best);
    }

    /** Semitones of movement between two voicings: every note to the nearest of the other chord, both ways. */
    static int distance(int[] notes, List<Integer> previous) {
        int d = 0;
        for (int n : notes) {
            int nearest = Integer.MAX_VALUE;
            for (int p : previous) {
                nearest = Math.min(nearest, Math.abs(n - p));
            }
            d += nearest;
        }
        for (int p : previous) {
            int nearest = Integer.MAX_VALUE;
            for (int n : notes) {
                nearest = Math.min(nearest, Math.abs(n - p));
            }
            d += nearest;
        }
        return d;
    }

    private static List<Integer> asList(int[] notes) {
        return Arrays.stream(notes).boxed().toList();
    }
}
