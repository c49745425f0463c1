package dev.cantata.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class TempoEstimatorTest {

    /** A drum-machine bar: kick on 1 and 3, snare (a 190 Hz body under a noise burst) on 2 and 4, hats on the eighths. */
    static Pcm beat(double bpm, double seconds, int rate) {
        float[] x = new float[(int) (seconds * rate)];
        double beat = 60 / bpm;
        java.util.Random noise = new java.util.Random(1);
        for (int k = 0; k * beat / 2 < seconds; k++) {
            int at = (int) (k * beat / 2 * rate);
            boolean onBeat = k % 2 == 0;
            for (int i = 0; i < rate / 20 && at + i < x.length; i++) {
                double decay = Math.exp(-i / (rate * 0.01));
                double hat = (noise.nextDouble() - 0.5) * 0.3 * decay;
                double kick = onBeat && (k / 2) % 2 == 0 ? Math.sin(2 * Math.PI * 60 * i / rate) * decay * 0.8 : 0;
                double snare = onBeat && (k / 2) % 2 == 1
                        ? ((noise.nextDouble() - 0.5) * 0.6 + Math.sin(2 * Math.PI * 190 * i / rate) * 0.6) * decay
                        : 0;
                x[at + i] += (float) (hat + kick + snare);
            }
        }
        return new Pcm(x, rate);
    }

    @ParameterizedTest
    @ValueSource(doubles = {72, 96, 120, 128, 150})
    void aDrumPatternsTempoIsFoundWithinOnePercent(double bpm) {
        assertThat(TempoEstimator.bpm(beat(bpm, 20, 22_050))).isCloseTo(bpm, within(bpm * 0.01));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.137, 0.31, 0.42})
    void theBeatsPhaseIsFoundWithinTenMilliseconds(double phase) {
        Pcm pattern = beat(120, 20, 22_050);
        float[] late = new float[pattern.length()];
        int shift = (int) Math.round(phase * 22_050);
        System.arraycopy(pattern.samples(), 0, late, shift, late.length - shift);

        TempoEstimator.Beats beats = TempoEstimator.track(new Pcm(late, 22_050));

        double error = Math.IEEEremainder(beats.phase() - phase, beats.period());
        assertThat(Math.abs(error))
                .as("phase %.3f s heard as %.3f s", phase, beats.phase())
                .isLessThan(0.010);
    }

    /**
     * Punk and metal at speed: kick on 1 and 3, snare on 2 and 4, and a bass and power chord struck on every eighth
     * (110 Hz under 2 kHz, where the estimator listens), as loud as the drums.
     */
    static Pcm eighths(double bpm, double seconds, int rate) {
        float[] x = beat(bpm, seconds, rate).samples().clone();
        double eighth = 30 / bpm;
        for (int k = 0; k * eighth < seconds; k++) {
            int at = (int) (k * eighth * rate);
            for (int i = 0; i < rate / 25 && at + i < x.length; i++) {
                double decay = Math.exp(-i / (rate * 0.015));
                x[at + i] += (float) (0.7
                        * decay
                        * (Math.sin(2 * Math.PI * 110 * i / rate) + 0.5 * Math.sin(2 * Math.PI * 165 * i / rate)));
            }
        }
        return new Pcm(x, rate);
    }

    @ParameterizedTest
    @ValueSource(doubles = {160, 170, 190})
    void aFastBeatFilledWithEighthsIsNotHeardAtTwoThirdsOfItsTempo(double bpm) {
        // before the half-beat check these read 106, 113 and 126: a comb one and a half beats wide fits eighths too
        assertThat(TempoEstimator.bpm(eighths(bpm, 20, 22_050))).isCloseTo(bpm, within(bpm * 0.01));
    }
}
