package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The voices written around the lead: which genres stack how many, on which notes, and how the score keeps them. */
final class BackingVocalsTest {
    static final BackingVocals.Singers SOLO = new BackingVocals.Singers(57, 69, false, false);

    /** A verse line, then two chorus lines over C, Am, F, G, each chord a bar of 2 s. */
    static Score score() {
        List<Score.Chord> chords = List.of(
                new Score.Chord(0, 4, 0, false, false, 0),
                new Score.Chord(4, 6, 0, false, false, 1),
                new Score.Chord(6, 8, 9, true, false, 2),
                new Score.Chord(8, 10, 5, false, false, 3),
                new Score.Chord(10, 12, 7, false, false, 4));
        List<Score.Span> sections = List.of(
                new Score.Span(Lyrics.Part.VERSE, "Verse", 0, 4, 2),
                new Score.Span(Lyrics.Part.CHORUS, "Chorus", 4, 12, 4));
        List<Score.Phrase> phrases = List.of(
                line(Lyrics.Part.VERSE, 0.5, 64, 65, 67, 64),
                line(Lyrics.Part.CHORUS, 4.5, 67, 69, 67, 64, 65, 64),
                line(Lyrics.Part.CHORUS, 8.5, 65, 64, 62, 67, 65, 67));
        return new Score(100, 0, false, 12, sections, chords, phrases, List.of(), List.of());
    }

    static Score.Phrase line(Lyrics.Part part, double start, int... pitches) {
        List<Score.Note> notes = new ArrayList<>();
        for (int i = 0; i < pitches.length; i++) {
            notes.add(new Score.Note(start + i * 0.5, start + i * 0.5 + 0.45, pitches[i], i));
        }
        return new Score.Phrase("la la la la la la".substring(0, 3 * pitches.length - 1), part, notes, List.of());
    }

    static List<Score.Voice> of(List<Score.Voice> voices, Score.Role role) {
        return voices.stream().filter(v -> v.role() == role).toList();
    }

    @Test
    void soulStacksThreePartsOverEveryChorusLineAndHoldsPadsButLeavesTheVerseAlone() {
        List<Score.Voice> voices = BackingVocals.arrange(score(), Genre.SOUL, SOLO);

        assertThat(of(voices, Score.Role.HIGH_HARMONY)).hasSize(2);
        assertThat(of(voices, Score.Role.LOW_HARMONY)).hasSize(2);
        assertThat(of(voices, Score.Role.PAD)).hasSize(2);
        assertThat(voices).allSatisfy(v -> assertThat(v.phrase().start()).isGreaterThanOrEqualTo(4.0));
        assertThat(of(voices, Score.Role.PAD))
                .allSatisfy(v -> assertThat(v.phrase().text()).startsWith("aah"));
        assertThat(voices).extracting(v -> v.phrase().start()).isSorted();
    }

    @Test
    void eachGenreSingsAsManyVoicesAsItsTraditionStacks() {
        assertThat(BackingVocals.arrange(score(), Genre.ROCK, SOLO))
                .extracting(Score.Voice::role)
                .containsOnly(Score.Role.HIGH_HARMONY)
                .hasSize(2);
        assertThat(BackingVocals.arrange(score(), Genre.METAL, SOLO)).isEmpty();
        assertThat(BackingVocals.arrange(score(), Genre.HIP_HOP, SOLO)).isEmpty();
        assertThat(of(BackingVocals.arrange(score(), Genre.BALLAD, SOLO), Score.Role.PAD))
                .allSatisfy(v -> assertThat(v.phrase().text()).startsWith("ooh"));
    }

    @Test
    void theTwoHarmoniesAreChordTonesOnEitherSideOfTheMelodyAndNeverMeet() {
        Score score = score();
        List<Score.Voice> voices = BackingVocals.arrange(score, Genre.GOSPEL, SOLO);
        List<Score.Voice> high = of(voices, Score.Role.HIGH_HARMONY);
        List<Score.Voice> low = of(voices, Score.Role.LOW_HARMONY);
        for (int l = 0; l < 2; l++) {
            Score.Phrase lead = score.phrases().get(l + 1);
            for (int i = 0; i < lead.notes().size(); i++) {
                Score.Note melody = lead.notes().get(i);
                int[] tones = score.chordAt(melody.start() + 0.01).pitchClasses();
                int over = high.get(l).phrase().notes().get(i).pitch();
                int under = low.get(l).phrase().notes().get(i).pitch();
                assertThat(List.of(over, under))
                        .allSatisfy(p -> assertThat(tones).contains(Math.floorMod(p, 12)));
                assertThat(under).as("the low voice is under the melody").isLessThan(melody.pitch());
                assertThat(melody.pitch() - under).isBetween(3, 12);
                assertThat(over).as("the two harmonies never sing one pitch").isNotEqualTo(under);
                assertThat(Math.abs(over - melody.pitch()))
                        .as("no unison or second with the melody")
                        .isGreaterThan(2);
            }
        }
    }

