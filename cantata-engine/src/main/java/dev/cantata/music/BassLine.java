package dev.cantata.music;

import dev.cantata.music.Arranger.Bar;
import dev.cantata.music.Arranger.Event;
import java.util.List;

/**
 * How the bass plays a bar, from the chord's root in the bass's low octave ({@link Arranger#bassNote}). Each {@link
 * Genre} names one; {@code variant} (0 or 1, chosen once per song) picks between two forms where a pattern has them.
 */
enum BassLine {
    /** Straight (or swung) eighths on the root, the last one stepping into the next chord: rock, metal, punk. */
    EIGHTHS {
        @Override
        void play(List<Event> out, Bar bar, int program, int variant) {
            int root = root(bar);
            int approach = approach(bar);
            for (int i = 0; i < 8; i++) {
                int pitch = i == 7 && approach > 0 ? approach : root;
                out.add(new Event(bar.at(i * 0.5), bar.beat() * 0.45, 1, program, pitch, i % 2 == 0 ? 94 : 86));
            }
        }
    },
    /** Root, third, fifth and a step into the next bar's root. */
    WALKING {
        @Override
        void play(List<Event> out, Bar bar, int program, int variant) {
            int root = root(bar);
            int fifth = root + 7;
            int target = Arranger.bassNote(bar.next().root());
            int third = root + (bar.chord().minor() ? 3 : 4);
            int[] walk = {root, third, fifth, target + (target > fifth ? -1 : 1)};
            for (int i = 0; i < 4; i++) {
                out.add(new Event(bar.start() + i * bar.beat(), bar.beat() * 0.9, 1, program, walk[i], 88));
            }
        }
    },
    /** Eighths jumping between the root and its octave: disco, electronic. */
    OCTAVE {
        @Override
        void play(List<Event> out, Bar bar, int program, int variant) {
            int root = root(bar);
            for (int i = 0; i < 8; i++) {
                out.add(new Event(
                        bar.start() + i * 0.5 * bar.beat(),
                        bar.beat() * 0.4,
                        1,
                        program,
                        i % 2 == 0 ? root : root + 12,
                        95));
            }
        }
    },
    /** The root on every "and": house, reggae. */
    OFFBEAT {
        @Override
        void play(List<Event> out, Bar bar, int program, int variant) {
            int root = root(bar);
            for (int i = 0; i < 4; i++) {
                out.add(new Event(bar.start() + (i + 0.5) * bar.beat(), bar.beat() * 0.4, 1, program, root, 95));
            }
        }
    },
    /** Short syncopated notes with octave and seventh pops, and dead-note ghosts on the sixteenths between. */
    FUNK {
        @Override
        void play(List<Event> out, Bar bar, int program, int variant) {
            int root = root(bar);
            int fifth = root + 7;
            double[] at = {0, 0.75, 1.5, 2, 2.75, 3.5};
            int[] notes = {root, root + 12, root, fifth, root + 10, root + 12};
            for (int i = 0; i < at.length; i++) {
                out.add(new Event(bar.start() + at[i] * bar.beat(), bar.beat() * 0.3, 1, program, notes[i], 100));
            }
            for (double ghost : new double[] {0.25, 1.25, 3.25}) {
                out.add(new Event(bar.start() + ghost * bar.beat(), bar.beat() * 0.08, 1, program, root, 38));
            }
        }
    },
    /** Root and fifth in the bossa nova rhythm. */
    BOSSA {
        @Override
        void play(List<Event> out, Bar bar, int program, int variant) {
            int root = root(bar);
            int fifth = root + 7;
            double start = bar.start();
            double beat = bar.beat();
            int low = fifth - 12 >= 28 ? fifth - 12 : fifth;
            out.add(new Event(start, beat * 1.4, 1, program, root, 85));
            out.add(new Event(start + 1.5 * beat, beat * 0.5, 1, program, low, 80));
            out.add(new Event(start + 2 * beat, beat * 1.4, 1, program, low, 82));
            out.add(new Event(start + 3.5 * beat, beat * 0.5, 1, program, root, 80));
        }
    },
    /** A held root and one answer: hip hop, lo-fi. */
    SPARSE {
        @Override
        void play(List<Event> out, Bar bar, int program, int variant) {
            int root = root(bar);
            out.add(new Event(bar.start(), bar.beat() * 1.5, 1, program, root, 100));
            out.add(new Event(
                    bar.start() + 2.5 * bar.beat(), bar.beat() * 0.8, 1, program, variant == 0 ? root : root + 7, 90));
        }
    },
    /** One root held for the bar: ballads, orchestral, ambient. */
    LONG {
        @Override
        void play(List<Event> out, Bar bar, int program, int variant) {
            out.add(new Event(bar.start(), bar.beat() * 3.9, 1, program, root(bar), 80));
        }
    },
    /** Root on 1, fifth (or root) on 3: folk, country. */
    ROOTS {
        @Override
        void play(List<Event> out, Bar bar, int program, int variant) {
            int root = root(bar);
            int fifth = root + 7;
            out.add(new Event(bar.start(), bar.beat() * 0.9, 1, program, root, 90));
            out.add(new Event(
                    bar.start() + 2 * bar.beat(),
                    bar.beat() * 0.9,
                    1,
                    program,
                    variant == 0 ? fifth - 12 < 28 ? fifth : fifth - 12 : root,
                    85));
        }
    },
    /**
     * Locked to the kick: the root on every kick of the groove (root on 1 and 3 with pickups when it has none), the
     * octave on the last "and" of a bar that stays on its chord, and an approach note into a change: pop, soul, gospel.
     */
    PULSE {
        @Override
        void play(List<Event> out, Bar bar, int program, int variant) {
            int root = root(bar);
            int fifth = root + 7;
            double start = bar.start();
            double beat = bar.beat();
            int approach = approach(bar);
            if (bar.kick().isEmpty()) {
                out.add(new Event(start, beat * 0.9, 1, program, root, 95));
                out.add(new Event(start + 1.5 * beat, beat * 0.4, 1, program, root, 80));
                out.add(new Event(start + 2 * beat, beat * 0.9, 1, program, variant == 0 ? root : fifth, 90));
            } else {
                List<Integer> steps = new java.util.ArrayList<>();
                for (int s = 0; s < 14; s++) {
                    if (bar.kick().charAt(s) != '.') {
                        steps.add(s);
                    }
                }
                for (int k = 0; k < steps.size(); k++) {
                    int step = steps.get(k);
                    int until = k + 1 < steps.size() ? steps.get(k + 1) : 14;
                    double length = Math.max(1, until - step) * beat / 4 * 0.9;
                    int pitch = variant == 1 && step == 8 ? fifth : root;
                    out.add(new Event(bar.at(step / 4.0), length, 1, program, pitch, step % 4 == 0 ? 96 : 84));
                }
            }
            int last = approach > 0 ? approach : root + 12;
            out.add(new Event(bar.at(3.5), beat * 0.4, 1, program, last, 78));
        }
    };

    /** Adds one bar of the bass line on {@code program}. */
    abstract void play(List<Event> out, Bar bar, int program, int variant);

    private static int root(Bar bar) {
        return Arranger.bassNote(bar.chord().root());
    }

    /**
     * A note a step into the next bar's root when the chord changes (from below when the line rises, above when it
     * falls; a semitone in the genres that walk chromatically, else a whole step), or -1 when it does not.
     */
    static int approach(Bar bar) {
        if (bar.next().root() == bar.chord().root()) {
            return -1;
        }
        int target = Arranger.bassNote(bar.next().root());
        int step = bar.chromatic() ? 1 : 2;
        return target > root(bar) ? target - step : target + step;
    }
}
