package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.music.Arranger.Event;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class VoicingTest {
    private static Score.Chord chord(int root, boolean minor, boolean seventh) {
        return new Score.Chord(0, 2, root, minor, seventh, 0);
    }

    @Test
    void withNoChordBeforeAChordIsInRootPositionFromTheBottomOfTheRegister() {
        assertThat(Voicing.lead(chord(0, false, false).pitchClasses(), List.of()))
                .containsExactly(60, 64, 67);
    }

    @Test
    void fromCMajorTheFChordTakesTheInversionThatKeepsTheCommonToneAndStepsTheOthers() {
        // C E G → C F A: C stays, E and G move up a step each (3 semitones each way), not F A C (root position)
        List<Integer> f = Voicing.lead(chord(5, false, false).pitchClasses(), List.of(60, 64, 67));

        assertThat(f).containsExactly(60, 65, 69);
        assertThat(Voicing.distance(new int[] {60, 65, 69}, List.of(60, 64, 67)))
                .isEqualTo(6);
    }

    @Test
    void aFourChordLoopVoiceLedMovesFarLessThanRootPositionChords() {
        Score.Chord[] loop = {
            chord(0, false, false), chord(7, false, false), chord(9, true, false), chord(5, false, false)
        };
        List<Integer> led = List.of();
        int ledDistance = 0;
        int rootDistance = 0;
        List<Integer> rootPrevious = List.of();
        for (int bar = 0; bar < 8; bar++) {
            Score.Chord c = loop[bar % 4];
            List<Integer> next = Voicing.lead(c.pitchClasses(), led);
            int[] root = Arranger.voicing(c, 55);
            if (bar > 0) {
                ledDistance += Voicing.distance(
                        next.stream().mapToInt(Integer::intValue).toArray(), led);
                rootDistance += Voicing.distance(root, rootPrevious);
            }
            led = next;
            rootPrevious = java.util.Arrays.stream(root).boxed().toList();
        }

        assertThat(ledDistance).isLessThan(rootDistance / 2);
    }

    @Test
    void aJazzSeventhIsVoicedWithoutItsRootAsThirdFifthSeventhAndNinth() {
        // D minor 7: F A C E
        assertThat(Voicing.rootless(chord(2, true, true))).containsExactly(5, 9, 0, 4);
        assertThat(Voicing.rootless(chord(2, true, false)))
                .isEqualTo(chord(2, true, false).pitchClasses());
    }

    @Test
    void aDownStrumSoundsLowToHighAndAnUpStrumHighToLowOverItsSpread() {
        int[] strings = {52, 55, 59, 64, 67};
        List<Event> down = new ArrayList<>();
        List<Event> up = new ArrayList<>();
        Comping.strum(down, 1.0, 0.5, 2, 25, strings, 80, 0.020, true);
        Comping.strum(up, 1.0, 0.5, 2, 25, strings, 80, 0.012, false);

        assertThat(down).extracting(Event::pitch).containsExactly(52, 55, 59, 64, 67);
        assertThat(up).extracting(Event::pitch).containsExactly(67, 64, 59, 55, 52);
        assertThat(down.get(4).start() - down.get(0).start())
                .isCloseTo(0.020, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(up.get(4).start() - up.get(0).start())
                .isCloseTo(0.012, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(down)
                .allSatisfy(e -> assertThat(e.start() + e.duration())
                        .isCloseTo(1.5, org.assertj.core.api.Assertions.within(1e-9)));
    }
}
