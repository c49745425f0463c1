package dev.cantata.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.audio.Pcm;
import java.lang.Character.UnicodeScript;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the voices pronounce, counted, and checked against what MaryTTS actually makes of the same text. */
final class CoverageTest {
    static Speaker speaker;

    @BeforeAll
    static void startEngine() throws SpeechException {
        speaker = new Speaker(MaryEngine.start());
    }

    static Pcm say(String text) throws SpeechException {
        return speaker.speak(new Speaker.Request(
                text, BuiltInVoices.find("female").orElseThrow().profile(), 1, 1, 16_000));
    }

    static double rms(Pcm pcm) {
        double sum = 0;
        for (float s : pcm.samples()) {
            sum += s * (double) s;
        }
        return pcm.samples().length == 0 ? 0 : Math.sqrt(sum / pcm.samples().length);
    }

    @Test
    void englishAndAccentedLatinAreSpokenWhole() {
        assertThat(Coverage.of("Hello there, my friend: 42 times!").complete()).isTrue();
        Coverage accented = Coverage.of("Café crème, naïve Müller, ñandú, łódź");
        assertThat(accented.complete()).isTrue();
        assertThat(accented.spoken()).isEqualTo(29);
    }

    @Test
    void chineseTextHasNothingSpokenAndSaysWhichScriptItIs() {
        Coverage chinese = Coverage.of("你好，世界。");

        assertThat(chinese.nothingSpoken()).isTrue();
        assertThat(chinese.unspoken()).containsExactly(java.util.Map.entry(UnicodeScript.HAN, 4));
        assertThat(chinese.unspokenSummary()).isEqualTo("4 characters in Han script (Chinese, Japanese)");
        assertThat(chinese.whyNothingSpoken())
                .startsWith("nothing in it can be spoken: it holds 4 characters in Han script (Chinese, Japanese),"
                        + " which none of this server's voices reads");
    }

    @Test
    void chineseIsSpokenWhereAVoiceReadsHanAndKanaWithIt() {
        java.util.Set<UnicodeScript> scripts =
                java.util.Set.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HIRAGANA);

        assertThat(Coverage.of("你好，世界。", scripts).complete()).isTrue();
        assertThat(Coverage.of("こんにちは、カタカナ", scripts).complete()).isTrue();
        assertThat(Coverage.of("안녕 你好", scripts).unspoken())
                .containsExactly(java.util.Map.entry(UnicodeScript.HANGUL, 2));
    }

    @Test
    void scriptsAreListedInTheOrderTheyAppearWithEmojiLast() {
        Coverage mixed = Coverage.of("Привет 😀 こんにちは Ωμέγα 🎉");

        assertThat(mixed.unspokenSummary())
                .isEqualTo("6 characters in Cyrillic script (Russian, Ukrainian, Bulgarian, Serbian), 5 characters in"
                        + " Hiragana script (Japanese), 5 characters in Greek script (Greek), 2 emoji or symbols");
        assertThat(mixed.nothingSpoken()).isTrue();
    }

    @Test
    void punctuationAloneHasNothingToSay() {
        Coverage dots = Coverage.of("... ?! —");

        assertThat(dots.nothingSpoken()).isTrue();
        assertThat(dots.complete()).isTrue();
        assertThat(dots.whyNothingSpoken()).isEqualTo("it has no letters or digits, so there is nothing to say");
    }

    @Test
    void mixedTextKeepsWhatIsSpokenAndNamesWhatIsNot() {
        String text = "Hello 你好 world, 世界! 👋";
        Coverage mixed = Coverage.of(text);

        assertThat(mixed.nothingSpoken()).isFalse();
        assertThat(mixed.complete()).isFalse();
        assertThat(mixed.unspokenSummary())
                .isEqualTo("4 characters in Han script (Chinese, Japanese), 1 emoji or symbol");
        assertThat(Coverage.unspokenText(text)).isEqualTo("你好 世界 👋");
        assertThat(Coverage.unspokenText("你好，世界")).isEqualTo("你好 世界");
        assertThat(Coverage.unspokenText("all English")).isEmpty();
    }

    @Test
    void whatIsNotPronouncedIsBlankedOutKeepingEveryOffset() {
        String text = "Hi 你好 😀!";

        assertThat(Coverage.withoutUnspoken(text))
                .isEqualTo("Hi" + " ".repeat(6) + "!")
                .hasSameSizeAs(text);
        assertThat(Coverage.withoutUnspoken("Plain English.")).isSameAs("Plain English.");
    }

    @Test
    void digitsOfOtherScriptsAreNotReadButAsciiDigitsAre() {
        assertThat(Coverage.of("2024").complete()).isTrue();
        assertThat(Coverage.of("٢٠٢٤").unspoken()).containsKey(UnicodeScript.ARABIC);
    }

    @Test
    void theSummaryIsAsciiSoItFitsAHeader() {
        String summary = Coverage.of("日本語 and Ελληνικά and 한국어 🎵").unspokenSummary();

        assertThat(summary.chars().allMatch(c -> c >= 0x20 && c < 0x7F))
                .as(summary)
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"你好，世界。今天天气很好。", "こんにちは世界", "Привет, как дела?", "Γειά σου κόσμε", "😀😀🎉", "안녕하세요"})
    void whatCoverageCallsUnspokenReallyComesOutSilent(String text) throws SpeechException {
        assertThat(Coverage.of(text).nothingSpoken()).isTrue();

        Pcm pcm = say(text);
        assertThat(pcm.seconds() < 0.2 || rms(pcm) < 1e-3)
                .as("%s gave %.2f s, rms %.4f", text, pcm.seconds(), rms(pcm))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Café crème, naïve Müller.", "Hello 你好 world 世界", "Call me at 555 1234."})
    void whatCoverageCallsSpokenIsHeard(String text) throws SpeechException {
        assertThat(Coverage.of(text).nothingSpoken()).isFalse();

        Pcm pcm = say(text);
        assertThat(pcm.seconds()).isGreaterThan(0.8);
        assertThat(rms(pcm)).isGreaterThan(0.01);
    }
}
