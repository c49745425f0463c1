package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Harmony lines: chord tones a third to a fifth from the melody, heard in the backing stem of the rendered song. */
final class HarmonyTest {
    static final List<Score.Chord> C_THEN_F =
            List.of(new Score.Chord(0, 2, 0, false, false, 0), new Score.Chord(2, 4, 5, false, false, 1));

    static Score.Phrase line(int... pitches) {
        List<Score.Note> notes = new java.util.ArrayList<>();
        for (int i = 0; i < pitches.length; i++) {
            notes.add(new Score.Note(i * 0.5, i * 0.5 + 0.5, pitches[i], i));
        }
        return new Score.Phrase("la la la la la la la la", Lyrics.Part.CHORUS, notes, List.of());
    }

    @Test
    void eachNoteGetsTheNearestChordToneAThirdToAFifthAbove() {
        // C D E G over C major, then F G A C over F major
        Score.Phrase harmony = Harmony.of(line(60, 62, 64, 67, 65, 67, 69, 72), C_THEN_F, 90);

        assertThat(harmony.notes()).extracting(Score.Note::pitch).containsExactly(64, 67, 67, 72, 69, 72, 72, 77);
        for (int i = 0; i < 8; i++) {
            int interval = harmony.notes().get(i).pitch()
                    - line(60, 62, 64, 67, 65, 67, 69, 72).notes().get(i).pitch();
            assertThat(interval).isBetween(3, 7);
        }
    }

    @Test
    void aMelodyAtTheTopOfTheRangeIsHarmonisedFromBelow() {
        Score.Phrase harmony = Harmony.of(line(72, 74), C_THEN_F, 74);

        assertThat(harmony.notes()).extracting(Score.Note::pitch).containsExactly(67, 67);
        assertThat(harmony.notes()).extracting(Score.Note::start).containsExactly(0.0, 0.5);
    }

    @Test
    void theRenderedBackingStemSingsEachVoiceOfTheScoreAtItsPitchInTheChorusAndIsSilentInTheVerse() throws Exception {
        SongEngine engine =
                new SongEngine(dev.cantata.speech.MaryEngine.start(), InstrumentRenderer.load(Optional.empty()));
        String lyrics = """
                [Verse]
                Morning rain upon the window
                Coffee cooling in my hand
                [Chorus]
                Hold on, hold on, the night is almost over
                Hold on, hold on, the light is coming through
                """;
        Song song = engine.make(SongSpec.of(lyrics, "soul female", 45.0, 21), Progress.NONE);
        java.util.Map<Score.Role, Double> heard = SungGestures.backingHeard(song);

        assertThat(heard.keySet()).containsExactlyInAnyOrder(Score.Role.values());
        heard.forEach((role, share) ->
                assertThat(share).as("%s notes heard at their pitch", role).isGreaterThan(0.7));
        Score.Span verse = song.score().sections().stream()
                .filter(s -> s.part() == Lyrics.Part.VERSE)
                .findFirst()
                .orElseThrow();
        assertThat(rmsDb(song.stems().get(Stem.BACKING), verse.start() + 0.5, verse.end() - 0.5))
                .as("nobody sings around the lead in the verse")
                .isLessThan(-60);
        assertThat(rmsDb(song.stems().get(Stem.VOCALS), verse.start() + 0.5, verse.end() - 0.5))
                .isGreaterThan(-40);
    }

    static double rmsDb(float[] stereo, double from, double to) {
        double sum = 0;
        int n = 0;
        for (int i = 2 * (int) (from * Song.RATE); i < Math.min(stereo.length, 2 * (int) (to * Song.RATE)); i++) {
            sum += stereo[i] * stereo[i];
            n++;
        }
        return 10 * Math.log10(Math.max(1e-20, sum / Math.max(1, n)));
    }
}
