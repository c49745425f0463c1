package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The composer on syllables made by hand (no MaryTTS needed): every stress is on a word's first syllable. */
final class ComposerTest {
    static final String LYRICS = """
      [Verse]
      Morning rain upon the window
      Coffee cooling in my hand
      [Chorus]
      Hold on hold on the night is almost over
      Every song I sing comes back to you
      [Verse]
      Pictures fading on the table
      Letters written never sent
      [Chorus]
      Hold on hold on the night is almost over
      Every song I sing comes back to you""";

    static Map<String, LineSyllables> syllables(Lyrics lyrics) {
        Map<String, LineSyllables> map = new HashMap<>();
        for (Lyrics.Line line : lyrics.lines()) {
            List<LineSyllables.Syllable> list = new java.util.ArrayList<>();
            String[] words = line.text().split(" ");
            for (int w = 0; w < words.length; w++) {
                int count = Math.max(
                        1, words[w].replaceAll("[^aeiouy]+", " ").trim().split(" ").length);
                for (int s = 0; s < count; s++) {
                    list.add(new LineSyllables.Syllable(w, words[w], s == 0 && words[w].length() > 3));
                }
            }
            map.put(line.text(), new LineSyllables(line.text(), list));
        }
        return map;
    }

    static Score compose(String style, long seed, Double length) {
        Lyrics lyrics = Lyrics.parse(LYRICS);
        return Composer.compose(
                new Composer.Request(lyrics, Style.parse(style), seed, length, 54, 66), syllables(lyrics));
    }

    @Test
    void everySyllableGetsOneNoteWithinTheSingersRange() {
        Score score = compose("pop", 1, null);
        Map<String, LineSyllables> syllables = syllables(Lyrics.parse(LYRICS));

        for (Score.Phrase phrase : score.phrases()) {
            assertThat(phrase.notes())
                    .hasSize(syllables.get(phrase.text()).syllables().size());
            assertThat(phrase.notes()).allSatisfy(n -> assertThat(n.pitch()).isBetween(54, 66));
            for (int i = 1; i < phrase.notes().size(); i++) {
                assertThat(phrase.notes().get(i).start())
                        .isGreaterThanOrEqualTo(phrase.notes().get(i - 1).end() - 1e-9);
            }
        }
    }

