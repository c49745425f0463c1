package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.music.Arranger.Bar;
import dev.cantata.music.Arranger.Energy;
import dev.cantata.music.Arranger.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class DrummerTest {
    private static final double BEAT = 0.5;
    private static final Score.Chord C = new Score.Chord(0, 2, 0, false, false, 0);
    private static final Score.Chord F = new Score.Chord(2, 4, 5, false, false, 1);

    static Bar bar(Energy energy, String kick) {
        return new Bar(0, BEAT, 0, C, F, energy, 2, List.of(60, 64, 67), List.of(), kick, false);
    }

    private static List<Event> play(Groove groove, Energy energy, int barInSection) {
        List<Event> out = new ArrayList<>();
        Drummer.play(out, groove, bar(energy, ""), 1.0, barInSection, new SplittableRandom(1));
        return out;
    }

    @Test
    void aBigChorusMovesFromTheHatsToTheRideAndAVerseKeepsTheHats() {
        assertThat(play(Groove.ROCK, Energy.FULL, 0)).noneMatch(e -> e.pitch() == Arranger.HAT);
        assertThat(play(Groove.ROCK, Energy.FULL, 0)).anyMatch(e -> e.pitch() == Arranger.RIDE);
        assertThat(play(Groove.ROCK, Energy.LIGHT, 0)).anyMatch(e -> e.pitch() == Arranger.HAT);
        assertThat(play(Groove.ROCK, Energy.LIGHT, 0)).noneMatch(e -> e.pitch() == Arranger.RIDE);
    }

    @Test
    void ghostNotesAreSoftSnaresBetweenTheBackbeats() {
        List<Event> ghosts = new ArrayList<>();
        for (int seed = 0; seed < 8; seed++) {
            List<Event> out = new ArrayList<>();
            Drummer.play(out, Groove.FUNK, bar(Energy.FULL, ""), 1.0, 0, new SplittableRandom(seed));
            out.stream()
                    .filter(e -> e.pitch() == Arranger.SNARE && e.velocity() < 45)
                    .forEach(ghosts::add);
        }

        assertThat(ghosts).isNotEmpty();
        assertThat(ghosts).allSatisfy(g -> assertThat(g.start() / BEAT % 1).isNotEqualTo(0.0));
    }

    @Test
    void theSecondBarOfAPhraseOpensTheHatOnItsLastAnd() {
        assertThat(play(Groove.ROCK, Energy.LIGHT, 1))
                .anySatisfy(e -> {
                    assertThat(e.pitch()).isEqualTo(Arranger.OPEN_HAT);
                    assertThat(e.start()).isEqualTo(3.5 * BEAT);
                })
                .noneMatch(e -> e.pitch() == Arranger.HAT && e.start() == 3.5 * BEAT);
    }

    @Test
    void aBridgeBreaksDownToKickRimAndHats() {
        assertThat(play(Groove.ROCK, Energy.DROP, 0))
                .extracting(Event::pitch)
                .containsOnly(Arranger.KICK, Arranger.RIM, Arranger.HAT);
    }

    @Test
    void theFillIntoAChorusBuildsOverTwoBeatsFromSoftToLoud() {
        List<Event> out = new ArrayList<>();
        Groove.ROCK.play(out, bar(Energy.LIGHT, ""), 1.0);
        Drummer.fill(out, bar(Energy.LIGHT, ""), Lyrics.Part.CHORUS, new SplittableRandom(3));

        List<Event> fill = out.stream()
                .filter(e -> e.start() >= 2 * BEAT && e.pitch() != Arranger.KICK)
                .sorted(java.util.Comparator.comparingDouble(Event::start))
                .toList();
        assertThat(fill).hasSize(8);
        assertThat(fill.get(0).velocity()).isLessThan(fill.get(7).velocity());
        assertThat(fill).noneMatch(e -> e.pitch() == Arranger.HAT);
    }

    @Test
    void theFillIntoAVerseIsTheLastBeatOnly() {
        List<Event> out = new ArrayList<>();
        Drummer.fill(out, bar(Energy.FULL, ""), Lyrics.Part.VERSE, new SplittableRandom(3));

        assertThat(out).hasSize(4).allSatisfy(e -> assertThat(e.start()).isGreaterThanOrEqualTo(3 * BEAT));
    }

    @Test
    void thePopBassLocksToTheKickAndStepsIntoTheNextChord() {
        String kick = "x.....x.x.....o.";
        List<Event> bass = new ArrayList<>();
        BassLine.PULSE.play(bass, bar(Energy.FULL, kick), 33, 0);

        List<Double> steps = bass.stream().map(e -> e.start() / BEAT * 4).toList();
        assertThat(steps).containsExactly(0.0, 6.0, 8.0, 14.0);
        // the last note leads into F: a whole step from its root (F1 = 41 in the bass's octave)
        int target = Arranger.bassNote(5);
        assertThat(Math.abs(bass.get(3).pitch() - target)).isEqualTo(2);
    }
}
