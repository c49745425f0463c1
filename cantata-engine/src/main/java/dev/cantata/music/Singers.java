package dev.cantata.music;

import dev.cantata.language.Language;
import dev.cantata.language.LanguageDetector;
import dev.cantata.language.Mandarin;
import dev.cantata.speech.SpeechException;
import dev.cantata.speech.VoiceProfile;
import java.lang.Character.UnicodeScript;
import org.jspecify.annotations.Nullable;

/**
 * The singers of a node, each line of a song to the one that knows its language: a line with kana is Japanese and a
 * line with Hanzi but no kana Mandarin ({@link EspeakSinger}); Latin-script lines are in the song's language, found
 * once from all of them ({@link #latinLanguage}): English is sung by {@link MarySinger}, German, Spanish, French and
 * every other Latin-script language of espeak-ng by {@link EspeakSinger}.
 */
final class Singers {
    private final MarySinger english;
    private final @Nullable EspeakSinger espeak;
    private final LanguageDetector detector;

    Singers(MarySinger english, @Nullable EspeakSinger espeak, LanguageDetector detector) {
        this.english = english;
        this.espeak = espeak;
        this.detector = detector;
    }

    /** Whether {@code line} is sung in Mandarin: it has Hanzi and no kana. */
    static boolean isMandarin(String line) {
        return line.codePoints().anyMatch(Mandarin::isHanzi) && !isJapanese(line);
    }

    /** Whether {@code line} is sung in Japanese: it has kana (its kanji are not read). */
    static boolean isJapanese(String line) {
        return line.codePoints().anyMatch(EspeakSinger::isKana);
    }

    /** The language of the Latin-script lines of {@code lyrics}, found from all of them at once (English if none). */
    static Language latinLanguage(Lyrics lyrics, LanguageDetector detector) {
        StringBuilder latin = new StringBuilder();
        for (Lyrics.Line line : lyrics.lines()) {
            if (!isMandarin(line.text()) && !isJapanese(line.text())) {
                latin.append(line.text()).append('\n');
            }
        }
        Language language = detector.detect(latin.toString());
        return detector.scriptOf(language) == UnicodeScript.LATIN ? language : Language.ENGLISH;
    }

    /** The singer of {@code lyrics}' lines. */
    Singer forLyrics(Lyrics lyrics) {
        return new Lines(espeak == null ? Language.ENGLISH : latinLanguage(lyrics, detector));
    }

    /** Lines to their singers, Latin-script ones in {@code latin}. */
    private final class Lines implements Singer {
        private final Language latin;

        Lines(Language latin) {
            this.latin = latin;
        }

        private Singer of(String line) throws SpeechException {
            if (latin.english() && !isMandarin(line) && !isJapanese(line)) {
                return english;
            }
            if (espeak == null) {
                throw new SpeechException("the line \"" + line + "\" is not English, and other languages are sung with"
                        + " espeak-ng, which is not installed on this server (apt-get install espeak-ng)");
            }
            return espeak.in(latin);
        }

        @Override
        public LineSyllables read(String line) throws SpeechException {
            return of(line).read(line);
        }

        @Override
        public MarySinger.Sung sing(Score.Phrase phrase, VoiceProfile voice, Genre.Singing singing)
                throws SpeechException {
            return of(phrase.text()).sing(phrase, voice, singing);
        }
    }
}
