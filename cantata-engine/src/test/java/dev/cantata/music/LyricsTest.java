package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThatThrownBy(() -> Lyrics.parse("[00:75.00]seventy-five seconds")).hasMessageContaining("75 seconds");
    }

    @Test
    void emptyLyricsAreInstrumental() {
        assertThat(Lyrics.parse("  \n\n").instrumental()).isTrue();
        assertThat(Lyrics.parse("[Intro]\n[Instrumental]").instrumental()).isTrue();
    }
}
