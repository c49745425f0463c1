package dev.cantata.music;

import dev.cantata.speech.SpeechException;
import dev.cantata.speech.VoiceProfile;

/**
 * What sings: a lyric line read as syllables (for the composer), and a phrase of it sung on its notes. {@link
 * MarySinger} sings English, {@link EspeakSinger} Mandarin; {@link Singers} hands each line to the one that knows it.
 */
interface Singer extends LineSyllables.Reader {
    @Override
    LineSyllables read(String line) throws SpeechException;

    /** Sings one phrase, its pitch moving as the genre's singers move it ({@link PitchContour}). */
    MarySinger.Sung sing(Score.Phrase phrase, VoiceProfile voice, Genre.Singing singing) throws SpeechException;
}
