package dev.cantata.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The names other servers' clients send, each on a built-in voice. */
final class BuiltInVoicesTest {
    static final List<String> ORPHEUS_WOMEN = List.of("tara", "leah", "jess", "mia", "zoe");
    static final List<String> ORPHEUS_MEN = List.of("leo", "dan", "zac");

    @Test
    void orpheusNamesSpeakWithVoicesOfTheirSexEachOnADifferentOne() {
        for (String woman : ORPHEUS_WOMEN) {
            assertThat(BuiltInVoices.find(woman).orElseThrow().profile().pitch())
                    .as(woman)
                    .isGreaterThan(0.8);
        }
        for (String man : ORPHEUS_MEN) {
            assertThat(BuiltInVoices.find(man).orElseThrow().profile().pitch())
                    .as(man)
                    .isLessThan(0.8);
        }
        assertThat(BuiltInVoices.ORPHEUS_NAMES.keySet()).hasSize(8);
        assertThat(BuiltInVoices.ORPHEUS_NAMES.values()).doesNotHaveDuplicates();
    }

    @Test
    void aliasesAreFoundInAnyCase() {
        assertThat(BuiltInVoices.find("Tara").orElseThrow().name()).isEqualTo("female");
        assertThat(BuiltInVoices.find(" ALLOY ").orElseThrow().name()).isEqualTo("warm");
        assertThat(BuiltInVoices.find("nobody")).isEmpty();
    }
}