    @Test
    void padsHoldOneChordToneEachAndMoveByTheSmallestStep() {
        List<Score.Voice> pads = of(BackingVocals.arrange(score(), Genre.POP, SOLO), Score.Role.PAD);
        Score score = score();

        assertThat(pads).hasSize(2);
        assertThat(pads.get(0).pan()).isNegative();
        assertThat(pads.get(1).pan()).isPositive();
        List<Score.Note> lower = pads.get(0).phrase().notes();
        List<Score.Note> upper = pads.get(1).phrase().notes();
        assertThat(lower).hasSize(4); // one a chord of the chorus
        for (int i = 0; i < lower.size(); i++) {
            int[] tones = score.chordAt(lower.get(i).start() + 0.01).pitchClasses();
            assertThat(tones)
                    .contains(
                            Math.floorMod(lower.get(i).pitch(), 12),
                            Math.floorMod(upper.get(i).pitch(), 12));
            assertThat(upper.get(i).pitch() - lower.get(i).pitch()).isBetween(3, 5); // the next chord tone up
            assertThat(lower.get(i).pitch()).isBetween(SOLO.low(), SOLO.low() + 9);
            assertThat(lower.get(i).end())
                    .isLessThan(score.chordAt(lower.get(i).start() + 0.01).end());
            if (i > 0) {
                assertThat(Math.abs(lower.get(i).pitch() - lower.get(i - 1).pitch()))
                        .isLessThanOrEqualTo(2);
            }
        }
        assertThat(pads.get(0).phrase().words()).hasSize(4);
    }

    @Test
    void aDuetsPartnerHarmonisesTheLastChorusInItsOwnOctave() {
        Score score = score();
        List<Score.Voice> female =
                BackingVocals.arrange(score, Genre.COUNTRY, new BackingVocals.Singers(57, 69, true, false));
        List<Score.Voice> male =
                BackingVocals.arrange(score, Genre.COUNTRY, new BackingVocals.Singers(45, 57, true, true));

        // the whole chorus here is the last one: the partner sings with every line of it
        assertThat(female).hasSize(2).allSatisfy(v -> assertThat(v.partner()).isTrue());
        Score.Note melody = score.phrases().get(1).notes().get(0);
        int underFemale = female.get(0).phrase().notes().get(0).pitch();
        int overMale = male.get(0).phrase().notes().get(0).pitch();
        assertThat(melody.pitch() - underFemale)
                .as("a man under a woman's melody")
                .isBetween(3, 9);
        assertThat(overMale - melody.pitch()).as("a woman over a man's melody").isBetween(3, 9);
    }

    @Test
    void theScoreKeepsItsVoicesThroughWindowsShiftsMergesAndJson() throws Exception {
        Score score = score().withVoices(BackingVocals.arrange(score(), Genre.SOUL, SOLO));

        assertThat(score.window(0, 4).voices()).isEmpty();
        assertThat(score.window(8, 12).voices()).hasSize(4); // the second line's two harmonies, the pads' last chords
        assertThat(score.shifted(10, 22).voices().get(0).phrase().start())
                .isEqualTo(score.voices().get(0).phrase().start() + 10);
        Score merged = Score.merge(List.of(score.window(0, 6), score.window(6, 12)), List.of(0.0, 6.0), 12);
        // each pad and each harmony of the first chorus line is cut in two at 6 s
        assertThat(merged.voices()).hasSize(score.voices().size() + 4);

        ObjectMapper json = new ObjectMapper();
        assertThat(json.readValue(json.writeValueAsString(score), Score.class)).isEqualTo(score);
        String before = json.writeValueAsString(score()).replace(",\"voices\":[]", "");
        assertThat(before).doesNotContain("voices");
        assertThat(json.readValue(before, Score.class).voices())
                .as("a score stored before voices")
                .isEmpty();
    }
}
