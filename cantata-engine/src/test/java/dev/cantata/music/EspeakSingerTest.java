package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.audio.Pcm;
import dev.cantata.audio.PitchTracker;
import dev.cantata.audio.Resampler;
import dev.cantata.speech.BuiltInVoices;
import dev.cantata.speech.EspeakVoices;
import dev.cantata.speech.VoiceProfile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mandarin sung on known notes, measured on the audio: pitch, timing, joins. */
final class EspeakSingerTest {
    private final EspeakSinger singer = new EspeakSinger(EspeakVoices.engine());

    /** 我们开始唱歌 on a tune with leaps, syllables of 0.3 to 0.8 s, the third with a rest before it. */
    private static Score.Phrase phrase() {
        int[] pitches = {60, 64, 67, 65, 62, 60};
        double[] starts = {1.0, 1.4, 2.0, 2.5, 2.9, 3.3};
        double[] ends = {1.4, 1.8, 2.5, 2.9, 3.3, 4.1};
        List<Score.Note> notes = new ArrayList<>();
        for (int i = 0; i < pitches.length; i++) {
            notes.add(new Score.Note(starts[i], ends[i], pitches[i], i));
        }
        return new Score.Phrase("我们开始唱歌", Lyrics.Part.VERSE, notes, List.of());
    }

    @Test
    void everyHanziIsOneSyllableOfItsOwnWordStressedUnlessItsToneIsNeutral() {
        LineSyllables line = singer.read("我们唱歌 love");

        assertThat(line.syllables()).hasSize(5);
        assertThat(line.syllables())
                .extracting(LineSyllables.Syllable::wordText)
                .containsExactly("我", "们", "唱", "歌", "love");
        assertThat(line.syllables().get(1).stressed()).as("们 is men5, neutral").isFalse();
        assertThat(line.syllables().get(0).stressed()).isTrue();
        assertThat(EspeakSinger.units("银行").get(1).say()).isEqualTo("hang1");
    }

    @Test
    void latinWordsInAChineseLineAreSungBySyllable() {
        assertThat(EspeakSinger.vowelGroups("Cantata")).containsExactly("Can", "ta", "ta");
        assertThat(EspeakSinger.vowelGroups("love")).containsExactly("love");
        assertThat(EspeakSinger.vowelGroups("morning")).containsExactly("mor", "ning");
    }

    @Test
    void eachNoteIsSungAtItsPitchWithItsVowelOnTheBeat() throws Exception {
        for (String voice : List.of("female", "male")) {
            VoiceProfile profile = BuiltInVoices.find(voice).orElseThrow().profile();
            Score.Phrase phrase = phrase();
            MarySinger.Sung sung = singer.sing(phrase, profile, Genre.BALLAD.singing());
            Pcm pcm = Resampler.resample(sung.audio(), 16_000);
            double[] f0 = new PitchTracker(60, 700).track(pcm);
            double origin = phrase.start() - sung.lead();

            for (Score.Note note : phrase.notes()) {
                // the middle of the note, clear of the glides at either end
                int from = (int) Math.round((note.start() - origin + 0.1) * 100);
                int to = (int) Math.round((note.end() - origin - 0.08) * 100);
                double[] inside = java.util.Arrays.copyOfRange(f0, from, Math.min(f0.length, to));
                double cents = 1200 * Math.log(PitchTracker.median(inside) / note.hz()) / Math.log(2);
                assertThat(Math.abs(cents)).as(voice + " note " + note).isLessThan(25);
            }
            // the vowel of the note after the rest (开 kai: its k is unvoiced) starts on its beat: voicing within 40 ms
            Score.Note afterRest = phrase.notes().get(2);
            int beat = (int) Math.round((afterRest.start() - origin) * 100);
            int voiced = beat - 8;
            while (voiced < f0.length && f0[voiced] <= 0) {
                voiced++;
            }
            assertThat(Math.abs(voiced - beat) * 10)
                    .as(voice + ": ms from the beat")
                    .isLessThanOrEqualTo(40);
        }
    }

    @Test
    void syllablesJoinWithoutClicks() throws Exception {
        MarySinger.Sung sung = singer.sing(phrase(), VoiceProfile.NEUTRAL, Genre.POP.singing());
        float[] x = sung.audio().samples();
        int rate = sung.audio().sampleRate();
        int frame = rate / 500; // 2 ms
        // a click is a jump in the second difference: a 2 ms frame far above the frames around it
        double[] energy = new double[x.length / frame];
        for (int f = 0; f < energy.length; f++) {
            double sum = 0;
            for (int i = f * frame + 2; i < (f + 1) * frame; i++) {
                double d2 = x[i] - 2 * x[i - 1] + x[i - 2];
                sum += d2 * d2;
            }
            energy[f] = sum / frame;
        }
        for (int f = 5; f < energy.length - 5; f++) {
            double around = 0;
            for (int k = -5; k <= 5; k++) {
                if (Math.abs(k) > 1) {
                    around += energy[f + k];
                }
            }
            around /= 8;
            assertThat(energy[f]).as("frame at %.3f s", f * 0.002).isLessThan(Math.max(around * 40, 1e-6));
        }
    }

    @Test
    void aRepeatedPhraseIsSungTheSame() throws Exception {
        MarySinger.Sung first = singer.sing(phrase(), VoiceProfile.NEUTRAL, Genre.POP.singing());
        MarySinger.Sung again = singer.sing(phrase(), VoiceProfile.NEUTRAL, Genre.POP.singing());

        assertThat(again.audio().samples()).isEqualTo(first.audio().samples());
        assertThat(again.lead()).isEqualTo(first.lead());
    }
}
