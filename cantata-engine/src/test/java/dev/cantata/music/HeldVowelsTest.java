package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cantata.audio.Pcm;
import dev.cantata.audio.PitchTracker;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

final class HeldVowelsTest {
    private static final int RATE = 16_000;

    /** 0.1 s of noise (a consonant), a 0.2 s vowel at 200 Hz (five harmonics), 0.1 s of noise. */
    private static float[] syllable() {
        float[] x = new float[(int) (0.4 * RATE)];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) RATE;
            if (t >= 0.1 && t < 0.3) {
                double v = 0;
                for (int h = 1; h <= 5; h++) {
                    v += Math.sin(2 * Math.PI * 200 * h * t) / h;
                }
                x[i] = (float) (0.4 * v);
            } else {
                x[i] = (float) (0.1 * (random.nextDouble() * 2 - 1));
            }
        }
        return x;
    }

    private static double[] f0() {
        double[] f0 = new double[40];
        for (int k = 10; k < 30; k++) {
            f0[k] = 200;
        }
        return f0;
    }

    @Test
    void aVowelSungForASecondIsSynthesisedForASpokenVowelsLength() {
        HeldVowels held = new HeldVowels();
        held.add(0.1, 1.0, 0.1);
        held.add(1.3, 0.15, 0.5);

        assertThat(HeldVowels.synthesised(1.0)).isEqualTo(HeldVowels.LONGEST);
        assertThat(HeldVowels.synthesised(0.15)).isEqualTo(0.15);
        // one to one up to 35 % into the synthesised vowel, then slowed to a fifth, one to one again 25 % before its
        // end
        assertThat(held.synthesisedAt(0.17)).isCloseTo(0.17, within(1e-9));
        assertThat(held.synthesisedAt(0.61)).isCloseTo(0.21, within(1e-9));
        assertThat(held.synthesisedAt(1.05)).isCloseTo(0.25, within(1e-9));
        assertThat(held.synthesisedAt(1.4)).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void theHeldMiddleFollowsTheContourAndTheRestIsTheSynthesisedSoundMovedInTime() {
        HeldVowels held = new HeldVowels();
        held.add(0.1, 1.0, 0.1);
        float[] in = syllable();
        // G3 with a vibrato of half a semitone at 5.5 Hz: not the synthesised vowel's 200 Hz
        DoubleUnaryOperator contour = t -> 55 + 0.5 * Math.sin(2 * Math.PI * 5.5 * t);

        float[] out = held.stretch(new Pcm(in, RATE), f0(), contour).samples();

        int added = (int) Math.round(0.8 * RATE);
        assertThat(out).hasSize(in.length + added);
        for (int i = 0; i < (int) (0.17 * RATE); i++) {
            assertThat(out[i]).as("sample %d, before the hold", i).isEqualTo(in[i]);
        }
        for (int i = (int) Math.ceil(1.05 * RATE) + 1; i < out.length; i++) {
            assertThat(out[i]).as("sample %d, after the hold", i).isEqualTo(in[i - added]);
        }
        double[] track = new PitchTracker(100, 400).track(new Pcm(out, RATE));
        int near = 0;
        int frames = 0;
        for (int k = 25; k < 95; k++) {
            // a YIN frame at 16 kHz is centred about 20 ms after its index
            double hz = 440 * Math.pow(2, (contour.applyAsDouble(k / 100.0 + 0.02) - 69) / 12);
            frames++;
            near += track[k] > 0 && Math.abs(1200 * Math.log(track[k] / hz) / Math.log(2)) < 30 ? 1 : 0;
        }
        assertThat(near)
                .as("frames within 30 cents of the contour, of %d", frames)
                .isGreaterThanOrEqualTo(frames * 9 / 10);
        double[] rms = Arrays.copyOfRange(new Pcm(out, RATE).frameRms(RATE / 100), 20, 100);
        double min = Arrays.stream(rms).min().orElseThrow();
        double max = Arrays.stream(rms).max().orElseThrow();
        assertThat(20 * Math.log10(max / min))
                .as("loudness swing through the hold, dB")
                .isLessThan(2.0);
    }
}
