package dev.cantata.music;

import dev.cantata.language.Mandarin;
import dev.cantata.speech.SpeechException;
import dev.cantata.speech.VoiceProfile;
import org.jspecify.annotations.Nullable;

/**
 * The singers of a song, each line to the one that knows its language: a line with Hanzi is Mandarin ({@link
 * EspeakSinger}; its Latin words are sung with it), every other line English ({@link MarySinger}).
 */
final class Singers implements Singer {
    private final MarySinger english;
    private final @Nullable EspeakSinger mandarin;

    Singers(MarySinger english, @Nullable EspeakSinger mandarin) {
        this.english = english;
        this.mandarin = mandarin;
    }

    /** Whether {@code line} is sung in Mandarin. */
    static boolean isMandarin(String line) {
        return line.codePoints().anyMatch(Mandarin::isHanzi);
    }

    private Singer of(String line) throws SpeechException {
        if (!isMandarin(line)) {
            return english;
        }
        if (mandarin == null) {
            throw new SpeechException(
                    "the line \"" + line + "\" is Chinese, and Chinese is sung with espeak-ng, which is"
                            + " not installed on this server (apt-get install espeak-ng)");
        }
        return mandarin;
    }

    @Override
    public LineSyllables read(String line) throws SpeechException {
        return of(line).read(line);
    }

    @Override
    public MarySinger.Sung sing(Score.Phrase phrase, VoiceProfile voice, Genre.Singing singing) throws SpeechException {
        return of(phrase.text()).sing(phrase, voice, singing);
    }
}
