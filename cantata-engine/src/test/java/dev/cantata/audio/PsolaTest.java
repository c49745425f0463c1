package dev.cantata.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PsolaTest {
    private static final int RATE = 16_000;

    /**
     * 200 Hz whose second harmonic turns once through its phase, so that the period's tallest peak and its deepest
     * trough take turns at being the larger: what a vowel does as its formants move.
     */
    private static float[] drifting(double seconds) {
        float[] x = new float[(int) (seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) RATE;
            x[i] = (float) (Math.sin(2 * Math.PI * 200 * t)
                    + 0.45 * Math.sin(2 * Math.PI * 400 * t + 2 * Math.PI * t / seconds));
        }
        return x;
    }

    @Test
    void pitchMarksFollowTheWaveformAPeriodApartAsItsShapeChanges() {
        float[] x = drifting(1.0);
        double[] f0 = new double[100];
        Arrays.fill(f0, 200);

        List<Integer> marks = Psola.marks(x, RATE, f0, 0.01);

        assertThat(marks.size()).isBetween(195, 201);
        double sign = Math.signum(x[marks.get(0)]);
        for (int k = 1; k < marks.size(); k++) {
            assertThat((double) Math.signum(x[marks.get(k)]))
                    .as("mark %d's sign", k)
                    .isEqualTo(sign);
            assertThat(marks.get(k) - marks.get(k - 1))
                    .as("period at mark %d", k)
                    .isBetween(79, 81);
        }
    }

    @Test
    void aStretchedSoundKeepsItsPitchAndItsLoudnessEvenWhereTheMarksMove() {
        float[] x = drifting(0.5);
        double[] f0 = new double[50];
        Arrays.fill(f0, 200);

        float[] out = Psola.render(x, RATE, f0, 0.01, 4 * x.length, t -> t / 4, t -> 200);

        double[] pitch = new PitchTracker(100, 400).track(new Pcm(out, RATE));
        double[] voiced = Arrays.copyOfRange(pitch, 5, pitch.length - 5);
        assertThat(Arrays.stream(voiced).allMatch(f -> Math.abs(f - 200) < 4)).isTrue();
        double[] rms = new Pcm(out, RATE).frameRms(RATE / 100);
        double[] inner = Arrays.copyOfRange(rms, 5, rms.length - 5);
        double min = Arrays.stream(inner).min().orElseThrow();
        double max = Arrays.stream(inner).max().orElseThrow();
        assertThat(20 * Math.log10(max / min)).as("loudness swing, dB").isLessThan(1.5);
    }

    @Test
    void aRenderLaidOnlyInPartIsTheWholeRenderThereAndSilentElsewhere() {
        float[] x = drifting(1.0);
        double[] f0 = new double[100];
        Arrays.fill(f0, 200);
        Psola.Analysis analysis = Psola.analyse(x, RATE, f0, 0.01);
        java.util.function.DoubleUnaryOperator gliding = t -> 180 + 60 * t; // a pitch that moves, so grains do too

        float[] whole = Psola.render(analysis, 2 * x.length, t -> t / 2, gliding);
        float[] part = Psola.render(analysis, 2 * x.length, t -> t / 2, gliding, t -> t > 0.6 && t < 1.2);

        // grains reach a period (5 ms) either side of their centres: inside 0.61-1.19 s every one is laid
        for (int i = (int) (0.61 * RATE); i < (int) (1.19 * RATE); i++) {
            assertThat(part[i]).as("sample %d", i).isEqualTo(whole[i]);
        }
        for (int i = 0; i < (int) (0.59 * RATE); i++) {
            assertThat(part[i]).isZero();
        }
        assertThat(Arrays.equals(Psola.render(x, RATE, f0, 0.01, 2 * x.length, t -> t / 2, gliding), whole))
                .as("the analysis made once renders as one made for the render")
                .isTrue();
    }
}
