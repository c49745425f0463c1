package dev.cantata.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.audio.Pcm;
import dev.cantata.language.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

final class PolyglotTest {
    /** An English engine that records what it is asked and answers a second of silence at 48 kHz. */
    private static final class Recording implements SpeechEngine {
        final List<String> asked = new ArrayList<>();

        @Override
        public Pcm synthesize(String text, VoiceProfile voice) {
            return synthesize(text, voice, () -> false);
        }

        @Override
        public synchronized Pcm synthesize(String text, VoiceProfile voice, BooleanSupplier gone) {
            asked.add(text);
            return new Pcm(new float[48_000], 48_000);
        }
    }

    private final Recording english = new Recording();
    private final Polyglot polyglot = Polyglot.of(english, EspeakVoices.engine(), EspeakVoices.detector());

    @Test
    void englishTextGoesToTheEnglishEngineWhole() throws Exception {
        polyglot.synthesize("Hello there, how are you?", VoiceProfile.NEUTRAL);

        assertThat(english.asked).containsExactly("Hello there, how are you?");
    }

    @Test
    void englishWordsInsideChineseAreSpokenInEnglishAndTheRestByEspeak() throws Exception {
        Pcm pcm = polyglot.synthesize("我今天用 Cantata 做了一首歌。", VoiceProfile.NEUTRAL);

        assertThat(english.asked).extracting(String::strip).containsExactly("Cantata");
        assertThat(pcm.sampleRate()).isEqualTo(48_000);
        assertThat(pcm.seconds())
                .as("a second of English and about 1.5 s of Chinese")
                .isBetween(1.8, 4.0);
    }

    @Test
    void fullWidthPunctuationReachesTheEnglishEngineAsAscii() throws Exception {
        polyglot.synthesize("你好 world。", VoiceProfile.NEUTRAL);

        assertThat(english.asked).extracting(String::strip).containsExactly("world.");
    }

    @Test
    void aGivenLanguageSpeaksLatinTextInIt() throws Exception {
        Language german = EspeakVoices.languages().find("de").orElseThrow();
        Pcm pcm = polyglot.speaking(german).synthesize("Hello", VoiceProfile.NEUTRAL);

        assertThat(english.asked).isEmpty();
        assertThat(pcm.seconds()).isBetween(0.2, 1.5);
    }

    @Test
    void theSpeakerFindsTheLanguageOnceForTheWholeText() throws Exception {
        Pcm pcm = new Speaker(polyglot)
                .speak(new Speaker.Request(
                        "Guten Morgen, wie geht es dir heute? Ja. Gut.", VoiceProfile.NEUTRAL, 1, 1, 24_000));

        assertThat(english.asked)
                .as("\"Ja.\" and \"Gut.\" alone would be English")
                .isEmpty();
        assertThat(pcm.seconds()).isBetween(1.5, 6.0);
    }
}
