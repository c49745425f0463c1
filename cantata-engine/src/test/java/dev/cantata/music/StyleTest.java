package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class StyleTest {

    @Test
    void tagsGiveGenreVoiceAndMoods() {
        Style style = Style.parse("pop metal male melancholic");

        assertThat(style.genre().wireName()).isEqualTo("pop");
        assertThat(style.voice()).isEqualTo("male");
        assertThat(style.moods()).containsExactly("melancholic");
        assertThat(style.minor()).isTrue();
        assertThat(style.unknown()).isEmpty();
    }

    @Test
    void aSentenceGivesInstrumentsAndMood() {
        Style style = Style.parse("folk, acoustic guitar, harmonica, touching");

        assertThat(style.genre().wireName()).isEqualTo("folk");
        assertThat(style.instruments()).containsExactly(25, 22);
        assertThat(style.moods()).containsExactly("touching");
    }

    @Test
    void explicitTempoAndKeyAreRead() {
        Style style = Style.parse("upbeat 128 bpm house in D minor");

        assertThat(style.tempo()).isEqualTo(128.0);
        assertThat(style.key()).isEqualTo(2);
        assertThat(style.minor()).isTrue();
        assertThat(style.genre().wireName()).isEqualTo("house");
    }

    @Test
    void aKeyChangeIsAskedForOrRefusedInWords() {
        assertThat(Style.parse("power ballad with a key change").keyChange()).isTrue();
        assertThat(Style.parse("pop, modulation, female").keyChange()).isTrue();
        assertThat(Style.parse("gospel truck driver's gear change").keyChange()).isTrue();
        assertThat(Style.parse("pop no key change").keyChange()).isFalse();
        assertThat(Style.parse("country without modulation").keyChange()).isFalse();
        assertThat(Style.parse("pop upbeat").keyChange()).isNull();
        assertThat(Style.parse("pop no key change").unknown()).isEmpty();
        assertThat(Style.parse("pop key change").pinned(120, 2, false).keyChange())
                .as("music joined to audio in a key keeps it")
                .isFalse();
    }

    @Test
    void wordsItDoesNotKnowAreListedNotDropped() {
        Style style = Style.parse("jazz with zorblax and quintessential vibes");

        assertThat(style.genre().wireName()).isEqualTo("jazz");
        assertThat(style.unknown()).containsExactly("zorblax", "quintessential");
    }

    @Test
    void theVocabularyHasTwentyGenresAndTwelveMoods() {
        assertThat(Genre.values()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(Style.MOODS).hasSizeGreaterThanOrEqualTo(12);
        assertThat(Style.INSTRUMENTS).containsKeys("harmonica", "acoustic grand piano", "sax", "distortion guitar");
    }
}
