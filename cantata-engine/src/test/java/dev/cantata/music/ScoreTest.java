package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The score's keys over time: a lifted last chorus, and pieces of scores in other keys joined. */
final class ScoreTest {
    /** Ten seconds in C major that lift to D at 6 s. */
    static final Score LIFTED = new Score(
            120,
            0,
            false,
            10,
            List.of(),
            List.of(new Score.Chord(0, 6, 0, false, false, 0), new Score.Chord(6, 10, 2, false, false, 3)),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(new Score.Modulation(6, 2)));

    static Score inKey(int key, double length) {
        return new Score(120, key, false, length, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void theKeyAtATimeIsTheLastModulationStartedByThenOrTheStartingKey() {
        assertThat(LIFTED.keyAt(0)).isEqualTo(0);
        assertThat(LIFTED.keyAt(5.99)).isEqualTo(0);
        assertThat(LIFTED.keyAt(6)).isEqualTo(2);
        assertThat(LIFTED.keyAt(9)).isEqualTo(2);
        assertThat(inKey(7, 4).keyAt(3)).isEqualTo(7);
    }

    @Test
    void aShiftedOrWindowedScoreKeepsItsKeyChangesInSongTime() {
        assertThat(LIFTED.shifted(4, 14).modulations()).containsExactly(new Score.Modulation(10, 2));
        assertThat(LIFTED.window(5, 8).keyAt(7)).isEqualTo(2);
    }

    @Test
    void joinedPiecesChangeKeyWhereAPieceInAnotherKeyStarts() {
        // an extension at 8 s in the lifted key, then an edit at 12 s made in G
        Score joined = Score.merge(
                List.of(
                        LIFTED.window(0, 8),
                        inKey(2, 16).window(8, 12),
                        inKey(7, 16).window(12, 16)),
                List.of(0.0, 8.0, 12.0),
                16);

        assertThat(joined.key()).isEqualTo(0);
        assertThat(joined.modulations())
                .as("the extension continues the lift, so only the lift and the edit change key")
                .containsExactly(new Score.Modulation(6, 2), new Score.Modulation(12, 7));
    }

    @Test
    void aScoreStoredBeforeKeyChangesReadsBackWithNone() {
        Score stored = new Score(100, 4, true, 5, List.of(), List.of(), List.of(), List.of(), List.of(), null, null);

        assertThat(stored.modulations()).isEmpty();
        assertThat(stored.voices()).isEmpty();
        assertThat(stored.keyAt(4)).isEqualTo(4);
    }
}
