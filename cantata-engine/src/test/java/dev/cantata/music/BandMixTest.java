package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

final class BandMixTest {
    private static final int RATE = 44_100;

    @Test
    void theKickDucksByTheDepthAndTheGainComesBackWithItsTimeConstant() {
        List<Arranger.Event> kit = List.of(new Arranger.Event(1.0, 0.1, 9, 0, Arranger.KICK, 100));

        float[] gain = BandMix.sidechain(kit, 3 * RATE, RATE, 0.5, 0.2);

        assertThat(gain[RATE]).isCloseTo(0.5f, within(1e-6f));
        assertThat(gain[RATE + (int) (0.2 * RATE)]).isCloseTo((float) (1 - 0.5 / Math.E), within(1e-3f));
        assertThat(gain[RATE / 2]).isEqualTo(1f);
        assertThat(gain[2 * RATE + RATE / 2]).isEqualTo(1f);
    }

    @Test
    void theVerseRidesUnderTheChorusAndAPreChorusRisesIntoIt() {
        Score score = ComposerTest.compose("pop", 1, 95.0);
        float[] gain = BandMix.rides(score, (int) (score.length() * RATE), RATE, Genre.POP);

        for (Score.Span s : score.sections()) {
            float middle = gain[(int) ((s.start() + s.end()) / 2 * RATE)];
            double expected = BandMix.ride(s.part(), Genre.POP);
            if (s.part() != Lyrics.Part.PRE_CHORUS && s.part() != Lyrics.Part.CHORUS) {
                assertThat(20 * Math.log10(middle)).as(s.label()).isCloseTo(expected, within(0.01));
            }
        }
        assertThat(BandMix.ride(Lyrics.Part.CHORUS, Genre.POP) - BandMix.ride(Lyrics.Part.VERSE, Genre.POP))
                .isBetween(1.5, 5.0);
    }

    @Test
    void anIntroOrOutroIsNeverRiddenOverTheVerseOfItsGenre() {
        for (Genre genre : Genre.values()) {
            double verse = BandMix.ride(Lyrics.Part.VERSE, genre);

            assertThat(BandMix.ride(Lyrics.Part.INTRO, genre)).as(genre.name()).isLessThanOrEqualTo(verse);
            assertThat(BandMix.ride(Lyrics.Part.OUTRO, genre)).as(genre.name()).isLessThanOrEqualTo(verse);
        }
    }

    @Test
    void jazzBalladsOrchestralAndAmbientSongsOpenAndCloseSofterThanTheirVerseWhileAPopIntroKeepsTheUsualRide() {
        for (Genre genre : new Genre[] {Genre.JAZZ, Genre.BALLAD, Genre.CLASSICAL, Genre.AMBIENT}) {
            double verse = BandMix.ride(Lyrics.Part.VERSE, genre);

            assertThat(BandMix.ride(Lyrics.Part.INTRO, genre)).as(genre.name()).isLessThanOrEqualTo(verse - 3);
            assertThat(BandMix.ride(Lyrics.Part.OUTRO, genre)).as(genre.name()).isLessThanOrEqualTo(verse - 3);
        }
        assertThat(BandMix.ride(Lyrics.Part.INTRO, Genre.POP)).isEqualTo(-4.0);
    }

    @Test
    void saturationAddsTheOddHarmonicsOfAnAmpAndKeepsTheLevel() {
        float[] sine = new float[2 * RATE];
        for (int i = 0; i < RATE; i++) {
            sine[2 * i] = sine[2 * i + 1] = (float) (0.5 * Math.sin(2 * Math.PI * 220 * i / RATE));
        }
        float[] driven = sine.clone();
        BandMix.saturate(driven, 3.0);

        double fundamental = amplitude(driven, 220);
        double third = amplitude(driven, 660);
        double second = amplitude(driven, 440);
        // tanh is odd: a third harmonic (about (0.53)²/12 of the fundamental at this drive, −33 dB), no second
        assertThat(20 * Math.log10(third / fundamental)).isBetween(-40.0, -26.0);
        assertThat(20 * Math.log10(second / fundamental + 1e-12)).isLessThan(-80.0);
        assertThat(20 * Math.log10(rms(driven) / rms(sine))).isCloseTo(0, within(1.5));
    }

    @Test
    void theDrumClipperNeverPassesItsCeilingAndLeavesTheBodyUntouched() {
        float[] hits = new float[2 * RATE];
        for (int i = 0; i < hits.length; i++) {
            hits[i] = (float) (0.05 * Math.sin(i * 0.01)); // the body of the kit
        }
        for (int k = 0; k < 10; k++) {
            hits[k * 8000] = 0.9f; // transients far above it
        }
        double ceiling = rms(hits) * Math.pow(10, 11 / 20.0);
        float[] clipped = hits.clone();

        BandMix.clip(clipped, 11);

        for (int i = 0; i < hits.length; i++) {
            assertThat(Math.abs(clipped[i])).isLessThanOrEqualTo((float) ceiling + 1e-6f);
            if (Math.abs(hits[i]) < 0.7 * ceiling) {
                assertThat(clipped[i]).isEqualTo(hits[i]);
            }
        }
        assertThat(clipped[8000]).isGreaterThan((float) (0.9 * ceiling));
    }

    /** The amplitude of {@code hz} in the left channel (a whole number of cycles in one second). */
    private static double amplitude(float[] stereo, double hz) {
        double re = 0;
        double im = 0;
        int frames = stereo.length / 2;
        for (int i = 0; i < frames; i++) {
            re += stereo[2 * i] * Math.cos(2 * Math.PI * hz * i / RATE);
            im += stereo[2 * i] * Math.sin(2 * Math.PI * hz * i / RATE);
        }
        return 2 * Math.hypot(re, im) / frames;
    }

    private static double rms(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v * v;
        }
        return Math.sqrt(s / x.length);
    }

    @Test
    void doubledGuitarsArePannedToOppositeSidesAndTheBassIsDryInTheCentre() {
        var mix = BandMix.channels(Genre.ROCK);

        assertThat(mix.get(2).pan()).isLessThan(64);
        assertThat(mix.get(Arranger.DOUBLE_CHANNEL).pan()).isGreaterThan(64);
        assertThat(mix.get(1).pan()).isEqualTo(64);
        assertThat(mix.get(1).reverb()).isZero();
    }
}
