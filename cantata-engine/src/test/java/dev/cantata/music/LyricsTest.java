package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

final class LyricsTest {

    @Test
    void sunoMarkupGivesSectionsWithTheirParts() {
        Lyrics lyrics =
                Lyrics.parse("[Intro]\n[Verse 1]\nOne line\nTwo line\n\n[Pre-Chorus]\nRising\n[Chorus]\nSing it\n"
                        + "[Bridge]\nOver\n[Outro]\nBye");

        assertThat(lyrics.timed()).isFalse();
        assertThat(lyrics.sections())
                .extracting(Lyrics.Section::part)
                .containsExactly(
                        Lyrics.Part.INTRO,
                        Lyrics.Part.VERSE,
                        Lyrics.Part.PRE_CHORUS,
                        Lyrics.Part.CHORUS,
                        Lyrics.Part.BRIDGE,
                        Lyrics.Part.OUTRO);
        assertThat(lyrics.sections().get(1).lines())
                .extracting(Lyrics.Line::text)
                .containsExactly("One line", "Two line");
    }

    @Test
    void untaggedStanzasThatRepeatBecomeTheChorus() {
        Lyrics lyrics = Lyrics.parse("A verse\nline\n\nThe chorus\nagain\n\nAnother verse\nhere\n\nThe chorus\nagain");

        assertThat(lyrics.sections())
                .extracting(Lyrics.Section::part)
                .containsExactly(Lyrics.Part.VERSE, Lyrics.Part.CHORUS, Lyrics.Part.VERSE, Lyrics.Part.CHORUS);
    }

    @Test
    void lrcAcceptsEveryTimeFormatAndIgnoresMetadata() {
        Lyrics lyrics = Lyrics.parse("[ti:Song]\n[ar:Me]\n[00:10.00]Ten\n[00:12]Twelve\n[00:13.5]Thirteen and a half\n"
                + "[00:14.250]Fourteen and a quarter\n[01:02.03]Sixty two");

        assertThat(lyrics.timed()).isTrue();
        assertThat(lyrics.lines()).extracting(Lyrics.Line::at).containsExactly(10.0, 12.0, 13.5, 14.25, 62.03);
    }

