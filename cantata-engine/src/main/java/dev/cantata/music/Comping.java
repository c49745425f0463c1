package dev.cantata.music;

import dev.cantata.music.Arranger.Bar;
import dev.cantata.music.Arranger.Event;
import java.util.List;

/**
 * How the chord instrument plays a bar, from the chord voiced closed above G3 ({@link Arranger#voicing}). Each {@link
 * Genre} names one; {@code variant} (0 or 1, chosen once per song) picks between two forms where a style has them.
 */
enum Comping {
    /** Root, fifth and octave on every eighth: the distorted guitar of rock, metal and punk. */
    POWER {
        @Override
        void play(List<Event> out, Bar bar, int program, int velocity, int variant) {
            int root = 40 + Math.floorMod(bar.chord().root() - 4, 12);
            for (int i = 0; i < 8; i++) {
                double t = bar.at(i * 0.5);
                out.add(new Event(t, bar.beat() * 0.45, 2, program, root, velocity));
                out.add(new Event(t, bar.beat() * 0.45, 2, program, root + 7, velocity));
                out.add(new Event(t, bar.beat() * 0.45, 2, program, root + 12, velocity - 10));
            }
        }
    },
    /** Broken chords in eighths, the top note lifted an octave on each fourth. */
    ARPEGGIO {
        @Override
        void play(List<Event> out, Bar bar, int program, int velocity, int variant) {
            int[] notes = notes(bar);
            int[] order = variant == 0 ? new int[] {0, 1, 2, 1, 0, 2, 1, 2} : new int[] {0, 2, 1, 2, 0, 2, 1, 2};
            for (int i = 0; i < 8; i++) {
                int pitch = notes[order[i] % notes.length] + (i % 4 == 3 ? 12 : 0);
                out.add(new Event(bar.at(i * 0.5), bar.beat() * 0.9, 2, program, pitch, velocity - 8));
            }
        }
    },
    /** A strummed guitar, each string 12 ms after the one before, softer on the "and"s. */
    STRUM {
        @Override
        void play(List<Event> out, Bar bar, int program, int velocity, int variant) {
            int[] notes = notes(bar);
            double[] hits = {0, 1, 1.5, 2.5, 3, 3.5};
            for (double h : hits) {
                for (int k = 0; k < notes.length; k++) {
                    out.add(new Event(
                            bar.at(h) + k * 0.012,
                            bar.beat() * 0.6,
                            2,
                            program,
                            notes[k],
                            velocity - (h == Math.floor(h) ? 0 : 12)));
                }
            }
        }
    },
    /** Short chords off the beat, as jazz and blues pianists comp. */
    SYNCOPATED {
        @Override
        void play(List<Event> out, Bar bar, int program, int velocity, int variant) {
            double[] hits = variant == 0 ? new double[] {0, 1.5, 2.5} : new double[] {0.5, 2, 3.5};
            for (double h : hits) {
                for (int n : notes(bar)) {
                    out.add(new Event(bar.at(h), bar.beat() * 0.5, 2, program, n, velocity - 10));
                }
            }
        }
    },
    /** Short chords an octave up on every "and": the funk, disco and house stab, and the reggae skank. */
    STAB {
        @Override
        void play(List<Event> out, Bar bar, int program, int velocity, int variant) {
            int[] notes = notes(bar);
            for (int i = 0; i < 4; i++) {
                for (int n : notes) {
                    out.add(new Event(
                            bar.start() + (i + 0.5) * bar.beat(), bar.beat() * 0.25, 2, program, n + 12, velocity - 5));
                }
            }
        }
    },
    /** The chord held for the bar. */
    PAD {
        @Override
        void play(List<Event> out, Bar bar, int program, int velocity, int variant) {
            for (int n : notes(bar)) {
                out.add(new Event(bar.start(), bar.beat() * 4, 2, program, n, velocity - 15));
            }
        }
    },
    /** The chord held for the bar with the root doubled an octave down, as a string section voices it. */
    STRINGS {
        @Override
        void play(List<Event> out, Bar bar, int program, int velocity, int variant) {
            PAD.play(out, bar, program, velocity, variant);
            out.add(new Event(bar.start(), bar.beat() * 4, 2, program, notes(bar)[0] - 12, velocity - 20));
        }
    },
    /** Chords on beats 1 and 3, in the second form with pushes on the "and"s of 2 and 4. */
    BLOCK {
        @Override
        void play(List<Event> out, Bar bar, int program, int velocity, int variant) {
            double[] hits = variant == 0 ? new double[] {0, 2} : new double[] {0, 1.5, 2, 3.5};
            for (double h : hits) {
                for (int n : notes(bar)) {
                    out.add(new Event(
                            bar.at(h),
                            bar.beat() * (h % 1 == 0 ? 1.8 : 0.45),
                            2,
                            program,
                            n,
                            velocity - (h % 1 == 0 ? 0 : 12)));
                }
            }
        }
    };

    /** Adds one bar of comping on {@code program} at {@code velocity} (the section's loudness). */
    abstract void play(List<Event> out, Bar bar, int program, int velocity, int variant);

    private static int[] notes(Bar bar) {
        return Arranger.voicing(bar.chord(), 55);
    }
}
