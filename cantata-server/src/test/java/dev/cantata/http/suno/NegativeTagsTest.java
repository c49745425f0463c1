package dev.cantata.http.suno;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class NegativeTagsTest {

    @Test
    void negativeTagsAreTakenOutOfTheStyleAsWholeWords() {
        assertThat(SunoRoutes.without("pop metal, piano", "Metal")).isEqualTo("pop, piano");
        assertThat(SunoRoutes.without("rock with electric guitar", "electric guitar, drums"))
                .isEqualTo("rock with");
        assertThat(SunoRoutes.without("metallic synthpop", "metal, pop")).isEqualTo("metallic synthpop");
        assertThat(SunoRoutes.without("jazz", "")).isEqualTo("jazz");
    }
}
