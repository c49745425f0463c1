package dev.cantata.midi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class SyllablesTest {
    @Test
    void aWordOnOneNoteIsTheWord() {
        assertThat(Syllables.split("morning", 1)).containsExactly("morning");
    }

    @Test
    void aWordOnSeveralNotesIsCutBetweenItsVowelGroups() {
        assertThat(Syllables.split("morning", 2)).containsExactly("mor-", "ning");
        assertThat(Syllables.split("moment", 2)).containsExactly("mo-", "ment");
        assertThat(Syllables.split("every", 3)).containsExactly("e-", "ve-", "ry");
        assertThat(Syllables.split("Tonight", 2)).containsExactly("To-", "night");
    }

    @Test
    void aSilentFinalEStartsNoSyllable() {
        assertThat(Syllables.split("alone", 2)).containsExactly("a-", "lone");
    }

    @Test
    void notesAWordHasNoPieceForHoldItAsAMelisma() {
        assertThat(Syllables.split("love", 3)).containsExactly("love", "-", "-");
    }

    @Test
    void thePiecesOfAWordSpellIt() {
        for (String word : new String[] {"understand", "window", "coffee", "beautiful", "don't", "fire"}) {
            for (int n = 1; n <= 4; n++) {
                String joined = String.join("", Syllables.split(word, n)).replace("-", "");
                assertThat(joined).as(word + " on " + n + " notes").isEqualTo(word);
            }
        }
    }
}
