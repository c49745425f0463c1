package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ArrangerTest {

    @Test
    void aNamedInstrumentIsPlayed() {
        Style style = Style.parse("folk, acoustic guitar, harmonica");
        Score score = ComposerTest.compose("folk, acoustic guitar, harmonica", 1, 95.0);

        Arranger.Arrangement arrangement = Arranger.arrange(score, style, 1);

        assertThat(arrangement.other()).anySatisfy(e -> assertThat(e.program()).isEqualTo(22));
        assertThat(arrangement.other()).anySatisfy(e -> assertThat(e.program()).isEqualTo(25));
    }

    @Test
    void genresHaveTheirOwnGroovesAndInstruments() {
        Score score = ComposerTest.compose("metal", 1, 60.0);

        Arranger.Arrangement metal = Arranger.arrange(score, Style.parse("metal"), 1);
        Arranger.Arrangement jazz = Arranger.arrange(score, Style.parse("jazz"), 1);

        assertThat(metal.other()).anySatisfy(e -> assertThat(e.program()).isEqualTo(30));
        assertThat(jazz.drums()).anySatisfy(e -> assertThat(e.pitch()).isEqualTo(Arranger.RIDE));
        assertThat(metal.drums().size()).isNotEqualTo(jazz.drums().size());
    }

    @Test
    void everySectionAfterTheFirstOpensWithACrashAndNoEventOutlastsTheSong() {
        Score score = ComposerTest.compose("rock", 2, 95.0);

        Arranger.Arrangement a = Arranger.arrange(score, Style.parse("rock"), 2);

        for (Score.Span span : score.sections().subList(1, score.sections().size())) {
            assertThat(a.drums()).anySatisfy(e -> {
                assertThat(e.pitch()).isEqualTo(Arranger.CRASH);
                // the drummer plays it, a few milliseconds either side of the downbeat
                assertThat(e.start()).isCloseTo(span.start(), org.assertj.core.api.Assertions.within(0.015));
            });
        }
        assertThat(a.other())
                .allSatisfy(e -> assertThat(e.start() + e.duration()).isLessThanOrEqualTo(95.0 + 1e-9));
    }

    @Test
    void twoSeedsArrangeDifferently() {
        Score score = ComposerTest.compose("pop", 1, 95.0);

        assertThat(Arranger.arrange(score, Style.parse("pop"), 1))
                .isNotEqualTo(Arranger.arrange(score, Style.parse("pop"), 4));
    }

    @Test
    void theChorusGuitarIsDoubledOnItsOwnChannelAndTheVerseIsPalmMuted() {
        Score score = ComposerTest.compose("rock", 2, 95.0);
        Arranger.Arrangement a = Arranger.arrange(score, Style.parse("rock"), 2);

        Score.Span chorus = score.sections().stream()
                .filter(s -> s.part() == Lyrics.Part.CHORUS)
                .findFirst()
                .orElseThrow();
        Score.Span verse = score.sections().stream()
                .filter(s -> s.part() == Lyrics.Part.VERSE)
                .findFirst()
                .orElseThrow();
        List<Score.Span> full = score.sections().stream()
                .filter(s -> s.part() == Lyrics.Part.CHORUS || s.part() == Lyrics.Part.BREAK)
                .toList();
        assertThat(a.other())
                .filteredOn(e -> e.channel() == Arranger.DOUBLE_CHANNEL)
                .isNotEmpty()
                .allSatisfy(e ->
                        assertThat(full).anySatisfy(s -> assertThat(e.start()).isBetween(s.start() - 0.05, s.end())));
        double verseLength = a.other().stream()
                .filter(e -> e.channel() == 2 && e.start() > verse.start() + 0.1 && e.start() < verse.end() - 0.1)
                .mapToDouble(Arranger.Event::duration)
                .average()
                .orElseThrow();
        double chorusLength = a.other().stream()
                .filter(e -> e.channel() == 2 && e.start() > chorus.start() + 0.1 && e.start() < chorus.end() - 0.1)
                .mapToDouble(Arranger.Event::duration)
                .average()
                .orElseThrow();
        assertThat(verseLength).isLessThan(chorusLength * 0.7);
    }

    @Test
    void theSameSeedArrangesAndPlaysIdentically() {
        Score score = ComposerTest.compose("soul", 3, 60.0);

        assertThat(Arranger.arrange(score, Style.parse("soul"), 3))
                .isEqualTo(Arranger.arrange(score, Style.parse("soul"), 3));
    }
}
