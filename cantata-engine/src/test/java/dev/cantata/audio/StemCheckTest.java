package dev.cantata.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class StemCheckTest {
    static float[] stereo(double seconds, java.util.function.DoubleUnaryOperator signal) {
        int frames = (int) (seconds * 44_100);
        float[] x = new float[2 * frames];
        for (int i = 0; i < frames; i++) {
            float v = (float) signal.applyAsDouble(i / 44_100.0);
            x[2 * i] = v;
            x[2 * i + 1] = v;
        }
        return x;
    }

    @Test
    void aToneWithAnOffsetHasThatDcAndItsEnergyUnder20HzIsTheOffsets() {
        // 0.5 sin has power 0.125, a DC of 0.25 has 0.0625: a third of the energy, -4.8 dB
        StemCheck check = StemCheck.of(stereo(4, t -> 0.25 + 0.5 * Math.sin(2 * Math.PI * 441 * t)), 44_100);

        assertThat(check.dc()).isCloseTo(0.25, within(1e-3));
        assertThat(check.sub20Db()).isCloseTo(10 * Math.log10(1 / 3.0), within(0.2));
        assertThat(check.peakDbfs()).isCloseTo(20 * Math.log10(0.75), within(0.01));
        assertThat(check.atFullScale()).isZero();
    }

    @Test
    void samplesAtOrPastFullScaleAreCountedAndAPureToneHasNothingUnder20Hz() {
        StemCheck check = StemCheck.of(stereo(4, t -> 1.5 * Math.sin(2 * Math.PI * 441 * t)), 44_100);

        assertThat(check.atFullScale()).isPositive();
        assertThat(check.peakDbfs()).isCloseTo(20 * Math.log10(1.5), within(0.01));
        assertThat(check.sub20Db()).isLessThan(-60);
    }
}
