package dev.cantata.music;

import static dev.cantata.music.Arranger.HAT;
import static dev.cantata.music.Arranger.KICK;
import static dev.cantata.music.Arranger.OPEN_HAT;
import static dev.cantata.music.Arranger.RIDE;
import static dev.cantata.music.Arranger.RIM;
import static dev.cantata.music.Arranger.SNARE;
import static dev.cantata.music.Arranger.TOM_HIGH;
import static dev.cantata.music.Arranger.TOM_LOW;
import static dev.cantata.music.Arranger.TOM_MID;

import dev.cantata.music.Arranger.Bar;
import dev.cantata.music.Arranger.Energy;
import dev.cantata.music.Arranger.Event;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What a drummer adds to a {@link Groove}'s bar: ghost notes on the snare and hats in the styles that play them, an
 * open hat closing every other bar, the ride instead of the hats in big choruses, a stripped-down bridge, and fills
 * that lead into the next section (a two-beat build into a chorus, a one-beat pickup elsewhere).
 */
final class Drummer {
    /** The grooves with a backbeat snare that ghost notes sit between. */
    private static final Set<Groove> GHOSTED =
            EnumSet.of(Groove.POP, Groove.ROCK, Groove.SOUL, Groove.FUNK, Groove.BOOM_BAP, Groove.LOFI);

    /** The grooves whose drummer moves from hats to the ride for a chorus. */
    private static final Set<Groove> RIDE_IN_CHORUS = EnumSet.of(Groove.POP, Groove.ROCK, Groove.SOUL, Groove.BALLAD);

    private Drummer() {}

    /** One bar of {@code groove} at {@code level} (0–1 of full velocity) as the bar's energy wants it played. */
    static void play(List<Event> out, Groove groove, Bar bar, double level, int barInSection, SplittableRandom random) {
        int from = out.size();
        groove.play(out, bar, level);
        if (bar.energy() == Energy.DROP) {
            // the bridge breaks down: kick on 1 and 3, the hats on the beats, a rim-click backbeat
            out.subList(from, out.size()).clear();
            for (int beat = 0; beat < 4; beat++) {
                out.add(new Event(bar.at(beat), 0.12, 9, 0, beat % 2 == 0 ? KICK : RIM, (int) (80 * level)));
                out.add(new Event(bar.at(beat), 0.12, 9, 0, HAT, (int) (62 * level)));
            }
            return;
        }
        boolean ride = bar.energy() == Energy.FULL && RIDE_IN_CHORUS.contains(groove);
        boolean washed = bar.energy() == Energy.FULL && groove == Groove.PUNK;
        if (ride || washed) {
            for (int i = from; i < out.size(); i++) {
                Event e = out.get(i);
                if (e.pitch() == HAT) {
                    out.set(i, new Event(e.start(), e.duration(), 9, 0, ride ? RIDE : OPEN_HAT, e.velocity()));
                }
            }
        }
        if ((GHOSTED.contains(groove) && bar.energy() != Energy.LIGHT) || groove == Groove.FUNK) {
            for (int step : new int[] {3, 7, 10, 15}) {
                if (random.nextInt(10) < 4) {
                    out.add(new Event(bar.at(step / 4.0), 0.08, 9, 0, SNARE, 26 + random.nextInt(12)));
                }
            }
        }
        if (GHOSTED.contains(groove) && !ride && groove != Groove.FUNK) {
            int step = random.nextBoolean() ? 3 : 11; // a sixteenth hat between the eighths
            out.add(new Event(bar.at(step / 4.0), 0.06, 9, 0, HAT, 34 + random.nextInt(10)));
        }
        if (barInSection % 2 == 1 && !ride && groove.lines().stream().anyMatch(l -> l.drum() == HAT)) {
            // the hat opens on the last "and" of a two-bar phrase
            double at = bar.at(3.5);
            out.removeIf(e -> e.pitch() == HAT && Math.abs(e.start() - at) < 1e-6);
            out.add(new Event(at, 0.25, 9, 0, OPEN_HAT, (int) (78 * level)));
        }
    }

    /**
     * The fill at the end of a section, leading into the next: into a chorus a two-beat build (snare sixteenths rising
     * from soft to loud, or a run down the toms), elsewhere the last beat only; the groove's snare, hats and ride make
     * room for it.
     */
    static void fill(List<Event> out, Bar bar, Lyrics.Part into, SplittableRandom random) {
        boolean build = into == Lyrics.Part.CHORUS || bar.energy() == Energy.LIFT;
        double from = build ? 2 : 3;
        double start = bar.at(from);
        double end = bar.start() + 4 * bar.beat();
        out.removeIf(e -> e.start() >= start - 1e-6
                && e.start() < end - 1e-6
                && (e.pitch() == SNARE || e.pitch() == HAT || e.pitch() == RIDE || e.pitch() == OPEN_HAT));
        int hits = (int) ((4 - from) * 4);
        boolean snareRoll = build && random.nextBoolean();
        int[] toms = {SNARE, TOM_HIGH, TOM_HIGH, TOM_MID, TOM_MID, TOM_LOW, TOM_LOW, TOM_LOW};
        for (int i = 0; i < hits; i++) {
            int drum = snareRoll ? SNARE : toms[(i * toms.length) / hits];
            int velocity = (int) Math.round(58 + 50.0 * i / Math.max(1, hits - 1));
            out.add(new Event(bar.at(from + i * 0.25), 0.12, 9, 0, drum, velocity));
        }
        if (build) {
            out.add(new Event(bar.at(3.5), 0.12, 9, 0, KICK, 100)); // the push into the chorus's crash
        }
    }
}
