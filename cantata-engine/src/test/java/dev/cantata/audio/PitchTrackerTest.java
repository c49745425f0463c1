package dev.cantata.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class PitchTrackerTest {

    @Test
    void aFourHundredFortyHertzToneIsFourHundredFortyHertz() {
        double[] f0 = new PitchTracker(50, 1000).track(Signals.sine(440, 1, 16_000, 0.5));

        assertThat(PitchTracker.median(f0)).isCloseTo(440, within(1.0));
        assertThat(PitchTracker.voicedShare(f0)).isGreaterThan(0.95);
    }

    @Test
    void aLowVoiceLikePulseTrainIsTrackedWithoutOctaveErrors() {
        double[] f0 = new PitchTracker(60, 450).track(Signals.vowel(95, 2, 16_000));

        assertThat(PitchTracker.median(f0)).isCloseTo(95, within(2.0));
        assertThat(PitchTracker.quantile(f0, 0.9)).isLessThan(110);
    }

    @Test
    void silenceIsUnvoiced() {
        double[] f0 = new PitchTracker(50, 500).track(Pcm.silence(1, 16_000));

        assertThat(PitchTracker.voicedShare(f0)).isZero();
        assertThat(PitchTracker.median(f0)).isZero();
    }
}
