package dev.cantata.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class LanguagesTest {
    /** Lines of espeak-ng 1.51's {@code --voices}, as printed. */
    private static final String VOICES = """
            Pty Language       Age/Gender VoiceName          File                 Other Languages
             5  cmn             --/M      Chinese_(Mandarin,_latin_as_English) sit/cmn              (zh-cmn 5)(zh 5)
             5  cmn-latn-pinyin --/M      Chinese_(Mandarin,_latin_as_Pinyin) sit/cmn-Latn-pinyin  (zh-cmn 5)(zh 5)
             5  de              --/M      German             gmw/de
             2  en-us           --/M      English_(America)  gmw/en-US            (en 3)
             5  fr-be           --/M      French_(Belgium)   roa/fr-BE            (fr 8)
             5  fr-fr           --/M      French_(France)    roa/fr               (fr 5)
             5  ja              --/M      Japanese           jpx/ja
             5  nb              --/M      Norwegian_Bokmål  gmq/nb               (no 5)
             5  pt-br           --/M      Portuguese_(Brazil) roa/pt-BR            (pt 5)
             5  yue             --/M      Chinese_(Cantonese) sit/yue              (zh-yue 5)(zh 8)
            """;

    private final Languages languages = Languages.of(VOICES);

    @Test
    void mandarinIsFoundByEveryNameClientsUseAndIsSpokenFromPinyin() {
        for (String name : new String[] {"zh", "ZH-cn", "zh_Hans", "cmn", "Mandarin", "chinese (mandarin)", "zh-TW"}) {
            assertThat(languages.find(name)).as(name).contains(Language.MANDARIN);
        }
        assertThat(Language.MANDARIN.espeakVoice()).isEqualTo("cmn-latn-pinyin");
    }

    @Test
    void anAliasGoesToTheVoiceEspeakRanksFirst() {
        assertThat(languages.find("fr")).map(Language::tag).contains("fr-fr");
        assertThat(languages.find("French")).map(Language::tag).contains("fr-fr");
        assertThat(languages.find("no")).map(Language::tag).contains("nb");
        assertThat(languages.find("zh-HK")).map(Language::tag).contains("yue");
        assertThat(languages.find("cantonese")).map(Language::tag).contains("yue");
    }

    @Test
    void aRegionalTagFallsBackToItsLanguage() {
        assertThat(languages.find("de-AT")).map(Language::tag).contains("de");
        assertThat(languages.find("German")).map(Language::tag).contains("de");
        assertThat(languages.find("en-GB")).contains(Language.ENGLISH);
        assertThat(languages.find("pt")).map(Language::tag).contains("pt-br");
    }

    @Test
    void unknownLanguagesAreNotFound() {
        assertThat(languages.find("tlh")).isEmpty();
        assertThat(languages.find("")).isEmpty();
        assertThat(languages.find("xx-yy")).isEmpty();
    }

    @Test
    void withoutEspeakOnlyEnglishIsSpoken() {
        Languages english = Languages.englishOnly();

        assertThat(english.all()).containsExactly(Language.ENGLISH);
        assertThat(english.beyondEnglish()).isFalse();
        assertThat(english.find("zh")).isEmpty();
        assertThat(languages.beyondEnglish()).isTrue();
    }

    @Test
    void namesAreInEnglish() {
        assertThat(languages.find("de").orElseThrow().name()).isEqualTo("German");
        assertThat(Language.MANDARIN.name()).isEqualTo("Chinese (Mandarin)");
        assertThat(languages.find("yue").orElseThrow().name()).isEqualTo("Cantonese");
    }
}
