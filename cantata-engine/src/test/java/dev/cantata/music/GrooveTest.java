package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cantata.audio.Biquad;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class GrooveTest {
    private static final double BEAT = 0.5; // 120 BPM
    private static final Score.Chord C = new Score.Chord(0, 2, 0, false, false, 0);

    private static List<Arranger.Event> oneBar(Groove groove, int drum) {
        List<Arranger.Event> out = new ArrayList<>();
        groove.play(out, new Arranger.Bar(0, BEAT, 0, C, C), 1.0);
        return out.stream().filter(e -> e.pitch() == drum).toList();
    }

    private static List<Double> beats(List<Arranger.Event> events) {
        return events.stream().map(e -> e.start() / BEAT).toList();
    }

    @Test
    void popPlaysABackbeatOnTwoAndFour() {
        assertThat(beats(oneBar(Groove.POP, Arranger.SNARE))).containsExactly(1.0, 3.0);
        assertThat(beats(oneBar(Groove.POP, Arranger.CLAP))).containsExactly(1.0, 3.0);
    }

    @Test
    void popKicksOnOneAndThreeWithPushesButNeverOnTheBackbeat() {
        List<Double> kicks = beats(oneBar(Groove.POP, Arranger.KICK));

        assertThat(kicks).contains(0.0, 2.0).doesNotContain(1.0, 3.0);
        assertThat(kicks).anySatisfy(k -> assertThat(k % 1).isEqualTo(0.5)); // a push on an "and"
    }

    @Test
    void popHatsPlayEighthsLeaningOnTheBeat() {
        List<Arranger.Event> hats = new ArrayList<>(oneBar(Groove.POP, Arranger.HAT));
        hats.addAll(oneBar(Groove.POP, Arranger.OPEN_HAT));

        assertThat(beats(hats)).containsExactlyInAnyOrder(0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5);
        int onBeat = hats.stream()
                .filter(h -> h.start() / BEAT % 1 == 0)
                .mapToInt(Arranger.Event::velocity)
                .min()
                .orElseThrow();
        int offBeat = hats.stream()
                .filter(h -> h.start() / BEAT % 1 != 0)
                .mapToInt(Arranger.Event::velocity)
                .max()
                .orElseThrow();
        assertThat(onBeat).isGreaterThan(offBeat);
    }

    @Test
    void popNoLongerPlaysTheRockGroove() {
        // before grooves were types, "pop" named no groove and silently got the default, which was rock's
        assertThat(Genre.POP.groove()).isEqualTo(Groove.POP);
        assertThat(Groove.POP.lines()).isNotEqualTo(Groove.ROCK.lines());
    }

    @Test
    void noTwoGroovesPlayTheSameBar() {
        for (Groove a : Groove.values()) {
            for (Groove b : Groove.values()) {
                if (a != b) {
                    assertThat(a.lines()).as(a + " and " + b).isNotEqualTo(b.lines());
                }
            }
        }
    }

    @Test
    void aGrooveLineMustBeSixteenStepsOfHitsAndRests() {
        assertThatThrownBy(() -> new Groove.Line(Arranger.KICK, "x...x...x...x.."))
                .hasMessageContaining("16 steps");
        assertThatThrownBy(() -> new Groove.Line(Arranger.KICK, "x...x...x...x..X"))
                .hasMessageContaining("16 steps");
    }

    @Test
    void renderedPopDrumsCrackOnTheBackbeat() throws IOException {
        InstrumentRenderer renderer = InstrumentRenderer.load(Optional.empty());
        assumeTrue(renderer.soundfont().startsWith("FluidR3"), "needs the FluidR3 soundfont");
        List<Arranger.Event> bars = new ArrayList<>();
        for (int bar = 0; bar < 4; bar++) {
            Groove.POP.play(bars, new Arranger.Bar(bar * 4 * BEAT, BEAT, 0, C, C), 1.0);
        }

        float[] stereo = renderer.render(bars, 4 * 4 * BEAT + 1);

        // the snare and clap crack between 1 and 4 kHz, under the hats and over the kick
        float[] band = band(stereo, 1000, 4000);
        double backbeat = 0;
        double downbeat = 0;
        for (int beat = 0; beat < 16; beat++) {
            double energy = energy(band, beat * BEAT, 0.08);
            if (beat % 2 == 1) {
                backbeat += energy;
            } else {
                downbeat += energy;
            }
        }
        assertThat(backbeat / downbeat).isGreaterThan(2.0); // 3.1 with FluidR3
    }

    /** The left channel between {@code low} and {@code high} Hz: high-passed at low, less its part above high. */
    private static float[] band(float[] stereo, double low, double high) {
        float[] above = new float[stereo.length / 2];
        for (int f = 0; f < above.length; f++) {
            above[f] = stereo[2 * f];
        }
        for (int pass = 0; pass < 2; pass++) {
            Biquad.highPass(low, 0.707, Song.RATE).processInterleaved(above, 0, 1);
        }
        float[] higher = above.clone();
        for (int pass = 0; pass < 2; pass++) {
            Biquad.highPass(high, 0.707, Song.RATE).processInterleaved(higher, 0, 1);
        }
        for (int f = 0; f < above.length; f++) {
            above[f] -= higher[f];
        }
        return above;
    }

    private static double energy(float[] mono, double from, double seconds) {
        int a = (int) Math.round(from * Song.RATE);
        int b = Math.min(mono.length, a + (int) Math.round(seconds * Song.RATE));
        double sum = 0;
        for (int f = a; f < b; f++) {
            sum += mono[f] * mono[f];
        }
        return sum;
    }

    @Test
    void aBarStartsOnItsDownbeatAndSwingDelaysOnlyTheOffBeatEighth() {
        Arranger.Bar bar = new Arranger.Bar(10, BEAT, 0.3, C, C);

        assertThat(bar.at(0)).isEqualTo(10.0);
        assertThat(bar.at(1.5)).isCloseTo(10 + 1.8 * BEAT, within(1e-12));
        assertThat(bar.at(1.25)).isCloseTo(10 + 1.25 * BEAT, within(1e-12));
    }
}
