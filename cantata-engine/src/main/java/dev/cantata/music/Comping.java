package dev.cantata.music;

import dev.cantata.music.Arranger.Bar;
import dev.cantata.music.Arranger.Energy;
import dev.cantata.music.Arranger.Event;
import java.util.List;

/**
 * How the chord instrument plays a bar, from the bar's voice-led voicing ({@link Voicing}, carried by the {@link Bar}).
 * Each {@link Genre} names one; {@code variant} (0 or 1, chosen once per song) picks between two forms where a style
 * has them, and the bar's {@link Energy} thins or fills the part (verses lighter, choruses fuller, bridges held).
 * Guitars strum: a down-strum sounds its strings low to high, an up-strum high to low, spread over 10–30 ms.
 */
enum Comping {
    /**
     * Root, fifth and octave down-strummed on every eighth: the overdriven guitar of rock, metal and punk, palm-muted
     * (short and soft) in verses, open and accented in choruses, one ringing chord a bar in a bridge.
     */
    POWER {
        @Override
        void play(List<Event> out, Bar bar, int program, int velocity, int variant) {
            int root = 40 + Math.floorMod(bar.chord().root() - 4, 12);
            int[] notes = {root, root + 7, root + 12};
            if (bar.energy() == Energy.DROP) {
                strum(out, bar.at(0), bar.beat() * 3.8, bar.channel(), program, notes, velocity, 0.012, true);
                return;
            }
            boolean muted = bar.energy() == Energy.LIGHT;
            for (int i = 0; i < 8; i++) {
                double length = bar.beat() * (muted ? 0.22 : 0.46);
                int accent = muted ? -10 : i % 4 == 0 ? 6 : 0;
                strum(out, bar.at(i * 0.5), length, bar.channel(), program, notes, velocity + accent, 0.010, true);
            }
        }
    },
    /** Broken chords in eighths, the top note lifted an octave on each fourth. */
    ARPEGGIO {
        @Override
        void play(List<Event> out, Bar bar, int program, int velocity, int variant) {
            int[] notes = notes(bar);
            int[] order = variant == 0 ? new int[] {0, 1, 2, 1, 0, 2, 1, 2} : new int[] {0, 2, 1, 2, 0, 2, 1, 2};
            int steps = bar.energy() == Energy.DROP ? 4 : 8;
            for (int i = 0; i < steps; i++) {
                int pitch = notes[order[i] % notes.length] + (i % 4 == 3 ? 12 : 0);
                double at = bar.energy() == Energy.DROP ? i : i * 0.5;
                int accent = i % 4 == 0 ? 4 : i % 2 == 0 ? 0 : -6;
                out.add(new Event(bar.at(at), bar.beat() * 0.9, bar.channel(), program, pitch, velocity - 8 + accent));
            }
        }
    },
    /**
     * A strummed guitar: the folk and pop pattern down, down-up, up-down-up in verses, every eighth down-up in
     * choruses, one ringing chord a bar in a bridge; up-strums catch only the top strings, softer.
     */
    STRUM {
        @Override
        void play(List<Event> out, Bar bar, int program, int velocity, int variant) {
            int[] notes = notes(bar);
            String pattern = switch (bar.energy()) {
                case DROP -> "D.......";
                case FULL -> "DUDUDUDU";
                default -> variant == 0 ? "D.DU.UDU" : "D.D.DUDU";
            };
            for (int i = 0; i < 8; i++) {
                char c = pattern.charAt(i);
                if (c == '.') {
                    continue;
                }
                boolean down = c == 'D';
                int[] strings =
                        down ? notes : java.util.Arrays.copyOfRange(notes, Math.max(0, notes.length - 3), notes.length);
                double length = bar.energy() == Energy.DROP ? bar.beat() * 3.8 : bar.beat() * 0.6;
                int v = velocity + (i % 4 == 0 ? 6 : 0) - (down ? 0 : 14);
                strum(out, bar.at(i * 0.5), length, bar.channel(), program, strings, v, down ? 0.020 : 0.012, down);
            }
        }
    },
    /** Short chords off the beat, as jazz and blues pianists comp; jazz takes the next chord's dominant on the way. */
    SYNCOPATED {
        @Override
        void play(List<Event> out, Bar bar, int program, int velocity, int variant) {
            double[] hits = variant == 0 ? new double[] {0, 1.5, 2.5} : new double[] {0.5, 2, 3.5};
            for (double h : hits) {
                List<Integer> chord = h >= 2 && !bar.approach().isEmpty() ? bar.approach() : bar.voiced();
                for (int n : chord) {
                    out.add(new Event(bar.at(h), bar.beat() * 0.5, bar.channel(), program, n, velocity - 10));
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
                if (bar.energy() == Energy.DROP && i % 2 == 1) {
                    continue;
                }
                for (int n : notes) {
                    out.add(new Event(
                            bar.start() + (i + 0.5) * bar.beat(),
                            bar.beat() * 0.25,
                            bar.channel(),
                            program,
                            n + 12,
                            velocity - 5));
                }
            }
        }
    },
    /** The chord held for the bar. */
    PAD {
        @Override
        void play(List<Event> out, Bar bar, int program, int velocity, int variant) {
            for (int n : notes(bar)) {
                out.add(new Event(bar.start(), bar.beat() * 4, bar.channel(), program, n, velocity - 15));
            }
        }
    },
    /** The chord held for the bar with the root doubled an octave down, as a string section voices it. */
    STRINGS {
        @Override
        void play(List<Event> out, Bar bar, int program, int velocity, int variant) {
            PAD.play(out, bar, program, velocity, variant);
            int root = 43 + Math.floorMod(bar.chord().root() - 43, 12);
            out.add(new Event(bar.start(), bar.beat() * 4, bar.channel(), program, root, velocity - 20));
        }
    },
    /**
     * Piano: the left hand's root and fifth on beat 1 (and 3), the right hand's voice-led chord on 1 and 3, in the
     * second form with pushes on the "and"s of 2 and 4; in choruses the right hand's top note doubled an octave up.
     */
    BLOCK {
        @Override
        void play(List<Event> out, Bar bar, int program, int velocity, int variant) {
            int root = 40 + Math.floorMod(bar.chord().root() - 40, 12);
            int fifth = root + 7;
            double[] left = bar.energy() == Energy.LIGHT ? new double[] {0} : new double[] {0, 2};
            for (double h : left) {
                out.add(new Event(bar.at(h), bar.beat() * 1.9, bar.channel(), program, root, velocity - 12));
                out.add(new Event(bar.at(h), bar.beat() * 1.9, bar.channel(), program, fifth, velocity - 16));
            }
            double[] hits = bar.energy() == Energy.DROP
                    ? new double[] {0}
                    : variant == 0 ? new double[] {0, 2} : new double[] {0, 1.5, 2, 3.5};
            int[] notes = notes(bar);
            for (double h : hits) {
                double length = bar.energy() == Energy.DROP ? 3.8 : h % 1 == 0 ? 1.8 : 0.45;
                int v = velocity - (h % 1 == 0 ? 0 : 12);
                for (int n : notes) {
                    out.add(new Event(bar.at(h), bar.beat() * length, bar.channel(), program, n, v));
                }
                if (bar.energy() == Energy.FULL) {
                    int top = notes[notes.length - 1] + 12;
                    out.add(new Event(bar.at(h), bar.beat() * length, bar.channel(), program, top, v - 8));
                }
            }
        }
    };

    /** Adds one bar of comping on {@code program} at {@code velocity} (the section's loudness). */
    abstract void play(List<Event> out, Bar bar, int program, int velocity, int variant);

    private static int[] notes(Bar bar) {
        return bar.voiced().stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * One strum of {@code notes} (low to high as given): a down-strum sounds them low to high, an up-strum high to low,
     * the first string at {@code at} and the last {@code spread} seconds later.
     */
    static void strum(
            List<Event> out,
            double at,
            double length,
            int channel,
            int program,
            int[] notes,
            int velocity,
            double spread,
            boolean down) {
        double step = notes.length > 1 ? spread / (notes.length - 1) : 0;
        for (int k = 0; k < notes.length; k++) {
            int string = down ? k : notes.length - 1 - k;
            // the strings struck later in a strum are a little softer, the pick losing energy across them
            out.add(new Event(at + k * step, length - k * step, channel, program, notes[string], velocity - k));
        }
    }
}
