package dev.cantata.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class ResamplerTest {

    @Test
    void aToneKeepsItsFrequencyAndLevelFrom48To16Kilohertz() {
        Pcm tone = Signals.sine(440, 1, 48_000, 0.5);

        Pcm out = Resampler.resample(tone, 16_000);

        assertThat(out.sampleRate()).isEqualTo(16_000);
        assertThat(out.length()).isEqualTo(16_000);
        assertThat(Signals.pitch(out)).isCloseTo(440, within(1.0));
        assertThat(out.slice(0.1, 0.9).rms()).isCloseTo(0.5 / Math.sqrt(2), within(0.01));
    }

    @Test
    void aToneAboveTheNewNyquistIsRemovedNotFoldedBack() {
        Pcm high = Signals.sine(10_000, 1, 48_000, 0.5);

        Pcm out = Resampler.resample(high, 16_000);

        assertThat(out.slice(0.1, 0.9).rms()).isLessThan(0.005);
    }

    @Test
    void upsamplingTo441KilohertzKeepsTheTone() {
        Pcm out = Resampler.resample(Signals.sine(1000, 0.5, 24_000, 0.5), 44_100);

        assertThat(out.length()).isEqualTo(22_050);
        assertThat(Signals.pitch(out)).isCloseTo(1000, within(2.0));
    }

    @Test
    void aToneUpsampledFromTheSingersRatesLandsOnTheSineItSampledWithin60Decibels() {
        // 16 kHz (a phase bank of 441 fractions) and a tract-scaled 15,238 Hz (22,050 fractions: tap by tap)
        for (int rate : new int[] {16_000, 15_238}) {
            double hz = 3000;
            Pcm out = Resampler.resample(Signals.sine(hz, 1, rate, 0.5), 44_100);

            double error = 0;
            double signal = 0;
            for (int n = 4410; n < 44_100 - 4410; n++) {
                double expected = 0.5 * Math.sin(2 * Math.PI * hz * n / 44_100.0);
                error += Math.pow(out.samples()[n] - expected, 2);
                signal += expected * expected;
            }
            assertThat(10 * Math.log10(error / signal))
                    .as("error at %d Hz", rate)
                    .isLessThan(-60);
        }
    }
}
