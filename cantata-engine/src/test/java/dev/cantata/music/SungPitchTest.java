package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.speech.MaryEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sung pitch measured on rendered vocals (YIN on the vocal stem), gesture by gesture: glides with overshoot between
 * notes, vibrato on long notes at a singer's rate and at the genre's extent, and the notes still in tune. The same
 * measurements, with pYIN, are in {@code tools/sung_pitch.py}.
 */
final class SungPitchTest {
    static SungGestures.Report soul;
    static Score soulScore;
    static SungGestures.Report punk;

    @BeforeAll
    static void makeSongs() throws Exception {
        SongEngine engine = new SongEngine(MaryEngine.start(), InstrumentRenderer.load(Optional.empty()));
        Song soulSong = engine.make(SongSpec.of(SongEngineTest.LYRICS, "soul female slow", 40.0, 21), Progress.NONE);
        soul = SungGestures.of(soulSong);
        soulScore = soulSong.score();
        punk = SungGestures.of(engine.make(SongSpec.of(SongEngineTest.LYRICS, "punk female", 30.0, 21), Progress.NONE));
    }

    @Test
    void longNotesCarryAVibratoAtASingersRateAndTheGenresExtent() {
        assertThat(soul.vibratoCents())
                .as("soul notes of 0.6 s or more, voiced throughout")
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(soul.vibratoRate()).as("vibrato rate, Hz").isBetween(5.0, 6.5);
        assertThat(soul.vibratoExtent()).as("soul vibrato extent, cents").isBetween(30.0, 80.0);
        if (!punk.vibratoCents().isEmpty()) {
            assertThat(punk.vibratoExtent()).as("punk vibrato extent, cents").isLessThan(0.6 * soul.vibratoExtent());
        }
        // no two vibratos alike: their extents spread
        List<Double> extents = new ArrayList<>(soul.vibratoCents());
        java.util.Collections.sort(extents);
        assertThat(extents.get(extents.size() * 9 / 10) - extents.get(extents.size() / 10))
                .isGreaterThan(2);
    }

    @Test
    void pitchGlidesBetweenNotesWithinASingersTimeAndOftenOvershoots() {
        int leaps = soul.leaps() + punk.leaps();
        double overshoots = soul.overshootShare() * soul.leaps() + punk.overshootShare() * punk.leaps();

        assertThat(leaps).as("measurable leaps of two semitones or more").isGreaterThanOrEqualTo(5);
        assertThat(soul.glideSeconds()).as("10–90 %% glide, s").isBetween(0.04, 0.2);
        assertThat(overshoots / leaps).as("share of leaps that overshoot").isGreaterThan(0.3);
    }

    @Test
    void notesStayInTuneUnderAllThatMovement() {
        for (SungGestures.Report song : List.of(soul, punk)) {
            assertThat(song.notes()).isGreaterThan(10);
            assertThat(song.inTune()).as("notes within 25 cents").isGreaterThanOrEqualTo(0.9);
        }
    }

    @Test
    void soulEndsSomeLinesWithARunThePitchReallyTravelsOnOneVowel() {
        List<Score.Phrase> runs = soulScore.phrases().stream()
                .filter(p ->
                        p.notes().stream().map(Score.Note::syllable).distinct().count()
                                < p.notes().size())
                .toList();

        assertThat(runs).as("soul lines ending in a run").isNotEmpty();
        for (Score.Phrase run : runs) {
            // the word sung on the run lasts to the run's end
            assertThat(run.words().get(run.words().size() - 1).end()).isEqualTo(run.end());
            int last = run.notes().get(run.notes().size() - 1).syllable();
            assertThat(run.notes().stream().filter(n -> n.syllable() == last))
                    .as("the run's notes")
                    .hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(n -> assertThat(n.duration()).isGreaterThanOrEqualTo(Composer.RUN_NOTE - 1e-9));
        }
        assertThat(soul.runNotes()).as("passing notes of runs, voiced").isGreaterThanOrEqualTo(2);
        assertThat(soul.runsHeard()).as("passing notes the pitch reaches").isGreaterThanOrEqualTo(0.8);
        assertThat(punk.runNotes()).as("punk has no runs").isZero();
    }

    @Test
    void theContourIsTheSameForTheSamePhraseAndSeed() {
        List<Score.Note> notes = List.of(new Score.Note(0, 0.8, 60, 0), new Score.Note(0.8, 1.6, 64, 1));
        Genre.Singing singing = Genre.SOUL.singing();

        assertThat(PitchContour.of(notes, -0.1, 400, singing, 7))
                .isEqualTo(PitchContour.of(notes, -0.1, 400, singing, 7));
        assertThat(PitchContour.of(notes, -0.1, 400, singing, 7))
                .isNotEqualTo(PitchContour.of(notes, -0.1, 400, singing, 8));
    }

    @Test
    void aLeapIsPreparedAndOvershotInProportionToItsSize() {
        Genre.Singing still = new Genre.Singing(0, 5.5, 0);
        double[] atSaitousSpeed = new double[400];
        Arrays.fill(atSaitousSpeed, 1);
        double[] small = PitchContour.transitions(step(2), atSaitousSpeed);
        double[] large = PitchContour.transitions(step(7), atSaitousSpeed);

        double overSmall = Arrays.stream(small, 200, 300).max().orElseThrow() - 62;
        double overLarge = Arrays.stream(large, 200, 300).max().orElseThrow() - 67;
        double prepSmall = 60 - Arrays.stream(small, 100, 200).min().orElseThrow();
        assertThat(overSmall).isGreaterThan(0.05);
        assertThat(overLarge / overSmall).isCloseTo(3.5, org.assertj.core.api.Assertions.within(0.01));
        assertThat(prepSmall).isGreaterThan(0.02);
        double[] held = PitchContour.of(List.of(new Score.Note(0, 1, 60, 0)), 0, 200, still, 1);
        assertThat(Arrays.stream(held).map(p -> Math.abs(p - 60)).max().orElseThrow())
                .as("a held note without vibrato moves only by its fine fluctuation")
                .isBetween(0.01, 0.15);
    }

    /** 60 for a second, then 60 + {@code semitones} for a second, at 5 ms frames. */
    static double[] step(int semitones) {
        double[] x = new double[400];
        Arrays.fill(x, 0, 200, 60);
        Arrays.fill(x, 200, 400, 60 + semitones);
        return x;
    }
}
