package dev.cantata.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.speech.EspeakVoices;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class LanguageDetectorTest {
    private static LanguageDetector detector;

    @BeforeAll
    static void load() {
        detector = EspeakVoices.detector();
    }

    @ParameterizedTest(name = "{1} is {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | The quick brown fox jumps over the lazy dog.",
                "en | Clone this voice and read the weather report for tomorrow morning.",
                "en | Hello, world!",
                "en | Hello",
                "en | OK",
                "de | Guten Morgen, wie geht es dir heute? Mir geht es gut, danke.",
                "de | Das Wetter ist heute sehr schön, wir gehen in den Park.",
                "es | Hola, ¿cómo estás? Muy bien, gracias por preguntar.",
                "es | Mañana vamos a la playa con nuestros amigos.",
                "fr-fr | Bonjour tout le monde, je suis très content de vous voir.",
                "it | Ciao a tutti, oggi è una bellissima giornata di sole.",
                "pt | Bom dia, como você está? Eu estou muito bem, obrigado.",
                "nl | Goedemorgen, hoe gaat het met je vandaag?",
                "ru | Привет, как дела? Сегодня хорошая погода.",
                "uk | Доброго ранку, як справи? Сьогодні гарна погода.",
                "zh | 你好，世界。今天天气很好。",
                "zh | 我今天用 Cantata 做了一首 song。",
                "ja | こんにちは、お元気ですか。",
                "ja | 東京へ行きます。",
                "ko | 안녕하세요, 만나서 반갑습니다.",
                "el | Καλημέρα, τι κάνεις;",
            })
    void aTextIsInTheLanguageItsReadersWouldSay(String tag, String text) {
        Language detected = detector.detect(text);

        assertThat(detected.tag()).startsWith(tag.equals("pt") ? "pt" : tag);
    }

    @Test
    void englishWordsInsideChineseAreARunOfTheirOwn() {
        String text = "我今天用 Cantata 做了一首 song。";
        List<Run> runs = detector.runs(text, detector.detect(text));

        assertThat(runs).extracting(r -> r.language().tag()).containsExactly("zh", "en", "zh", "en");
        assertThat(String.join("", runs.stream().map(Run::text).toList())).isEqualTo(text);
        assertThat(runs.get(1).text().strip()).isEqualTo("Cantata");
        assertThat(runs.get(1).start()).isEqualTo(text.indexOf("Cantata"));
    }

    @Test
    void aGivenLanguageSpeaksTheRunsOfItsScript() {
        Language german = detector.languages().find("de").orElseThrow();
        List<Run> runs = detector.runs("Hallo Welt, 你好!", german);

        assertThat(runs).extracting(r -> r.language().tag()).containsExactly("de", "zh");
        assertThat(detector.runs("Hello", german)).extracting(Run::language).containsExactly(german);
    }

    @Test
    void textWithoutLettersIsEnglishInOneRun() {
        assertThat(detector.detect("123, 456!")).isEqualTo(Language.ENGLISH);
        assertThat(detector.runs("123, 456!", Language.ENGLISH)).hasSize(1);
    }

    @Test
    void everyScriptOfTheNodesLanguagesIsReadable() {
        assertThat(detector.scripts())
                .contains(
                        Character.UnicodeScript.LATIN,
                        Character.UnicodeScript.HAN,
                        Character.UnicodeScript.HIRAGANA,
                        Character.UnicodeScript.HANGUL,
                        Character.UnicodeScript.CYRILLIC,
                        Character.UnicodeScript.GREEK,
                        Character.UnicodeScript.ARABIC);
        assertThat(LanguageDetector.of(Languages.englishOnly()).scripts())
                .containsExactly(Character.UnicodeScript.LATIN);
    }
}
