package dev.cantata.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class KeyEstimatorTest {

    /** Two seconds a chord, each a triad of sines over a bass note an octave below its root, over MIDI {@code roots}. */
    static Pcm progression(int rate, int[][] chords) {
        double seconds = 2;
        float[] x = new float[(int) (rate * seconds * chords.length)];
        for (int c = 0; c < chords.length; c++) {
            int[] notes = chords[c];
            for (int n = 0; n <= notes.length; n++) {
                double midi = n == notes.length ? notes[0] - 12 : notes[n];
                double hz = 440 * Math.pow(2, (midi - 69) / 12);
                int from = (int) (c * seconds * rate);
                for (int i = 0; i < seconds * rate; i++) {
                    x[from + i] += (float) (0.15 * Math.sin(2 * Math.PI * hz * i / rate));
                }
            }
        }
        return new Pcm(x, rate);
    }

    @ParameterizedTest
    @CsvSource({
        "0, false, 60 64 67; 65 69 72; 67 71 74; 60 64 67", // C F G C
        "7, false, 67 71 74; 60 64 67; 62 66 69; 67 71 74", // G C D G
        "9, true, 57 60 64; 62 65 69; 64 68 71; 57 60 64", // Am Dm E Am
        "2, true, 62 65 69; 67 70 74; 69 73 76; 62 65 69" // Dm Gm A Dm
    })
    void aCadenceIsHeardInItsKey(int tonic, boolean minor, String chords) {
        String[] parts = chords.split(";");
        int[][] notes = new int[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            notes[i] = java.util.Arrays.stream(parts[i].strip().split(" "))
                    .mapToInt(Integer::parseInt)
                    .toArray();
        }

        KeyEstimator.Key key = KeyEstimator.estimate(progression(22_050, notes));

        assertThat(key).isEqualTo(new KeyEstimator.Key(tonic, minor));
    }
}
