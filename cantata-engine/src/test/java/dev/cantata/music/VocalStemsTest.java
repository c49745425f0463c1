package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The lead's stem: a stacked hook's fader ride and the drifting third take, on signals with known answers. */
final class VocalStemsTest {
    private static final int RATE = 44_100;

    private static Score sections(Score.Span... spans) {
        double end = spans[spans.length - 1].end();
        return new Score(90, 0, true, end, List.of(spans), List.of(), List.of(), List.of(), List.of());
    }

    private static Score.Span span(Lyrics.Part part, double start, double end) {
        return new Score.Span(part, part.name(), start, end, 4);
    }

    @Test
    void aStackedHookIsRiddenOneDecibelOverTheVersesAndBackToBackChorusesDoNotDip() {
        Score score = sections(
                span(Lyrics.Part.VERSE, 0, 10),
                span(Lyrics.Part.CHORUS, 10, 20),
                span(Lyrics.Part.CHORUS, 20, 25),
                span(Lyrics.Part.VERSE, 25, 30));
        float[] vocal = new float[30 * RATE];
        Arrays.fill(vocal, 0.5f);

        VocalStems.rideHooks(vocal, score, RATE);

        double up = 0.5 * Math.pow(10, VocalStems.HOOK_RIDE_DB / 20);
        assertThat(vocal[5 * RATE]).as("verse").isEqualTo(0.5f);
        assertThat((double) vocal[15 * RATE]).as("chorus").isCloseTo(up, within(1e-5));
        assertThat((double) vocal[20 * RATE]).as("between two choruses").isCloseTo(up, within(1e-5));
        assertThat(vocal[27 * RATE]).as("the verse after").isEqualTo(0.5f);
        for (int i = 1; i < vocal.length; i++) {
            assertThat(Math.abs(vocal[i] - vocal[i - 1])).as("no step at %d", i).isLessThan(1e-4f);
        }
    }

    @Test
    void theStackedTakeDriftsAcrossItsWobbleRightOfCentre() {
        float[] noise = new float[4 * RATE];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (random.nextDouble() * 2 - 1);
        }
        float[] stereo = new float[noise.length * 2];
        VocalStems.Overdub take = VocalStems.Overdub.STACKED;

        take.lay(noise, stereo, 0, noise.length, RATE);

        // the delay swings a quarter and three quarters through the wobble's period to its two ends
        double period = 1 / take.wobbleHz();
        assertThat(lagMs(noise, stereo, period / 4)).isCloseTo(take.delayMs() + take.wobbleMs(), within(0.1));
        assertThat(lagMs(noise, stereo, period * 3 / 4)).isCloseTo(take.delayMs() - take.wobbleMs(), within(0.1));
        assertThat(lagMs(noise, stereo, period)).isCloseTo(take.delayMs(), within(0.1));
        double left = 0;
        double right = 0;
        for (int i = 0; i < noise.length; i++) {
            left += stereo[2 * i] * stereo[2 * i];
            right += stereo[2 * i + 1] * stereo[2 * i + 1];
        }
        assertThat(Math.sqrt(right / left)).isCloseTo(take.right() / (double) take.left(), within(0.01));
    }

    /** The delay, ms, at which the right channel around {@code at} seconds best matches {@code source}. */
    private static double lagMs(float[] source, float[] stereo, double at) {
        int centre = (int) (at * RATE);
        int half = RATE / 100; // 10 ms either side: the delay moves under 0.2 ms in it
        double best = -1;
        double bestLag = 0;
        for (int tenths = 200; tenths <= 400; tenths++) { // 20–40 ms, a tenth of a ms apart
            double lag = tenths / 10.0 * RATE / 1000;
            double sum = 0;
            for (int i = centre - half; i < centre + half; i++) {
                double at2 = i - lag;
                int s = (int) Math.floor(at2);
                double frac = at2 - s;
                sum += stereo[2 * i + 1] * (source[s] * (1 - frac) + source[s + 1] * frac);
            }
            if (sum > best) {
                best = sum;
                bestLag = tenths / 10.0;
            }
        }
        return bestLag;
    }
}
