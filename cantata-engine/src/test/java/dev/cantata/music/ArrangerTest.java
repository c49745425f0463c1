package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;

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
                assertThat(e.start()).isCloseTo(span.start(), org.assertj.core.api.Assertions.within(1e-6));
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
}
