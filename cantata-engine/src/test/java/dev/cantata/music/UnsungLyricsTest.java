package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Lyrics the voices cannot sing (English and Mandarin are sung): refused when nothing could be sung, named when part
 * of them cannot.
 */
final class UnsungLyricsTest {
    static final String RUSSIAN_LRC = """
            [00:05.00]Наша любовь как песня
            [00:10.00]Поёт на ветру
            """;

    @Test
    void lyricsOfWhichNoLineCanBeSungAreRefusedNamingTheScript() {
        for (String text : new String[] {RUSSIAN_LRC, "[Verse]\n사랑해요\n[Chorus]\n안녕", "😀 🎉\n🎵"}) {
            assertThatThrownBy(() -> Lyrics.parse(text))
                    .as(text)
                    .isInstanceOf(Lyrics.LyricsException.class)
                    .hasMessageStartingWith("no line can be sung: nothing in it can be sung: it holds ");
        }
        assertThatThrownBy(() -> Lyrics.parseLrc(RUSSIAN_LRC))
                .hasMessage("no line can be sung: nothing in it can be sung: it holds 29 characters in Cyrillic script"
                        + " (Russian, Ukrainian, Bulgarian, Serbian), and Cantata sings English and Chinese (Mandarin)"
                        + " lyrics so far; other languages are spoken (/speak, /v1/audio/speech) but not yet sung");
    }

    @Test
    void chineseLyricsAreSung() {
        Lyrics lyrics = Lyrics.parse("[00:05.00]我们的爱情像一首歌\n[00:10.00]在风中轻轻地唱\n");

        assertThat(lyrics.lines()).hasSize(2);
        assertThat(lyrics.unsung()).isEmpty();
        assertThat(lyrics.sungLanguages()).isEqualTo("Sung in Chinese (Mandarin), 2 lines.");
        assertThat(Lyrics.parse("Hold on\n朋友").sungLanguages())
                .isEqualTo("Sung in Chinese (Mandarin), 1 line, and English, 1 line.");
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
                Наша любовь как песня
                Hold on друг, hold on
                Morning rain upon the window
                Наша любовь как песня
                """);

        assertThat(lyrics.lines()).hasSize(5);
        assertThat(lyrics.unsung())
                .containsExactly(
                        new Lyrics.Unsung(
                                "Наша любовь как песня",
                                "Наша любовь как песня",
                                "18 characters in Cyrillic script (Russian, Ukrainian, Bulgarian, Serbian)"),
                        new Lyrics.Unsung(
                                "Hold on друг, hold on",
                                "друг",
                                "4 characters in Cyrillic script (Russian, Ukrainian, Bulgarian, Serbian)"));
        assertThat(Lyrics.parse("Morning rain upon the window").unsung()).isEmpty();
    }
}
