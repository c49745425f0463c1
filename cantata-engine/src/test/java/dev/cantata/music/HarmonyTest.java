package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.audio.Fft;
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
        float[] backing = song.stems().get(Stem.BACKING);

        java.util.Map<Score.Role, List<Double>> lifts = new java.util.EnumMap<>(Score.Role.class);
        for (Score.Voice voice : song.score().voices()) {
            for (Score.Note note : voice.phrase().notes()) {
                if (note.duration() >= 0.35) {
                    lifts.computeIfAbsent(voice.role(), r -> new java.util.ArrayList<>())
                            .add(peakOverFloorDb(backing, note.start() + 0.12, note.end() - 0.05, note.hz()));
                }
            }
        }
        assertThat(lifts.keySet()).containsExactlyInAnyOrder(Score.Role.values());
        lifts.forEach((role, heard) -> assertThat(
                        heard.stream().filter(l -> l > 12).count() / (double) heard.size())
                .as("%s notes heard at their pitch (%s)", role, heard)
                .isGreaterThan(0.7));
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
