package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cantata.music.Arranger.Event;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PerformerTest {
    private static final double SIXTEENTH = 0.125; // 120 BPM

    /** Two bars a second of kick on the beats and snare on the backbeats, exactly on the grid, for a minute. */
    private static List<Event> grid(int... drums) {
        List<Event> out = new ArrayList<>();
        for (int step = 0; step < 480; step++) {
            for (int drum : drums) {
                if ((drum == Arranger.KICK && step % 8 == 0) || (drum == Arranger.SNARE && step % 8 == 4)) {
                    out.add(new Event(step * SIXTEENTH, 0.1, 9, 0, drum, 100));
                }
            }
        }
        return out;
    }

    private static double[] offsets(List<Event> played, List<Event> grid, int drum) {
        List<Double> d = new ArrayList<>();
        for (int i = 0; i < played.size(); i++) {
            if (played.get(i).pitch() == drum) {
                d.add(played.get(i).start() - grid.get(i).start());
            }
        }
        return d.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double mean(double[] x) {
        return java.util.Arrays.stream(x).average().orElseThrow();
    }

    private static double sd(double[] x) {
        double m = mean(x);
        return Math.sqrt(java.util.Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / x.length);
    }

    @Test
    void theSameSeedPlaysTheSameWayAndAnotherSeedDifferently() {
        List<Event> grid = grid(Arranger.KICK, Arranger.SNARE);

        assertThat(Performer.perform(grid, Genre.ROCK, 7)).isEqualTo(Performer.perform(grid, Genre.ROCK, 7));
        assertThat(Performer.perform(grid, Genre.ROCK, 7)).isNotEqualTo(Performer.perform(grid, Genre.ROCK, 8));
    }

    @Test
    void aRockDrummerScattersAFewMillisecondsAroundTheGridAndVariesVelocity() {
        List<Event> grid = grid(Arranger.KICK, Arranger.SNARE);
        List<Event> played = Performer.perform(grid, Genre.ROCK, 3);

        double[] kicks = offsets(played, grid, Arranger.KICK);
        // the AR(1) drift keeps the stationary spread at the feel's σ (2.5 ms)
        assertThat(sd(kicks)).isBetween(0.0015, 0.0040);
        assertThat(Math.abs(mean(kicks))).isLessThan(0.001);
        double[] velocities = played.stream().mapToDouble(e -> e.velocity()).toArray();
        assertThat(sd(velocities)).isBetween(3.0, 9.0);
        assertThat(played).allSatisfy(e -> assertThat(e.velocity()).isBetween(1, 127));
    }

    @Test
    void theSnareLaysBackInHipHopAndSitsOnTheBeatInPunk() {
        List<Event> grid = grid(Arranger.KICK, Arranger.SNARE);

        double hipHop = mean(offsets(Performer.perform(grid, Genre.HIP_HOP, 1), grid, Arranger.SNARE));
        double punk = mean(offsets(Performer.perform(grid, Genre.PUNK, 1), grid, Arranger.SNARE));

        assertThat(hipHop).isCloseTo(0.018, within(0.002));
        assertThat(punk).isCloseTo(0, within(0.001));
    }

    @Test
    void aMachineGrooveIsTighterThanADrummer() {
        List<Event> grid = grid(Arranger.KICK);

        double house = sd(offsets(Performer.perform(grid, Genre.HOUSE, 2), grid, Arranger.KICK));
        double rock = sd(offsets(Performer.perform(grid, Genre.ROCK, 2), grid, Arranger.KICK));

        assertThat(house).isLessThan(rock / 2);
    }

    @Test
    void eachRolePlaysFromItsOwnGeneratorSoAddingASnareLeavesTheKickAsItWas() {
        List<Event> kicks = grid(Arranger.KICK);
        List<Event> both = grid(Arranger.KICK, Arranger.SNARE);

        List<Event> alone = Performer.perform(kicks, Genre.POP, 5);
        List<Event> together = Performer.perform(both, Genre.POP, 5).stream()
                .filter(e -> e.pitch() == Arranger.KICK)
                .toList();

        assertThat(together).isEqualTo(alone);
    }

    @Test
    void theNotesOfAStrumMoveTogetherSoTheStrumKeepsItsShape() {
        List<Event> strum = new ArrayList<>();
        Comping.strum(strum, 1.0, 0.5, 2, 25, new int[] {52, 55, 59, 64}, 80, 0.018, true);

        List<Event> played = Performer.perform(strum, Genre.FOLK, 4);

        for (int i = 1; i < played.size(); i++) {
            assertThat(played.get(i).start() - played.get(0).start())
                    .isCloseTo(strum.get(i).start() - strum.get(0).start(), within(1e-9));
        }
    }
}
