package dev.cantata.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cantata.audio.Pcm;
import dev.cantata.audio.PitchTracker;
import dev.cantata.audio.Resampler;
import dev.cantata.audio.Signals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class VoiceMatcherTest {
    static MaryEngine engine;
    static VoiceMatcher matcher;

    @BeforeAll
    static void startEngine() throws SpeechException {
        engine = MaryEngine.start();
        matcher = new VoiceMatcher(engine);
    }

    static double spokenMedian(VoiceProfile profile) throws SpeechException {
        Pcm pcm = new Speaker(engine)
                .speak(new Speaker.Request("Clone this voice, please, and keep its pitch.", profile, 1, 1, 16_000));
        return PitchTracker.median(new PitchTracker(50, 500).track(pcm));
    }

    @ParameterizedTest
    @ValueSource(doubles = {85, 110, 140, 220, 260})
    void theClonedVoiceSpeaksWithinTenPercentOfTheReferenceMedianF0(double hz) throws Exception {
        Pcm reference = Signals.vowel(hz, 3, 22_050);

        VoiceAnalysis analysis = VoiceMatcher.analyze(reference);
        VoiceProfile profile = matcher.match(analysis, null);

        assertThat(analysis.medianF0()).isCloseTo(hz, within(hz * 0.03));
        assertThat(spokenMedian(profile)).isCloseTo(hz, within(hz * 0.10));
    }

    @Test
    void aRecordingOfTheMaleVoiceIsMatchedToAMaleProfile() throws Exception {
        Voice male = BuiltInVoices.find("male").orElseThrow();
        Pcm recording = engine.synthesize("Good morning, everyone, and welcome to the show tonight.", male.profile());

        VoiceProfile profile = matcher.match(VoiceMatcher.analyze(recording), null);

        assertThat(profile.pitch()).isLessThan(0.8);
        assertThat(profile.tract()).as("a longer tract is found").isGreaterThan(1.05);
    }

    @Test
    void theWordsOfTheRecordingLetTheSpeakingRateBeMatched() throws Exception {
        String words = "Good morning, everyone, and welcome to the show tonight.";
        Pcm slow = engine.synthesize(words, new VoiceProfile(1, 1, 1, 0.8));
        Pcm fast = engine.synthesize(words, new VoiceProfile(1, 1, 1, 1.4));

        double slowRate = matcher.match(VoiceMatcher.analyze(slow), words).rate();
        double fastRate = matcher.match(VoiceMatcher.analyze(fast), words).rate();

        assertThat(fastRate).isGreaterThan(1.2);
        assertThat(slowRate).isLessThan(0.95);
    }

    @Test
    void aRecordingShorterThanOneSecondIsRefused() {
        assertThatThrownBy(() -> VoiceMatcher.analyze(Signals.vowel(120, 0.5, 16_000)))
                .isInstanceOf(VoiceMatcher.UnusableReference.class)
                .hasMessageContaining("at least 1 s");
    }

    @Test
    void silenceIsRefused() {
        assertThatThrownBy(() -> VoiceMatcher.analyze(Pcm.silence(3, 16_000)))
                .isInstanceOf(VoiceMatcher.UnusableReference.class)
                .hasMessageContaining("silent");
    }

    @Test
    void aSpectralWarpIsRecoveredFromAResampledSpectrum() throws Exception {
        Pcm base = Resampler.resample(engine.synthesize(VoiceMatcher.CALIBRATION_TEXT, VoiceProfile.NEUTRAL), 16_000);
        // Declaring the samples 15 % faster raises every frequency, formants included, by 15 %.
        Pcm raised = Resampler.resample(new Pcm(base.samples(), (int) (16_000 * 1.15)), 16_000);

        double alpha = VoiceMatcher.warp(
                VoiceMatcher.analyze(raised).spectrum(),
                VoiceMatcher.analyze(base).spectrum());

        assertThat(alpha).isCloseTo(1.15, within(0.04));
    }
}
