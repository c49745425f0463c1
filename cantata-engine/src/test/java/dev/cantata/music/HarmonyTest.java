package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.audio.Fft;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Harmony lines: chord tones a third to a fifth from the melody, heard in the choruses of the rendered song. */
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
    void theRenderedChorusHoldsASecondVoiceAtTheHarmonysPitchAndTheVerseDoesNot() throws Exception {
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

        List<Double> chorus = new java.util.ArrayList<>();
        List<Double> verse = new java.util.ArrayList<>();
        for (Score.Phrase phrase : song.score().phrases()) {
            Score.Phrase harmony = Harmony.of(phrase, song.score().chords(), 200);
            for (int n = 0; n < phrase.notes().size(); n++) {
                Score.Note note = phrase.notes().get(n);
                if (note.duration() < 0.35) {
                    continue;
                }
                double lift = peakOverFloorDb(
                        song.stems().get(Stem.VOCALS),
                        note.start() + 0.12,
                        note.end() - 0.05,
                        harmony.notes().get(n).hz());
                (phrase.part() == Lyrics.Part.CHORUS ? chorus : verse).add(lift);
            }
        }
        assertThat(chorus).hasSizeGreaterThanOrEqualTo(4);
        assertThat(verse).hasSizeGreaterThanOrEqualTo(4);
        double chorusLift = median(chorus);
        double verseLift = median(verse);
        assertThat(chorus.stream().filter(l -> l > 12).count() / (double) chorus.size())
                .as("chorus notes with the harmony heard (%s)", chorus)
                .isGreaterThan(0.7);
        assertThat(chorusLift - verseLift)
                .as("the harmony's pitch stands out in the chorus, not in the verse (%s vs %s)", chorus, verse)
                .isGreaterThan(6);
    }

    static double median(List<Double> x) {
        List<Double> sorted = new java.util.ArrayList<>(x);
        java.util.Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** How far the spectrum's peak within ±2 % of {@code hz} stands over the median level from 80 Hz to 2 kHz, dB. */
    static double peakOverFloorDb(float[] stereo, double from, double to, double hz) {
        int a = (int) (from * Song.RATE);
        int n = Integer.highestOneBit(Math.max(2, (int) ((to - from) * Song.RATE)));
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n && 2 * (a + i) + 1 < stereo.length; i++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
            re[i] = w * 0.5 * (stereo[2 * (a + i)] + stereo[2 * (a + i) + 1]);
        }
        Fft.transform(re, im);
        double bin = Song.RATE / (double) n;
        double peak = 0;
        for (int k = (int) (hz * 0.98 / bin); k <= (int) Math.ceil(hz * 1.02 / bin); k++) {
            peak = Math.max(peak, re[k] * re[k] + im[k] * im[k]);
        }
        List<Double> floor = new java.util.ArrayList<>();
        for (int k = (int) (80 / bin); k <= (int) (2000 / bin); k++) {
            floor.add(re[k] * re[k] + im[k] * im[k]);
        }
        java.util.Collections.sort(floor);
        return 10 * Math.log10(peak / Math.max(1e-20, floor.get(floor.size() / 2)));
    }
}
