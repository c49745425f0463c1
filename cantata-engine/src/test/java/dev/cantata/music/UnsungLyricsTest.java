package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Lyrics the voices cannot pronounce: refused when nothing could be sung, named when part of them cannot. */
final class UnsungLyricsTest {
    static final String CHINESE_LRC = """
            [00:05.00]我们的爱情像一首歌
            [00:10.00]在风中轻轻地唱
            """;

    @Test
    void lyricsOfWhichNoLineCanBeSungAreRefusedNamingTheScript() {
        for (String text : new String[] {CHINESE_LRC, "[Verse]\n我们的爱情\n[Chorus]\n在风中", "😀 🎉\n🎵"}) {
            assertThatThrownBy(() -> Lyrics.parse(text))
                    .as(text)
                    .isInstanceOf(Lyrics.LyricsException.class)
                    .hasMessageStartingWith("no line can be sung: nothing in it can be sung: it holds ");
        }
        assertThatThrownBy(() -> Lyrics.parseLrc(CHINESE_LRC))
                .hasMessage("no line can be sung: nothing in it can be sung: it holds 16 characters in Han script"
                        + " (Chinese, Japanese), and Cantata sings Latin-script (English) lyrics so far; other languages"
                        + " are spoken (/speak, /v1/audio/speech) but not yet sung");
    }

    @Test
    void emptyLyricsAndBareTagsAreStillAnInstrumental() {
        assertThat(Lyrics.parse("").instrumental()).isTrue();
        assertThat(Lyrics.parse("[Intro]\n[Outro]").instrumental()).isTrue();
    }

    @Test
    void mixedLyricsNameEveryLineOrPartThatIsNotSung() {
        Lyrics lyrics = Lyrics.parse("""
                [Verse]
                Morning rain upon the window
                我们的爱情像一首歌
                Hold on 朋友, hold on
                Morning rain upon the window
                我们的爱情像一首歌
                """);

        assertThat(lyrics.lines()).hasSize(5);
        assertThat(lyrics.unsung())
                .containsExactly(
                        new Lyrics.Unsung("我们的爱情像一首歌", "我们的爱情像一首歌", "9 characters in Han script (Chinese, Japanese)"),
                        new Lyrics.Unsung(
                                "Hold on 朋友, hold on", "朋友", "2 characters in Han script (Chinese, Japanese)"));
        assertThat(Lyrics.parse("Morning rain upon the window").unsung()).isEmpty();
    }
}
