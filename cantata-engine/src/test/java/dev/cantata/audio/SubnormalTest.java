package dev.cantata.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Recursive DSP fed silence after sound settles on exact zeros instead of decaying through the subnormal range (the
 * slow path of x86 arithmetic, see {@link Subnormal}); the sound itself is unchanged.
 */
final class SubnormalTest {
    private static final int RATE = 44_100;

    /** A 100 ms 440 Hz burst and then 2 s of digital silence. */
    private static float[] burstThenSilence() {
        float[] x = new float[RATE * 21 / 10];
        for (int i = 0; i < RATE / 10; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / RATE));
        }
        return x;
    }

    /** How many values of {@code x} are subnormal (non-zero and under the smallest normal float). */
    private static long subnormals(float[] x) {
        long n = 0;
        for (float v : x) {
            if (v != 0 && Math.abs(v) < Float.MIN_NORMAL) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aFilterFedSilenceAfterSoundEndsOnExactZeros() {
        Biquad filter = Biquad.peaking(3800, 1.0, 2.5, RATE);
        float[] x = burstThenSilence();
        double[] state = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            state[i] = filter.process(x[i]);
        }
        for (double v : state) {
            assertThat(v == 0 || Math.abs(v) >= Subnormal.FLOOR).isTrue();
        }
        assertThat(state[state.length - 1]).isZero();
        // the unflushed filter would still be ringing down through 1e-300 here; flushed, it is silent within a second
        int firstZero = state.length;
        while (firstZero > 0 && state[firstZero - 1] == 0) {
            firstZero--;
        }
        assertThat(firstZero).isLessThan(RATE * 11 / 10);
    }

    @Test
    void theFlushedFilterSoundsLikeTheTextbookOneWhereThereIsSound() {
        Biquad flushed = Biquad.peaking(300, 1.0, -1.5, RATE);
        // the same coefficients run by hand without flushing
        double a = Math.pow(10, -1.5 / 40);
        double w = 2 * Math.PI * 300 / RATE;
        double alpha = Math.sin(w) / 2;
        double c = Math.cos(w);
        double a0 = 1 + alpha / a;
        double b0 = (1 + alpha * a) / a0, b1 = -2 * c / a0, b2 = (1 - alpha * a) / a0;
        double a1 = -2 * c / a0, a2 = (1 - alpha / a) / a0;
        // a flush at a zero crossing nudges the ringing by about the floor (1e-30), which the filter's gain spreads:
        // under 1e-24 (480 dB down) everywhere
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        float[] x = burstThenSilence();
        for (int i = 0; i < x.length; i++) {
            double y = b0 * x[i] + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x[i];
            y2 = y1;
            y1 = y;
            assertThat(flushed.process(x[i])).isCloseTo(y, org.assertj.core.data.Offset.offset(1e-24));
        }
    }

    @Test
    void theReverbsTailEndsOnExactZerosWithoutSubnormals() {
        // its combs lose about 40 dB a second, so the tail needs half a minute to fall past the float's normal range
        float[] x = java.util.Arrays.copyOf(burstThenSilence(), RATE * 40);
        float[] wet = Reverb.wet(x, RATE, 0.6, 0.4);
        assertThat(subnormals(wet)).isZero();
        assertThat(wet[wet.length - 1]).isZero();
        assertThat(wet[RATE / 5]).isNotZero(); // and it did ring
    }
}
