package dev.cantata.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import org.junit.jupiter.api.Test;

final class MixerTest {
    static final int RATE = 44_100;

    /** Three stems, the vocals the lead, at the levels a song's are set to. */
    enum Part implements Mixer.Bus {
        LEAD(-16, true),
        KEYS(-21, false),
        LOW(-21, false);

        private final double level;
        private final boolean lead;

        Part(double level, boolean lead) {
            this.level = level;
            this.lead = lead;
        }

        @Override
        public double level() {
            return level;
        }

        @Override
        public boolean lead() {
            return lead;
        }
    }

    /** A stereo tone of {@code hz}, with a DC offset and an 8 Hz rumble of the given sizes added. */
    static float[] tone(double hz, double amplitude, double dc, double rumble, double seconds) {
        int frames = (int) (seconds * RATE);
        float[] x = new float[2 * frames];
        for (int i = 0; i < frames; i++) {
            double t = (double) i / RATE;
            float v =
                    (float) (amplitude * Math.sin(2 * Math.PI * hz * t) + dc + rumble * Math.sin(2 * Math.PI * 8 * t));
            x[2 * i] = v;
            x[2 * i + 1] = v;
        }
        return x;
    }

    static double mean(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Share of {@code x}'s energy (left channel) below {@code hz}, dB: a Hann-windowed one-sided DFT, bin by bin. */
    static double energyBelow(float[] stereo, double hz) {
        int n = Integer.highestOneBit(stereo.length / 2);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n)) * stereo[2 * i];
        }
        Fft.transform(re, im);
        double below = 0;
        double total = 0;
        for (int k = 0; k <= n / 2; k++) {
            double p = (k == 0 || k == n / 2 ? 1 : 2) * (re[k] * re[k] + im[k] * im[k]); // one-sided
            total += p;
            if (k * (double) RATE / n < hz) {
                below += p;
            }
        }
        return 10 * Math.log10(below / total);
    }

    static EnumMap<Part, float[]> stems(double dc, double rumble) {
        EnumMap<Part, float[]> stems = new EnumMap<>(Part.class);
        stems.put(Part.LEAD, tone(440, 0.1, dc, rumble, 6));
        stems.put(Part.KEYS, tone(660, 0.1, dc, rumble, 6));
        stems.put(Part.LOW, tone(110, 0.1, dc, rumble, 6));
        return stems;
    }

    @Test
    void stemsComeOutWithoutDcOrAnythingUnder20Hz() {
        // a DC of 0.036 is what the chord stem of a pop-rock song carried (issue #15), the rumble as loud as the tone
        EnumMap<Part, float[]> stems = stems(0.036, 0.1);

        Mixer.Master<Part> master = Mixer.master(stems, RATE, -14, -1.2, Mixer.BUS_RATIO);

        for (var stem : master.stems().entrySet()) {
            float[] x = stem.getValue();
            assertThat(Math.abs(mean(x))).as(stem.getKey() + " DC").isLessThan(1e-4);
            assertThat(energyBelow(x, 20))
                    .as(stem.getKey() + " under 20 Hz, dB")
                    .isLessThan(-40);
        }
        assertThat(energyBelow(stems.get(Part.LOW), 20))
                .as("what went in was mostly rumble and DC")
                .isGreaterThan(-6);
    }

    @Test
    void anUncompressedBusKeepsTheStepBetweenAQuietAndALoudHalfThatTheCompressorNarrows() {
        // three tones whose second three seconds are 6 dB louder than their first: a verse and a chorus
        EnumMap<Part, float[]> stems = stems(0, 0);
        for (float[] stem : stems.values()) {
            for (int i = stem.length / 2; i < stem.length; i++) {
                stem[i] *= 2;
            }
        }
        double[] steps = new double[2];
        double[] ratios = {1, Mixer.BUS_RATIO};
        for (int r = 0; r < 2; r++) {
            EnumMap<Part, float[]> copy = new EnumMap<>(Part.class);
            stems.forEach((part, stem) -> copy.put(part, stem.clone()));
            float[] out = Mixer.master(copy, RATE, -14, -1.2, ratios[r]).master();
            int half = out.length / 2;
            // a second in the middle of each half, away from the compressor's attack and release
            float[] quiet = java.util.Arrays.copyOfRange(out, half / 2 - RATE, half / 2 + RATE);
            float[] loud = java.util.Arrays.copyOfRange(out, half + half / 2 - RATE, half + half / 2 + RATE);
            steps[r] = 20 * Math.log10(Mixer.rms(loud) / Mixer.rms(quiet));
        }

        assertThat(steps[0]).as("uncompressed").isCloseTo(6.02, within(0.1));
        // the loud half peaks over the compressor's threshold, the quiet one sits under it (measured: 5.5 dB)
        assertThat(steps[1]).as("compressed").isLessThan(steps[0] - 0.3);
    }

    @Test
    void whereTheLimiterDoesNotActTheMasterIsExactlyTheSumOfTheStems() {
        // three tones at -14 LUFS peak well under the limiter's ceiling: it leaves every sample alone
        Mixer.Master<Part> master = Mixer.master(stems(0, 0), RATE, -14, -1.2, Mixer.BUS_RATIO);

        float[] sum = new float[master.master().length];
        for (float[] stem : master.stems().values()) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += stem[i];
            }
        }
        double worst = 0;
        for (int i = 0; i < sum.length; i++) {
            worst = Math.max(worst, Math.abs(sum[i] - master.master()[i]));
        }
        assertThat(worst).isLessThan(1e-5);
        assertThat(master.lufs()).isBetween(-14.5, -13.5);
    }

    @Test
    void whereTheLimiterActsTheMasterIsTheStemsSumTurnedDownNeverUp() {
        // a click track over a quiet tone: loudness normalisation drives the clicks far past the ceiling
        EnumMap<Part, float[]> stems = stems(0, 0);
        float[] clicks = new float[stems.get(Part.LOW).length];
        for (int i = 0; i < clicks.length / 2; i += RATE / 4) {
            for (int j = 0; j < 20 && i + j < clicks.length / 2; j++) {
                clicks[2 * (i + j)] = 0.9f;
                clicks[2 * (i + j) + 1] = 0.9f;
            }
        }
        stems.put(Part.LOW, clicks);

        Mixer.Master<Part> master = Mixer.master(stems, RATE, -14, -1.2, Mixer.BUS_RATIO);

        float[] out = master.master();
        double sumPeak = 0;
        int limited = 0;
        for (int f = 0; f < out.length / 2; f++) {
            double left = 0;
            double right = 0;
            for (float[] stem : master.stems().values()) {
                left += stem[2 * f];
                right += stem[2 * f + 1];
            }
            sumPeak = Math.max(sumPeak, Math.abs(left));
            if (Math.abs(left) > 1e-3) {
                double gain = out[2 * f] / left;
                assertThat(gain).as("frame %d", f).isBetween(0.0, 1.0 + 1e-4);
                assertThat(out[2 * f + 1] / right)
                        .as("one gain for both channels")
                        .isCloseTo(gain, within(1e-3));
                limited += gain < 0.999 ? 1 : 0;
            }
        }
        assertThat(sumPeak)
                .as("the stems sum past the ceiling: float, not a file")
                .isGreaterThan(0.9);
        assertThat(limited).as("the limiter acted").isPositive();
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }
}
