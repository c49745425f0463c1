package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The riser into a chorus, measured on the stem it is added to. */
final class RiserTest {
    private static final int RATE = 44_100;

    /** 96 bpm (2.5 s bars): a verse of eight bars, two choruses back to back, the stem playing only in them. */
    private static Score score() {
        return new Score(
                96,
                0,
                false,
                45,
                List.of(
                        new Score.Span(Lyrics.Part.VERSE, "Verse", 0, 20, 8),
                        new Score.Span(Lyrics.Part.CHORUS, "Chorus", 20, 30, 4),
                        new Score.Span(Lyrics.Part.CHORUS, "Chorus", 30, 45, 6)),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    private static float[] choruses() {
        float[] stem = new float[45 * RATE * 2];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 20 * RATE * 2; i < stem.length; i++) {
            stem[i] = (float) (0.2 * (random.nextDouble() * 2 - 1));
        }
        return stem;
    }

    @Test
    void aRiserClimbsInPitchAndLevelOverTheTwoBarsBeforeAChorusAndStopsOnItsDownbeat() {
        float[] stem = choruses();
        float[] before = stem.clone();

        Riser.add(stem, score(), Genre.POP, RATE);

        assertThat(rms(stem, 0, 15)).as("nothing before its two bars").isZero();
        double[] level = new double[4];
        double[] crossings = new double[4];
        for (int q = 0; q < 4; q++) {
            level[q] = rms(stem, 15 + q * 1.25, 15 + (q + 1) * 1.25);
            crossings[q] = crossingsPerSecond(stem, 15 + q * 1.25, 15 + (q + 1) * 1.25);
        }
        for (int q = 1; q < 4; q++) {
            assertThat(level[q]).as("louder each quarter").isGreaterThan(level[q - 1] * 1.5);
            assertThat(crossings[q]).as("higher each quarter").isGreaterThan(crossings[q - 1] * 1.5);
        }
        // a band-passed noise crosses zero about twice its centre frequency a second
        assertThat(crossings[0] / 2).isBetween(Riser.FROM_HZ, Riser.FROM_HZ * 4);
        assertThat(crossings[3] / 2).isBetween(Riser.TO_HZ / 4, Riser.TO_HZ);
        double chorus = rms(before, 20, 22.5);
        assertThat(20 * Math.log10(rms(stem, 19.95, 19.995) / chorus))
                .as("its end under the chorus's first bar")
                .isCloseTo(-Riser.UNDER_DB, within(1.5));
        for (int i = 20 * RATE * 2; i < stem.length; i++) {
            assertThat(stem[i]).as("the chorus untouched").isEqualTo(before[i]);
        }
    }

    @Test
    void aChorusAfterAChorusAndGenresThatPlayTheirBuildGetNone() {
        float[] stem = choruses();
        Riser.add(stem, score(), Genre.HOUSE, RATE);
        assertThat(rms(stem, 27.5, 30))
                .as("the second chorus's approach")
                .isCloseTo(rms(choruses(), 27.5, 30), within(1e-9));

        for (Genre band : List.of(Genre.ROCK, Genre.BALLAD, Genre.JAZZ, Genre.HIP_HOP)) {
            float[] played = choruses();
            Riser.add(played, score(), band, RATE);
            assertThat(played).as(band.name()).isEqualTo(choruses());
        }
    }

    private static double rms(float[] stereo, double from, double to) {
        double sum = 0;
        int a = (int) (from * RATE);
        int b = (int) (to * RATE);
        for (int i = a; i < b; i++) {
            sum += stereo[2 * i] * stereo[2 * i];
        }
        return Math.sqrt(sum / (b - a));
    }

    private static double crossingsPerSecond(float[] stereo, double from, double to) {
        int a = (int) (from * RATE);
        int b = (int) (to * RATE);
        int n = 0;
        for (int i = a + 1; i < b; i++) {
            if ((stereo[2 * i] >= 0) != (stereo[2 * i - 2] >= 0)) {
                n++;
            }
        }
        return n / (to - from);
    }
}
