package dev.cantata.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class LoudnessTest {

    static float[] stereoSine(double hz, double dbfs, double seconds, int rate) {
        float[] mono = Signals.sine(hz, seconds, rate, Math.pow(10, dbfs / 20)).samples();
        float[] stereo = new float[mono.length * 2];
        for (int i = 0; i < mono.length; i++) {
            stereo[2 * i] = mono[i];
            stereo[2 * i + 1] = mono[i];
        }
        return stereo;
    }

    @Test
    void aOneKilohertzToneAtMinusTwentyDbfsInBothChannelsIsMinusTwentyLufs() {
        // BS.1770's calibration: a 997 Hz sine at 0 dBFS in one channel reads -3.01 LKFS, so both channels read 0
        assertThat(Loudness.integrated(stereoSine(997, -20, 5, 48_000), 2, 48_000))
                .isCloseTo(-20, within(0.1));
        assertThat(Loudness.integrated(stereoSine(997, -20, 5, 44_100), 2, 44_100))
                .isCloseTo(-20, within(0.1));
    }

    @Test
    void silenceIsGatedAwayAndQuietPartsDoNotDragTheLoudnessDown() {
        float[] tone = stereoSine(997, -20, 5, 48_000);
        float[] withSilence = java.util.Arrays.copyOf(tone, tone.length * 2);

        // a plain average would read -23 LUFS; the gates keep the silence out (blocks straddling the end count, partly)
        assertThat(Loudness.integrated(withSilence, 2, 48_000)).isBetween(-20.3, -19.99);
    }

    @Test
    void theTruePeakOfAToneBetweenSamplesIsFoundByOversampling() {
        // a tone at a quarter of the rate, phase-shifted so every sample misses the crest by 3 dB
        int rate = 48_000;
        float[] x = new float[rate * 2];
        for (int i = 0; i < rate; i++) {
            float v = (float) Math.sin(2 * Math.PI * 12_000 * i / rate + Math.PI / 4) * 0.5f;
            x[2 * i] = v;
            x[2 * i + 1] = v;
        }

        assertThat(Loudness.truePeak(x, 2, rate)).isCloseTo(20 * Math.log10(0.5), within(0.3));
    }

    @Test
    void theLimiterKeepsEverySampleUnderItsCeiling() {
        float[] loud = stereoSine(220, 0, 2, 44_100);
        Mixer.scale(loud, 2.0);

        Dynamics.limit(loud, 44_100, 0.5, 80);

        for (float v : loud) {
            assertThat(Math.abs(v)).isLessThanOrEqualTo(0.5001f);
        }
    }

    @Test
    void theLoudnessRangeOfTwentySecondsAtMinusTwentyThenTwentyAtMinusThirtyIsTenLu() {
        // EBU Tech 3342's first test signal: a 1 kHz stereo sine, 20 s at -20 dBFS then 20 s at -30 dBFS, LRA 10 ± 1
        float[] loud = stereoSine(1000, -20, 20, 48_000);
        float[] quiet = stereoSine(1000, -30, 20, 48_000);
        float[] both = new float[loud.length + quiet.length];
        System.arraycopy(loud, 0, both, 0, loud.length);
        System.arraycopy(quiet, 0, both, loud.length, quiet.length);

        assertThat(Loudness.range(both, 2, 48_000)).isCloseTo(10, within(1.0));
        assertThat(Loudness.range(loud, 2, 48_000)).isCloseTo(0, within(0.1));
    }

    @Test
    void theShortTermLoudnessOfASteadyToneIsItsLoudnessInEveryWindow() {
        double[] st = Loudness.shortTerm(stereoSine(997, -23, 10, 44_100), 2, 44_100, 0.5);

        assertThat(st).hasSize(15);
        for (double l : st) {
            assertThat(l).isCloseTo(-23, within(0.1));
        }
    }

    @Test
    void monoCorrelatesFullyAndAChannelAgainstItsNegativeOrANoiseDoesNot() {
        float[] mono = stereoSine(440, -10, 1, 44_100);
        float[] inverted = mono.clone();
        float[] noise = mono.clone();
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int i = 1; i < mono.length; i += 2) {
            inverted[i] = -inverted[i];
            noise[i] = (float) random.nextGaussian();
        }

        assertThat(Loudness.correlation(mono)).isCloseTo(1, within(1e-6));
        assertThat(Loudness.correlation(inverted)).isCloseTo(-1, within(1e-6));
        assertThat(Loudness.correlation(noise)).isCloseTo(0, within(0.02));
    }
}
