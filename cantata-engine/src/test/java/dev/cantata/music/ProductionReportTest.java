package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cantata.speech.MaryEngine;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 95 s rock song (verse, chorus, verse, chorus) made by the real engine and measured as {@code cantata bench
 * production} measures it: the band plays off the grid by a few ms, strums, builds into its choruses, and the master
 * sits in a musical stereo and loudness range.
 */
final class ProductionReportTest {
    static final String LYRICS = """
      [Verse 1]
      Morning rain upon the window
      Coffee cooling in my hand
      Every street I used to walk with you
      Is a road I don't understand

      [Chorus]
      Hold on, hold on, the night is almost over
      Hold on, hold on, the light is coming through
      Every mile I drive I'm getting closer
      Every song I sing comes back to you

      [Verse 2]
      Pictures fading on the table
      Letters written never sent
      All the words that I was never able
      To tell you what I really meant

      [Chorus]
      Hold on, hold on, the night is almost over
      Hold on, hold on, the light is coming through
      Every mile I drive I'm getting closer
      Every song I sing comes back to you
      """;

    static ProductionReport.Report rock;

    @BeforeAll
    static void makeASong() throws Exception {
        InstrumentRenderer instruments = InstrumentRenderer.load(Optional.empty());
        assumeTrue(instruments.soundfont().startsWith("FluidR3"), "needs the FluidR3 soundfont");
        Song song = new SongEngine(MaryEngine.start(), instruments)
                .make(SongSpec.of(LYRICS, "rock", 95.0, 3), Progress.NONE);
        rock = ProductionReport.of(song, "rock", 3);
    }

    @Test
    void theDrummerPlaysAFewMillisecondsOffTheGridAndTheGuitarStrums() {
        assertThat(rock.roles().get("kick").timingSd()).isBetween(0.001, 0.005);
        assertThat(rock.roles().get("snare").velocitySd()).isGreaterThan(5);
        assertThat(rock.strumSpread()).isBetween(0.008, 0.030);
    }

    @Test
    void everyChorusIsOneAndAHalfToThreeAndAHalfDbLouderThanTheVerseBeforeIt() {
        assertThat(rock.chorusOverVerse())
                .hasSize(2)
                .allSatisfy(d -> assertThat(d).isBetween(1.5, 3.5));
    }

    @Test
    void theMasterIsNeitherMonoNorPhaseyAndKeepsARecordsLoudnessRange() {
        assertThat(rock.correlation()).isBetween(0.5, 0.95);
        assertThat(rock.loudnessRange()).isBetween(3.0, 10.0);
    }

    @Test
    void theDrumStemDoesNotClip() {
        assertThat(rock.stems().get(Stem.DRUMS).clipped()).isZero();
    }
}