    @Test
    void chorusesPutTheirStressesOnTheBeatAndVersesOnEighthsNearerSpeech() {
        Score score = compose("pop", 3, null);
        Map<String, LineSyllables> syllables = syllables(Lyrics.parse(LYRICS));
        double beat = score.beatSeconds();
        int[] stressed = new int[2]; // verse, chorus
        int[] onGrid = new int[2];
        int offBeatVerseStresses = 0;
        List<Double> verseLengths = new java.util.ArrayList<>();
        for (Score.Phrase phrase : score.phrases()) {
            boolean chorus = phrase.part() == Lyrics.Part.CHORUS;
            int k = chorus ? 1 : 0;
            List<LineSyllables.Syllable> s = syllables.get(phrase.text()).syllables();
            for (int i = 0; i < s.size(); i++) {
                Score.Note note = phrase.notes().get(i);
                double steps = note.start() / beat * (chorus ? 1 : 2); // in beats or in eighths
                if (!chorus) {
                    verseLengths.add(note.duration() / beat);
                }
                if (s.get(i).stressed()) {
                    stressed[k]++;
                    if (Math.abs(steps - Math.round(steps)) < 1e-6) {
                        onGrid[k]++;
                        double beats = note.start() / beat;
                        if (!chorus && Math.abs(beats - Math.round(beats)) > 1e-6) {
                            offBeatVerseStresses++;
                        }
                    }
                }
            }
        }
        assertThat(onGrid[1]).as("chorus stresses on the beat").isGreaterThanOrEqualTo((int) (stressed[1] * 0.8));
        assertThat(onGrid[0]).as("verse stresses on an eighth").isGreaterThanOrEqualTo((int) (stressed[0] * 0.8));
        assertThat(offBeatVerseStresses).as("verse stresses between the beats").isPositive();
        assertThat(median(verseLengths)).as("a verse syllable, in beats").isLessThanOrEqualTo(0.5 + 1e-9);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void aRepeatedChorusLineSingsTheSameMelody() {
        Score score = compose("pop no key change", 5, null);
        List<Score.Phrase> holdOn = score.phrases().stream()
                .filter(p -> p.text().startsWith("Hold on"))
                .toList();

        assertThat(holdOn).hasSize(2);
        assertThat(holdOn.get(0).notes().stream().map(Score.Note::pitch).toList())
                .isEqualTo(holdOn.get(1).notes().stream().map(Score.Note::pitch).toList());
    }

    @Test
    void linesEndOnACadenceAtTheEndOfASection() {
        Score score = compose("pop", 7, null);
        Score.Phrase last = score.phrases().get(1); // the verse's last line
        Score.Note lastNote = last.notes().get(last.notes().size() - 1);

        assertThat(Math.floorMod(lastNote.pitch() - score.key(), 12)).isZero();
    }

    @Test
    void aRequestedLengthIsTheScoresLengthAndTheFormFillsIt() {
        for (double length : new double[] {95, 180, 285}) {
            Score score = compose("folk", 9, length);
            double bars = score.sections().stream().mapToInt(Score.Span::bars).sum();

            assertThat(score.length()).isEqualTo(length);
            assertThat(bars * score.barSeconds()).isBetween(length - 2 * score.barSeconds(), length + 0.25);
        }
    }

    @Test
    void everyGenreFillsARequestedLengthWithoutDroppingASongThatFits() {
        String song = ProductionReportTest.LYRICS + "\n[Outro]\nEvery song I sing comes back to you\n";
        Lyrics lyrics = Lyrics.parse(song);
        // the least form that sings every line: the song as composed without a length (a 4-bar intro, the sections,
        // the outro's line), its outro cut to the 2 bars a form that is too long cuts it to
        List<Score.Span> natural = Composer.compose(
                        new Composer.Request(lyrics, Style.parse("pop"), 3, null, 54, 66), syllables(lyrics))
                .sections();
        int outro = natural.get(natural.size() - 1).bars();
        int leastBars = natural.stream().mapToInt(Score.Span::bars).sum() - Math.max(0, outro - 2);
        for (Genre genre : Genre.values()) {
            for (double length : new double[] {60, 75, 95, 120, 150, 200, 285}) {
                Score score = Composer.compose(
                        new Composer.Request(lyrics, Style.parse(genre.wireName()), 3, length, 54, 66),
                        syllables(lyrics));
                double bar = score.barSeconds();
                double form =
                        score.sections().stream().mapToInt(Score.Span::bars).sum() * bar;
                double least = leastBars * bar; // whatever is dropped must not have fitted
                String where = genre + " at " + length + " s";

                assertThat(form).as(where).isLessThanOrEqualTo(length + 0.25);
                if (least <= length + 0.25) {
                    assertThat(score.dropped()).as(where).isEmpty();
                    assertThat(form).as(where).isGreaterThanOrEqualTo(length - 2 * bar);
                }
            }
        }
    }

    @Test
    void twoSeedsGiveDifferentMelodiesAndTheSameSeedTheSame() {
        List<Integer> one = compose("pop", 1, 95.0).phrases().stream()
                .flatMap(p -> p.notes().stream())
                .map(Score.Note::pitch)
                .toList();
        List<Integer> again = compose("pop", 1, 95.0).phrases().stream()
                .flatMap(p -> p.notes().stream())
                .map(Score.Note::pitch)
                .toList();
        List<Integer> two = compose("pop", 2, 95.0).phrases().stream()
                .flatMap(p -> p.notes().stream())
                .map(Score.Note::pitch)
                .toList();

        assertThat(again).isEqualTo(one);
        assertThat(two).isNotEqualTo(one);
    }

    @Test
    void lrcLinesStartOnTheirTimestampsAndEndBeforeTheNext() {
        Lyrics lyrics = Lyrics.parse("[00:05.00]Morning rain upon the window\n[00:08.20]Coffee cooling in my hand\n"
                + "[00:10.00]Hold on hold on the night is almost over and over again\n[00:13.00]End");
        Score score =
                Composer.compose(new Composer.Request(lyrics, Style.parse("pop"), 1, 30.0, 54, 66), syllables(lyrics));

        double[] at = {5.0, 8.2, 10.0, 13.0};
        for (int i = 0; i < 4; i++) {
            assertThat(score.phrases().get(i).start()).isEqualTo(at[i]);
            if (i < 3) {
                assertThat(score.phrases().get(i).end()).isLessThanOrEqualTo(at[i + 1]);
            }
        }
    }

    @Test
    void anLrcLineWithRoomBreathesABeatBeforeTheNextOutOfItsLastNoteAndKeepsItsGrid() {
        Lyrics lyrics = Lyrics.parse("[00:04.00]Morning rain upon the window\n[00:08.50]Coffee cooling in my hand");
        Score score =
                Composer.compose(new Composer.Request(lyrics, Style.parse("folk"), 5, 24.0, 54, 66), syllables(lyrics));

        Score.Phrase first = score.phrases().get(0);
        double beat = score.beatSeconds();
        assertThat(first.end()).isLessThanOrEqualTo(8.5 - beat + 1e-9);
        for (Score.Note note : first.notes()) { // on the sixteenth grid from the timestamp: cut, not squeezed
            double sixteenths = (note.start() - 4.0) / (beat / 4);
            assertThat(sixteenths).isCloseTo(Math.rint(sixteenths), within(1e-6));
        }
        Score.Note last = first.notes().get(first.notes().size() - 1);
        assertThat(last.duration()).isGreaterThanOrEqualTo(beat / 2 - 1e-9);
    }

    @Test
    void lrcLinesPastTheLengthAreDroppedAndReported() {
        Lyrics lyrics = Lyrics.parse("[00:05.00]Early line here\n[00:40.00]Too late to sing");
        Score score =
                Composer.compose(new Composer.Request(lyrics, Style.parse("pop"), 1, 30.0, 54, 66), syllables(lyrics));

        assertThat(score.phrases()).hasSize(1);
        assertThat(score.dropped()).containsExactly("Too late to sing");
    }

    private static Score composeText(String text, String style, @org.jspecify.annotations.Nullable Double length) {
        Lyrics lyrics = Lyrics.parse(text);
        return Composer.compose(new Composer.Request(lyrics, Style.parse(style), 1, length, 54, 66), syllables(lyrics));
    }

    @Test
    void lyricsLongerThanTheLongestSongAreCutAndTheLinesLeftOutReported() {
        StringBuilder text = new StringBuilder();
        List<String> all = new java.util.ArrayList<>();
        for (int s = 0; s < Lyrics.MAX_SECTIONS; s++) {
            text.append("[Verse ").append(s + 1).append("]\n");
            for (int l = 0; l < Lyrics.MAX_LINES / Lyrics.MAX_SECTIONS; l++) {
                String line = "line " + all.size() + " la la";
                all.add(line);
                text.append(line).append('\n');
            }
        }

        Score score = composeText(text.toString(), "ballad 40 bpm", null);

        assertThat(score.length()).isLessThanOrEqualTo(SongSpec.MAX_LENGTH);
        List<String> sung = score.phrases().stream().map(Score.Phrase::text).toList();
        assertThat(sung).isNotEmpty();
        assertThat(score.dropped()).isNotEmpty();
        // the song is the lyrics' beginning; everything after the last sung line is reported, in order
        List<String> expected = new java.util.ArrayList<>(sung);
        expected.addAll(score.dropped());
        assertThat(expected).isEqualTo(all);
        assertThat(score.phrases().get(score.phrases().size() - 1).end()).isLessThan(score.length());
        assertThat(score.sections().get(score.sections().size() - 1).part()).isEqualTo(Lyrics.Part.OUTRO);
    }

    @Test
    void emptySectionTagsDoNotStretchTheSong() {
        String sung = "[Verse]\nla la la\n";

        Score plain = composeText(sung, "ballad 40 bpm", null);
        Score tagged = composeText(sung + "[a]\n".repeat(Lyrics.MAX_SECTIONS - 1), "ballad 40 bpm", null);

        assertThat(tagged.length()).isEqualTo(plain.length());
        // an instrumental section is still a break of its own
        assertThat(composeText(sung + "[Instrumental]\n", "ballad 40 bpm", null).length())
                .isGreaterThan(plain.length());
    }

    @Test
    void lrcLinesPastTheLongestSongAreDropped() {
        Score score = composeText("[00:01.00]early line\n[30:00.00]far too late", "pop", null);

        assertThat(score.length()).isLessThanOrEqualTo(SongSpec.MAX_LENGTH);
        assertThat(score.dropped()).containsExactly("far too late");
    }

    @Test
    void aContinuationIsCutToTheRoomItIsGiven() {
        String text = "[Verse]\n" + "sing a line la la\n".repeat(40);
        Lyrics lyrics = Lyrics.parse(text);

        Score score = Composer.compose(
                new Composer.Request(lyrics, Style.parse("pop 100 bpm"), 1, null, 54, 66, true, 60), syllables(lyrics));

        assertThat(score.length()).isLessThanOrEqualTo(60);
        assertThat(score.dropped()).isNotEmpty();
    }

    static List<Integer> pitches(Score.Phrase phrase) {
        return phrase.notes().stream().map(Score.Note::pitch).toList();
    }

    static List<Score.Chord> chordsIn(Score score, Score.Span span) {
        return score.chords().stream()
                .filter(c -> c.start() >= span.start() - 1e-6 && c.start() < span.end() - 1e-6)
                .toList();
    }

    @Test
    void aStyleThatAsksForAKeyChangeSingsTheLastChorusAWholeToneHigherOverItsChords() {
        for (long seed = 0; seed < 6; seed++) {
            Score score = compose("rock key change", seed, null);
            List<Score.Span> choruses = score.sections().stream()
                    .filter(s -> s.part() == Lyrics.Part.CHORUS)
                    .toList();
            Score.Span first = choruses.get(0);
            Score.Span last = choruses.get(choruses.size() - 1);
            List<Score.Phrase> holdOn = score.phrases().stream()
                    .filter(p -> p.text().startsWith("Hold on"))
                    .toList();
            int lifted = (score.key() + 2) % 12;

            assertThat(score.modulations()).containsExactly(new Score.Modulation(last.start(), lifted));
            assertThat(score.keyAt(last.start() - 0.01)).isEqualTo(score.key());
            assertThat(score.keyAt(last.start())).isEqualTo(lifted);
            assertThat(pitches(holdOn.get(1)))
                    .isEqualTo(pitches(holdOn.get(0)).stream().map(p -> p + 2).toList());
            List<Score.Chord> before = chordsIn(score, first);
            List<Score.Chord> after = chordsIn(score, last);
            assertThat(after).hasSameSizeAs(before);
            for (int i = 0; i < before.size(); i++) {
                assertThat(after.get(i).root()).isEqualTo((before.get(i).root() + 2) % 12);
                assertThat(after.get(i).minor()).isEqualTo(before.get(i).minor());
            }
            // the melodies leave the top two semitones to the lift, so the lifted chorus is still in range
            assertThat(score.phrases())
                    .allSatisfy(p -> assertThat(p.notes())
                            .allSatisfy(n -> assertThat(n.pitch()).isBetween(54, 66)));
            assertThat(score.phrases().stream().flatMap(p -> p.notes().stream()).filter(n -> n.start() < last.start()))
                    .allSatisfy(n -> assertThat(n.pitch()).isLessThanOrEqualTo(64));
        }
    }

    @Test
    void theGenresThatLiftALastChorusDoSoInSomeSongsAndTheOthersOnlyWhenAsked() {
        int pop = 0;
        for (long seed = 0; seed < 20; seed++) {
            pop += compose("pop", seed, null).modulations().size();
            assertThat(compose("rock", seed, null).modulations()).isEmpty();
            assertThat(compose("pop no key change", seed, null).modulations()).isEmpty();
        }
        assertThat(pop).isBetween(4, 16);
    }

    @Test
    void aSongWithOneSungChorusOrAContinuationKeepsItsKey() {
        Lyrics once = Lyrics.parse("""
              [Verse]
              Morning rain upon the window
              [Chorus]
              Hold on hold on the night is almost over
              [Verse]
              Pictures fading on the table""");
        Lyrics twice = Lyrics.parse(LYRICS);

        assertThat(Composer.compose(
                                new Composer.Request(once, Style.parse("pop key change"), 1, null, 54, 66),
                                syllables(once))
                        .modulations())
                .isEmpty();
        assertThat(Composer.compose(
                                new Composer.Request(twice, Style.parse("pop key change"), 1, null, 54, 66, true),
                                syllables(twice))
                        .modulations())
                .isEmpty();
    }
}
