package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.speech.MaryEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lyrics from a description, checked with the pronunciation lexicon: sections, rhymes, meter, theme, determinism. */
final class LyricWriterTest {
    static Pronouncer pronouncer;
    static LyricWriter writer;

    @BeforeAll
    static void start() throws Exception {
        pronouncer = new Pronouncer(MaryEngine.start());
        writer = new LyricWriter(pronouncer);
    }

    @Test
    void theSameDescriptionAndSeedGiveTheSameLyricsAndAnotherSeedOthers() throws Exception {
        String description = "A cheerful folk song about a morning walk by the sea";

        LyricWriter.Written a = writer.write(description, 1);
        LyricWriter.Written b = writer.write(description, 1);
        LyricWriter.Written c = writer.write(description, 2);

        assertThat(a).isEqualTo(b);
        assertThat(c.lyrics()).isNotEqualTo(a.lyrics());
    }

    @Test
    void lyricsHaveSectionsRhymesMeterAndTheDescriptionsTheme() throws Exception {
        LyricWriter.Written song = writer.write("A cheerful folk song about a morning walk by the sea", 7);

        assertThat(song.themes()).contains("morning", "walk", "sea");
        assertThat(song.tags()).contains("folk", "cheerful");
        Lyrics lyrics = Lyrics.parse(song.lyrics());
        assertThat(lyrics.sections())
                .extracting(Lyrics.Section::part)
                .containsExactly(
                        Lyrics.Part.VERSE,
                        Lyrics.Part.CHORUS,
                        Lyrics.Part.VERSE,
                        Lyrics.Part.CHORUS,
                        Lyrics.Part.BRIDGE,
                        Lyrics.Part.CHORUS);
        Lyrics.Section chorus = lyrics.sections().get(1);
        assertThat(chorus.lines()).hasSize(4);
        assertThat(chorus.lines().get(0).text()).containsAnyOf("morning", "walk", "sea");
        assertThat(song.title()).isNotBlank();
        assertThat(lyrics.sections().get(3).lines()).isEqualTo(chorus.lines());
        for (Lyrics.Section s : lyrics.sections()) {
            List<String> ends = new ArrayList<>();
            for (Lyrics.Line line : s.lines()) {
                String[] words = line.text().toLowerCase(Locale.ROOT).split("[^a-z']+");
                ends.add(words[words.length - 1]);
                int syllables = pronouncer.pronounce(line.text()).stream()
                        .mapToInt(w -> w.syllables().size())
                        .sum();
                assertThat(syllables).as("syllables of \"%s\"", line.text()).isBetween(5, 10);
            }
            Map<String, Pronouncer.Word> said = pronouncer.lookUp(ends);
            boolean verse = s.part() == Lyrics.Part.VERSE;
            for (int i = 0; i + (verse ? 2 : 1) < ends.size(); i += verse ? 1 : 2) {
                if (verse && i >= 2) {
                    break;
                }
                String a = ends.get(i);
                String b = ends.get(i + (verse ? 2 : 1));
                assertThat(said.get(a).rhyme())
                        .as("%s rhymes with %s in %s", a, b, s.label())
                        .isEqualTo(said.get(b).rhyme());
                assertThat(a).isNotEqualTo(b);
            }
        }
    }

    @Test
    void aSadDescriptionGetsNoBrightLines() throws Exception {
        LyricWriter.Written song = writer.write("a sad lonely ballad about a city in the rain", 3);

        assertThat(song.lyrics()).doesNotContain("Everything will be alright", "Come and sing a happy song");
        assertThat(song.themes()).contains("city", "rain");
    }

    @Test
    void styleWordsAreNotThemes() throws Exception {
        LyricWriter.Written song = writer.write("an upbeat male disco song about dancing on a rooftop", 5);

        assertThat(song.themes()).contains("rooftop").doesNotContain("upbeat", "male", "disco", "song");
    }
}