    @Test
    void aMalformedLrcLineIsAnErrorNamingItsNumber() {
        assertThatThrownBy(() -> Lyrics.parse("[00:01.00]fine\n[00:02.00]fine\nno tag here\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LRC line 3");
        assertThatThrownBy(() -> Lyrics.parse("[00:05.00]later\n[00:02.00]earlier"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("before the line above");
    }

    @Test
    void secondsPastFiftyNineCountOnAsDiffRhythmCountsThem() {
        assertThat(Lyrics.parse("[00:75.00]seventy-five seconds").lines())
                .extracting(Lyrics.Line::at)
                .containsExactly(75.0);
    }

    @Test
    void lrcReadLenientlySkipsTheLinesDiffRhythmSkipsAndNamesEach() {
        Lyrics.Lrc lrc = Lyrics.readLrc("""
                [ti:Rain]
                My song, by me
                [00:05.00]Morning rain

                [00:09.00]Coffee cold
                [00:07.00]out of order
                [chorus]
                [00:12.00]Hold on
                """);

        assertThat(lrc.lyrics().lines())
                .extracting(Lyrics.Line::text)
                .containsExactly("Morning rain", "Coffee cold", "Hold on");
        assertThat(lrc.skipped()).extracting(Lyrics.SkippedLine::number).containsExactly(2, 6, 7);
        assertThat(lrc.skipped().get(0)).hasToString("LRC line 2 has no [mm:ss.xx] time tag: \"My song, by me\"");
        assertThat(lrc.skipped().get(1)).hasToString("LRC line 6 starts at [00:07.00], before the line above it");
        assertThat(Lyrics.parse(lrc.kept())).as("what is kept is strict LRC").isEqualTo(lrc.lyrics());
        assertThat(Lyrics.readLrc("[00:01.00]a\n[00:02.00]b").skipped()).isEmpty();
    }

    @Test
    void emptyLyricsAreInstrumental() {
        assertThat(Lyrics.parse("  \n\n").instrumental()).isTrue();
        assertThat(Lyrics.parse("[Intro]\n[Instrumental]").instrumental()).isTrue();
    }

    @Test
    void aLineOfBracketsIsRefusedBeforeAnythingReadsIt() {
        // once a StackOverflowError in MaryTTS's XML walker: 19,999 tokens on one sung line
        assertThatThrownBy(() -> Lyrics.parse("[".repeat(19_999)))
                .isInstanceOf(Lyrics.LyricsException.class)
                .hasMessageContaining("line 1 has 19999 characters")
                .hasMessageContaining("at most " + Lyrics.MAX_LINE_CHARACTERS);
    }

    @Test
    void tooManySectionsLinesOrCharactersAreRefusedNamingTheLimit() {
        assertThatThrownBy(() -> Lyrics.parse("[Verse]\nla la la\n" + "[a]\n".repeat(830)))
                .isInstanceOf(Lyrics.LyricsException.class)
                .hasMessageContaining("more than " + Lyrics.MAX_SECTIONS + " sections");
        assertThatThrownBy(() -> Lyrics.parse("[Verse]\n" + "la la la\n".repeat(Lyrics.MAX_LINES + 1)))
                .isInstanceOf(Lyrics.LyricsException.class)
                .hasMessageContaining("more than " + Lyrics.MAX_LINES + " lines");
        assertThatThrownBy(() -> Lyrics.parse("[00:01.00]la\n".repeat(Lyrics.MAX_LINES + 1)))
                .isInstanceOf(Lyrics.LyricsException.class)
                .hasMessageContaining("more than " + Lyrics.MAX_LINES + " lines");
        assertThatThrownBy(() -> Lyrics.parse("\n".repeat(Lyrics.MAX_CHARACTERS + 1)))
                .isInstanceOf(Lyrics.LyricsException.class)
                .hasMessageContaining("at most " + Lyrics.MAX_CHARACTERS);
        assertThatThrownBy(() -> Lyrics.parse("[" + "Verse".repeat(20) + "]\nla"))
                .isInstanceOf(Lyrics.LyricsException.class)
                .hasMessageContaining("section tag of 100 characters");
    }

    @Test
    void lyricsAtTheLimitsAreAccepted() {
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < Lyrics.MAX_SECTIONS; s++) {
            text.append("[Verse ").append(s + 1).append("]\n");
            for (int l = 0; l < Lyrics.MAX_LINES / Lyrics.MAX_SECTIONS; l++) {
                text.append("x".repeat(Lyrics.MAX_LINE_CHARACTERS)).append('\n');
            }
        }

        Lyrics lyrics = Lyrics.parse(text.toString());

        assertThat(lyrics.sections()).hasSize(Lyrics.MAX_SECTIONS);
        assertThat(lyrics.lines()).hasSize(Lyrics.MAX_LINES);
    }

    @Test
    void charactersThatCannotBeSungAreDroppedFromLines() {
        Lyrics lyrics =
                Lyrics.parse("[Verse]\nhello\ufffe wor\u0007ld\ud800\n\ufdd0\u0001\n[Chorus]\nsing \ud83c\udfb5");

        assertThat(lyrics.lines()).extracting(Lyrics.Line::text).containsExactly("hello world", "sing \ud83c\udfb5");
    }

    @Test
    void timeTagsAreReadExactlyAndRepeatedTagsKeepTheFirst() {
        Lyrics lyrics = Lyrics.parse("[00:01.5]a\n[00:02:25]b\n[00:03.125] [00:40.00] c\n[999:59.999]d");

        assertThat(lyrics.lines()).extracting(Lyrics.Line::at).containsExactly(1.5, 2.25, 3.125, 59_999.999);
        assertThat(lyrics.lines()).extracting(Lyrics.Line::text).containsExactly("a", "b", "c", "d");
        assertThatThrownBy(() -> Lyrics.parse("[00:01.00]a\n[1000:00.00]b"))
                .hasMessageContaining("LRC line 2 has no [mm:ss.xx] time tag");
        assertThatThrownBy(() -> Lyrics.parse("[00:01.00]a\n[00:02.1234]b")).hasMessageContaining("LRC line 2");
    }

    // ---------------------------------------------------------------- fuzz (jqwik)

    /** What the markup and LRC grammars are made of, plus what attackers add: each drawn often enough to collide. */
    private static final List<String> FRAGMENTS = List.of(
            "[",
            "]",
            "[[",
            "]]",
            ":",
            ".",
            "(",
            ")",
            "\n",
            "\r\n",
            "\r",
            "\n\n",
            " ",
            "\t",
            "[Verse]",
            "[Chorus]",
            "[Intro]",
            "[Instrumental]",
            "[Outro]",
            "[a]",
            "[00:01.00]",
            "[00:10]",
            "[01:02.003]",
            "[9:59.9]",
            "[00:75.00]",
            "[999:59.999]",
            "[ti:x]",
            "[length: 3:00]",
            "[#:c]",
            "[1",
            "[12:",
            "[12:3",
            "[12:34.",
            "99999999999999999999",
            "-1",
            "1e308",
            "NaN",
            "la la",
            "(ooh)",
            "\ud800",
            "\udc00",
            "\ud83c\udfb5",
            "\ufffe",
            "\uffff",
            "\ufdd0",
            "\u0000",
            "\u0007",
            "\u001b",
            "\u0085",
            "\u2028",
            "\u2029",
            "\u00e9",
            "\u202e",
            "<b>",
            "&amp;",
            "]]>",
            "\"",
            "'");

    @Provide
    Arbitrary<String> lyricTexts() {
        Arbitrary<String> fragments =
                Arbitraries.of(FRAGMENTS).list().ofMaxSize(200).map(parts -> String.join("", parts));
        Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(400);
        Arbitrary<String> nested = Arbitraries.integers()
                .between(1, 30_000)
                .flatMap(n -> Arbitraries.of("[", "(", "[a", "[00:", "a.", "[a]\n", "la\n", "[00:01]x\n")
                        .map(unit -> unit.repeat(n)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, fragments),
                net.jqwik.api.Tuple.of(3, noise),
                net.jqwik.api.Tuple.of(1, nested));
    }

    @Property(tries = 3000)
    void anyTextParsesWithinTheCapsOrIsRefusedWithALyricsException(@ForAll("lyricTexts") String text) {
        checkOrRefused(() -> Lyrics.parse(text));
    }

    @Property(tries = 2000)
    void anyTextParsesAsLrcWithinTheCapsOrIsRefused(@ForAll("lyricTexts") String text) {
        checkOrRefused(() -> Lyrics.parseLrc(text));
    }

    @Property(tries = 2000)
    void anyTextParsesAsMarkupWithinTheCapsOrIsRefused(@ForAll("lyricTexts") String text) {
        checkOrRefused(() -> Lyrics.parseMarkup(text));
    }

    private static void checkOrRefused(java.util.function.Supplier<Lyrics> parse) {
        Lyrics lyrics;
        try {
            lyrics = parse.get();
        } catch (Lyrics.LyricsException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(lyrics.sections()).hasSizeLessThanOrEqualTo(Lyrics.MAX_SECTIONS);
        assertThat(lyrics.lines()).hasSizeLessThanOrEqualTo(Lyrics.MAX_LINES);
        double previous = 0;
        for (Lyrics.Line line : lyrics.lines()) {
            assertThat(line.text()).isNotBlank().hasSizeLessThanOrEqualTo(Lyrics.MAX_LINE_CHARACTERS);
            assertThat(dev.cantata.speech.SpeechText.clean(line.text())).isEqualTo(line.text());
            assertThat(line.text().chars().noneMatch(Character::isISOControl)).isTrue();
            if (lyrics.timed()) {
                assertThat(line.at()).isNotNull().isGreaterThanOrEqualTo(previous);
                previous = java.util.Objects.requireNonNull(line.at());
            } else {
                assertThat(line.at()).isNull();
            }
        }
        for (Lyrics.Section section : lyrics.sections()) {
            assertThat(section.label()).hasSizeLessThanOrEqualTo(Lyrics.MAX_LABEL);
        }
    }
}
