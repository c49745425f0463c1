package dev.cantata.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cantata.audio.Pcm;
import dev.cantata.audio.PitchTracker;
import dev.cantata.audio.Resampler;
import dev.cantata.language.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class EspeakEngineTest {
    private final EspeakEngine espeak = EspeakVoices.engine();

    private Language language(String tag) {
        return EspeakVoices.languages().find(tag).orElseThrow();
    }

    /** Syllables counted by hand; a syllable of speech lasts 0.12–0.4 s at espeak-ng's 175 words a minute. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "zh | 你好，世界。今天天气很好，我们去公园吧。 | 17",
                "de | Guten Morgen, wie geht es dir heute? | 10",
                "es | Hola, ¿cómo estás? Muy bien, gracias. | 11",
                "fr | Bonjour tout le monde, je suis très content. | 11",
                "ja | こんにちは、おげんきですか。 | 11",
            })
    void everyLanguageIsSpokenForAsLongAsItsSyllablesTake(String tag, String text, int syllables) throws Exception {
        Pcm pcm = espeak.speak(text, language(tag), VoiceProfile.NEUTRAL, () -> false);

        assertThat(pcm.seconds()).isBetween(syllables * 0.12, syllables * 0.4 + 0.5);
        assertThat(pcm.peak()).isBetween(0.3, EspeakEngine.PEAK + 0.01);
    }

    @Test
    void whatAVoiceSaysDoesNotDependOnWhatItSaidBefore() throws Exception {
        Language french = language("fr");
        String line = "Bonjour ma belle chanson.";
        EspeakEngine fresh = EspeakEngine.find(1).orElseThrow();
        EspeakEngine used = EspeakEngine.find(1).orElseThrow();
        used.speak(
                "Aujourd'hui il fait beau, nous allons ensemble au parc.", french, VoiceProfile.NEUTRAL, () -> false);

        assertThat(used.speak(line, french, VoiceProfile.NEUTRAL, () -> false).samples())
                .isEqualTo(fresh.speak(line, french, VoiceProfile.NEUTRAL, () -> false)
                        .samples());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"female, zh", "male, zh", "female, de", "male, de", "deep, es", "child, fr"})
    void aVoiceSpeaksAtItsPitchInEveryLanguage(String voice, String tag) throws Exception {
        VoiceProfile profile = BuiltInVoices.find(voice).orElseThrow().profile();
        String text = tag.equals("zh")
                ? "今天天气很好，我们一起去公园散步吧。"
                : tag.equals("de")
                        ? "Heute ist das Wetter schön, wir gehen zusammen in den Park."
                        : tag.equals("es")
                                ? "Hoy hace buen tiempo, vamos juntos al parque a pasear."
                                : "Aujourd'hui il fait beau, nous allons ensemble au parc.";

        Pcm pcm = espeak.speak(text, language(tag), profile, () -> false);

        double f0 = PitchTracker.median(new PitchTracker(50, 500).track(Resampler.resample(pcm, 16_000)));
        assertThat(f0)
                .isCloseTo(EspeakEngine.BASE_F0 * profile.pitch(), org.assertj.core.data.Percentage.withPercentage(10));
    }

    @Test
    void textThatLooksLikeOptionsIsSpokenNotObeyed() throws Exception {
        Pcm pcm = espeak.speak("-w /tmp/x.wav --voices", language("de"), VoiceProfile.NEUTRAL, () -> false);

        assertThat(pcm.seconds()).isGreaterThan(0.5);
        assertThat(new java.io.File("/tmp/x.wav")).doesNotExist();
    }

    @Test
    void aProcessThatHangsIsKilledAtItsTimeoutAndTheCallFailsCleanly() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> EspeakEngine.run(java.util.List.of("sleep", "30"), "text", 1))
                .isInstanceOf(SpeechException.class)
                .hasMessageContaining("longer than 1 s");
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(5);
    }

    @Test
    void aProcessThatWritesNoWavIsNoAudio() {
        assertThatThrownBy(() -> EspeakEngine.run(java.util.List.of("cat"), "not a wav file", 5))
                .isInstanceOf(SpeechException.class)
                .hasMessageStartingWith("espeak-ng gave no audio");
    }

    @Test
    void aClientThatLeftBeforeItsTurnGetsNothing() {
        assertThatThrownBy(() -> espeak.speak("Hallo", language("de"), VoiceProfile.NEUTRAL, () -> true))
                .isInstanceOf(ClientGone.class);
    }

    @Test
    void thePitchTableIsInvertible() {
        double[] table = {61, 74, 90, 119, 159};
        for (int p = 0; p <= 99; p += 11) {
            assertThat(EspeakEngine.pitchParameter(EspeakEngine.f0At(p, table), table))
                    .isEqualTo(p);
        }
        assertThat(EspeakEngine.pitchParameter(20, table)).isZero();
        assertThat(EspeakEngine.pitchParameter(900, table)).isEqualTo(99);
    }

    @Test
    void japaneseKanjiAreLeftOutAndMandarinBecomesPinyin() {
        assertThat(EspeakEngine.prepared("東京へ行きます", language("ja"))).isEqualTo("  へ きます");
        assertThat(EspeakEngine.prepared("你好", Language.MANDARIN)).isEqualTo("ni3 hao3");
    }
}
