package dev.cantata.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class ReverbTest {
    private static final int RATE = 44_100;

    /** A second of a 440 Hz tone at {@code at} seconds in a track {@code seconds} long, over {@code floor}. */
    private static float[] toneIn(double seconds, double at, float floor) {
        float[] x = new float[(int) (seconds * RATE)];
        java.util.Arrays.fill(x, floor);
        for (int i = 0; i < RATE; i++) {
            x[(int) (at * RATE) + i] = (float) (0.8 * Math.sin(2 * Math.PI * 440 * i / RATE));
        }
        return x;
    }

    private static double peak(float[] x, int from, int to) {
        double peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(x[i]));
        }
        return peak;
    }

    @Test
    void aRoomStartedAfreshAfterALongSilenceSoundsAsOneThatRangOnThroughIt() {
        // the same two tones 20 s apart; under the second track a floor of 1e-20, far below anything heard, keeps the
        // room running through the silence as it always did before it learned to skip
        float[] skipped = toneIn(30, 1, 0);
        float[] ringing = toneIn(30, 1, 1e-20f);
        for (int i = 0; i < RATE; i++) {
            skipped[21 * RATE + i] = ringing[21 * RATE + i] = skipped[RATE + i];
        }

        float[] fresh = Reverb.wet(skipped, RATE, 0.6, 0.4);
        float[] through = Reverb.wet(ringing, RATE, 0.6, 0.4);

        double loud = peak(through, 0, through.length);
        double worst = 0;
        for (int i = 0; i < fresh.length; i++) {
            worst = Math.max(worst, Math.abs(fresh[i] - through[i]));
        }
        assertThat(loud).isGreaterThan(0.01);
        assertThat(worst / loud).as("largest difference against the wet's peak").isLessThan(1e-6);
    }

    @Test
    void theWetOfALongSilenceIsSilentOnceTheRoomHasDied() {
        float[] x = toneIn(30, 1, 0);

        float[] wet = Reverb.wet(x, RATE, 0.6, 0.4);

        assertThat(peak(wet, 2 * 3 * RATE, 2 * 4 * RATE))
                .as("the tail a second after the tone")
                .isGreaterThan(1e-3);
        assertThat(peak(wet, 2 * 10 * RATE, wet.length)).as("9 s after it").isZero();
    }
}
