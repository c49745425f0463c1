package dev.cantata.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class DynamicsTest {
    private static final int RATE = 44_100;

    @Test
    void theLimiterKeepsEverySampleUnderTheCeilingAndLeavesQuietPassagesAlone() {
        float[] x = new float[4 * RATE];
        for (int i = 0; i < 2 * RATE; i++) {
            double amplitude = i < RATE ? 0.2 : 1.0; // a quiet second, then a second at full scale
            x[2 * i] = x[2 * i + 1] = (float) (amplitude * Math.sin(2 * Math.PI * 440 * i / RATE));
        }
        float[] limited = x.clone();

        Dynamics.limit(limited, RATE, 0.5, 80);

        for (float v : limited) {
            assertThat(Math.abs(v)).isLessThanOrEqualTo(0.5f + 1e-6f);
        }
        // half a second in, far from the loud part's look-ahead, nothing is touched
        for (int i = 2 * (RATE / 2); i < 2 * (RATE / 2 + 1000); i++) {
            assertThat(limited[i]).isCloseTo(x[i], within(1e-6f));
        }
        // in the loud second the gain settles at the ceiling over the peak: 0.5
        assertThat(limited[2 * (RATE + RATE / 2 + 25)] / x[2 * (RATE + RATE / 2 + 25)])
                .isCloseTo(0.5f, within(0.01f));
    }

    @Test
    void compressingAMonoVoiceIsExactlyCompressingItCopiedToBothChannels() {
        float[] mono = new float[2 * RATE];
        for (int i = 0; i < mono.length; i++) {
            double swell = i < RATE ? 0.05 : 0.7; // a quiet second, then a loud one the compressor pulls down
            mono[i] = (float) (swell * Math.sin(2 * Math.PI * 220 * i / RATE) * (1 + 0.3 * Math.sin(i / 900.0)));
        }
        float[] stereo = new float[2 * mono.length];
        for (int i = 0; i < mono.length; i++) {
            stereo[2 * i] = stereo[2 * i + 1] = mono[i];
        }

        Dynamics.compressMono(mono, RATE, -20, 4, 1, 60);
        Dynamics.compress(stereo, RATE, -20, 4, 1, 60);

        for (int i = 0; i < mono.length; i++) {
            assertThat(mono[i]).isEqualTo(stereo[2 * i]);
        }
        assertThat(Math.abs(mono[RATE + RATE / 2])).isLessThan(0.7f); // it did compress
    }
}
