package dev.cantata.music;

import static dev.cantata.music.Arranger.CLAP;
import static dev.cantata.music.Arranger.HAT;
import static dev.cantata.music.Arranger.KICK;
import static dev.cantata.music.Arranger.OPEN_HAT;
import static dev.cantata.music.Arranger.RIDE;
import static dev.cantata.music.Arranger.RIM;
import static dev.cantata.music.Arranger.SHAKER;
import static dev.cantata.music.Arranger.SNARE;

import java.util.List;

/**
 * A drum groove: one bar of sixteenth-note steps per drum, {@code x} a hit, {@code o} a soft hit, {@code .} a rest.
 * Each {@link Genre} names one; several genres may share one.
 */
enum Groove {
    /** Kick on 1 and 3 pushed from the "and" of 2 and 4, snare and clap on 2 and 4, eighth hats leaning on the beat. */
    POP(
            line(KICK, "x.....x.x.....o."),
            line(SNARE, "....x.......x..."),
            line(CLAP, "....o.......o..."),
            line(HAT, "x.o.x.o.x.o.x..."),
            line(OPEN_HAT, "..............o.")),
    ROCK(line(KICK, "x.......x.x....."), line(SNARE, "....x.......x..."), line(HAT, "x.x.x.x.x.x.x.x.")),
    METAL(line(KICK, "x.x.x.x.x.x.x.x."), line(SNARE, "....x.......x..."), line(RIDE, "x...x...x...x...")),
    PUNK(line(KICK, "x...x...x...x..."), line(SNARE, "..x...x...x...x."), line(HAT, "x.x.x.x.x.x.x.x.")),
    FOLK(line(KICK, "x.......x......."), line(RIM, "....o.......o..."), line(SHAKER, "..o...o...o...o.")),
    /** The country train beat: the snare chugs. */
    TRAIN(line(KICK, "x.......x......."), line(SNARE, "o.xo.ox.o.xo.ox.")),
    /** Ride "ding, ding-a ding" with a feathered kick; jazz and blues share it, the genre's swing shapes it. */
    SWING(line(KICK, "x.......x......."), line(SNARE, "....o.......o..."), line(RIDE, "x...x.x.x...x.x.")),
    SOUL(line(KICK, "x......x..x....."), line(SNARE, "....x.......x..."), line(HAT, "x.x.x.x.x.x.x.x.")),
    FUNK(line(KICK, "x..x..x...x..x.."), line(SNARE, "....x..o.o..x..."), line(HAT, "xxxxxxxxxxxxxxxx")),
    FOUR_ON_THE_FLOOR(
            line(KICK, "x...x...x...x..."), line(SNARE, "....x.......x..."), line(OPEN_HAT, "..x...x...x...x.")),
    BOOM_BAP(line(KICK, "x......x.xx....."), line(SNARE, "....x.......x..."), line(HAT, "x.x.x.x.x.x.x.x.")),
    LOFI(line(KICK, "x......x..x....."), line(SNARE, "....o.......o..."), line(HAT, "o.o.o.o.o.o.o.o.")),
    /** Reggae: kick and rim together on 3 only. */
    ONE_DROP(line(KICK, "........x......."), line(RIM, "........x......."), line(HAT, "x.x.x.x.x.x.x.x.")),
    BOSSA(line(KICK, "x..x.x..x..x.x.."), line(RIM, "x..x..x...x..x.."), line(HAT, "x.x.x.x.x.x.x.x.")),
    BALLAD(line(KICK, "x.......x......."), line(SNARE, "....o.......o..."), line(HAT, "o...o...o...o...")),
    /** No drums at all (orchestral and ambient music). */
    NONE;

    /** One drum's part of the bar: a General MIDI percussion key and sixteen steps. */
    record Line(int drum, String steps) {
        Line {
            if (!steps.matches("[xo.]{16}")) {
                throw new IllegalArgumentException("a groove line is 16 steps of x, o and .: " + steps);
            }
        }
    }

    @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable, though its type cannot say so
    private final List<Line> lines;

    Groove(Line... lines) {
        this.lines = List.of(lines);
    }

    private static Line line(int drum, String steps) {
        return new Line(drum, steps);
    }

    List<Line> lines() {
        return lines;
    }

    /** Adds one bar of the groove at {@code level} (0–1 of full velocity); accents fall on the beats. */
    void play(List<Arranger.Event> out, Arranger.Bar bar, double level) {
        for (Line line : lines) {
            for (int step = 0; step < 16; step++) {
                char c = line.steps().charAt(step);
                if (c == '.') {
                    continue;
                }
                int velocity = (int) Math.round((c == 'x' ? 100 : 70) * level * (step % 4 == 0 ? 1.0 : 0.88));
                out.add(new Arranger.Event(bar.at(step / 4.0), 0.12, 9, 0, line.drum(), Math.min(127, velocity)));
            }
        }
    }
}
