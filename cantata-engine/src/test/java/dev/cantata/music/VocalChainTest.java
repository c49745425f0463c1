package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The vocal chain and the phrasing on signals whose answers are known: tones, bursts, impulses, notes of a score. */
final class VocalChainTest {
    static final int RATE = 44_100;

    static float[] tone(double hz, double seconds, double amplitude) {
        float[] x = new float[(int) (seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return x;
    }

    static double rmsDb(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) x[i] * x[i];
        }
        return 10 * Math.log10(sum / (to - from) + 1e-30);
    }

    /** The equaliser's gain on a steady tone, dB. */
    static double eqDb(double hz) {
        float[] in = tone(hz, 1.0, 0.1);
        float[] out = in.clone();
        VocalChain.equalize(out, RATE);
        return rmsDb(out, RATE / 2, RATE) - rmsDb(in, RATE / 2, RATE);
    }

    /** The whole strip's gain on a steady tone, dB, measured after the filters and compressors settle. */
    static double gainDb(double hz) {
        float[] in = tone(hz, 1.0, 0.1);
        float[] out = VocalChain.strip(in, RATE);
        return rmsDb(out, RATE / 2, RATE) - rmsDb(in, RATE / 2, RATE);
    }

    @Test
    void rumbleIsCutPresenceAndAirAreLiftedRelativeToTheVoice() {
        assertThat(gainDb(40) - gainDb(1000))
                .as("40 Hz against 1 kHz through the strip")
                .isLessThan(-10);
        double body = eqDb(1000);
        assertThat(eqDb(VocalChain.PRESENCE_HZ) - body).as("presence").isCloseTo(2.5, within(0.7));
        assertThat(eqDb(14_000) - body).as("air").isBetween(1.2, 2.6);
        assertThat(eqDb(VocalChain.BOX_HZ) - body).as("box").isCloseTo(-2.0, within(0.7));
    }

    @Test
    void theDeEsserTurnsDownSibilanceButLeavesVowelsAlone() {
        float[] hiss = tone(7000, 0.5, 0.2);
        float[] vowel = tone(500, 0.5, 0.2);
        float[] hissed = hiss.clone();
        float[] sung = vowel.clone();

        VocalChain.deEss(hissed, RATE);
        VocalChain.deEss(sung, RATE);

        assertThat(rmsDb(hissed, RATE / 10, hiss.length) - rmsDb(hiss, RATE / 10, hiss.length))
                .as("a bare \"s\"")
                .isLessThan(-5);
        assertThat(rmsDb(sung, RATE / 10, vowel.length) - rmsDb(vowel, RATE / 10, vowel.length))
                .as("a vowel")
                .isCloseTo(0, within(0.2));
    }

    @Test
    void loudPhrasesAreBroughtCloserToQuietOnes() {
        float[] x = new float[2 * RATE];
        float[] loud = tone(300, 1, 0.5);
        float[] quiet = tone(300, 1, 0.05);
        System.arraycopy(quiet, 0, x, 0, RATE);
        System.arraycopy(loud, 0, x, RATE, RATE);

        float[] out = VocalChain.strip(x, RATE);

        double before = rmsDb(x, RATE + RATE / 2, 2 * RATE) - rmsDb(x, RATE / 2, RATE);
        double after = rmsDb(out, RATE + RATE / 2, 2 * RATE) - rmsDb(out, RATE / 2, RATE);
        assertThat(before).isCloseTo(20, within(0.1));
        assertThat(after).as("20 dB of difference after the two compressors").isBetween(10.0, 17.0);
    }

    @Test
    void aPhraseStrippedAmidASongOfSilenceComesOutAsItDoesAloneAndTheSilenceStaysSilent() {
        float[] phrase = tone(300, 1, 0.4);
        for (int i = 0; i < phrase.length; i++) {
            phrase[i] *= (float) (0.3 + 0.7 * i / phrase.length); // a swell the compressors act on
        }
        // at 4.8 and 19.2 s: multiples of 1.6 s (70,560 frames), where the compressors' 32-frame blocks and the
        // level's 50 ms blocks fall on the phrase as they do on it alone
        int grid = 70_560;
        float[] song = new float[30 * RATE];
        System.arraycopy(phrase, 0, song, 3 * grid, phrase.length);
        System.arraycopy(phrase, 0, song, 12 * grid, phrase.length);

        float[] alone = VocalChain.strip(java.util.Arrays.copyOf(phrase, 2 * RATE), RATE); // its tail, as amid
        float[] amid = VocalChain.strip(song, RATE);

        for (int at : new int[] {3 * grid, 12 * grid}) {
            for (int i = 0; i < phrase.length; i++) {
                assertThat(amid[at + i]).isCloseTo(alone[i], within(1e-6f));
            }
        }
        assertThat(rmsDb(amid, 10 * RATE, 19 * RATE)).as("between the phrases").isLessThan(-250);
        assertThat(rmsDb(alone, RATE / 2, RATE) - rmsDb(phrase, RATE / 2, RATE))
                .as("the strip did compress the swell")
                .isLessThan(-1);
    }

    @Test
    void aStripStartedAfreshAfterItsSilenceSoundsAsOneRunOnThroughIt() {
        // two loud phrases 4.1 s apart, just past the silence the strip starts afresh after; under a copy a floor of
        // 1e-20, far below anything heard, makes the whole track one stretch, run through as the strip always was
        float[] phrase = tone(300, 1, 0.6);
        float[] fresh = new float[10 * RATE];
        System.arraycopy(phrase, 0, fresh, RATE, phrase.length);
        System.arraycopy(phrase, 0, fresh, (int) (6.1 * RATE), phrase.length);
        float[] through = fresh.clone();
        for (int i = 0; i < through.length; i++) {
            through[i] = through[i] == 0 ? 1e-20f : through[i];
        }

        float[] a = VocalChain.strip(fresh, RATE);
        float[] b = VocalChain.strip(through, RATE);

        double worst = 0;
        double peak = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
            peak = Math.max(peak, Math.abs(b[i]));
        }
        assertThat(20 * Math.log10(worst / peak))
                .as("largest difference against the peak, dB")
                .isLessThan(-130);
    }

    @Test
    void theDelayRepeatsOnTheBeatAlternatingSides() {
        float[] click = new float[3 * RATE];
        click[0] = 1;
        double tempo = 120; // a half-beat delay: 0.25 s
        float[] echo = VocalChain.delay(click, RATE, 60 / tempo * 0.5, 0.3);

        int first = loudestFrame(echo, 0, 0, RATE / 2);
        int second = loudestFrame(echo, 1, RATE / 3, RATE * 2 / 3);
        assertThat(first / (double) RATE).as("first echo, left").isCloseTo(0.25, within(0.002));
        assertThat(second / (double) RATE).as("second echo, right").isCloseTo(0.5, within(0.002));
        assertThat(Math.abs(echo[2 * first + 1]))
                .as("the first echo is on one side only")
                .isLessThan(1e-6f);
        assertThat(VocalChain.Delay.of(Genre.BALLAD).send())
                .isGreaterThan(VocalChain.Delay.of(Genre.PUNK).send());
    }

    static int loudestFrame(float[] stereo, int side, int from, int to) {
        int best = from;
        for (int i = from; i < to; i++) {
            if (Math.abs(stereo[2 * i + side]) > Math.abs(stereo[2 * best + side])) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void aLongNoteSwellsAndThePhrasesLastNoteTapers() {
        float[] vocal = tone(220, 4, 0.3);
        Score.Phrase phrase = new Score.Phrase(
                "hold on",
                Lyrics.Part.VERSE,
                List.of(new Score.Note(1.0, 2.0, 57, 0), new Score.Note(2.0, 3.0, 59, 1)),
                List.of());

        Phrasing.shape(vocal, RATE, List.of(phrase));

        double attack = rmsDb(vocal, (int) (1.0 * RATE), (int) (1.05 * RATE));
        double held = rmsDb(vocal, (int) (1.4 * RATE), (int) (1.5 * RATE));
        double lastMiddle = rmsDb(vocal, (int) (2.4 * RATE), (int) (2.5 * RATE));
        double lastEnd = rmsDb(vocal, (int) (2.9 * RATE), (int) (3.0 * RATE));
        assertThat(held - attack).as("swell").isBetween(1.5, 2.6);
        assertThat(lastMiddle - lastEnd)
                .as("taper over the last note's second half")
                .isBetween(4.0, 6.5);
        assertThat(rmsDb(vocal, (int) (0.2 * RATE), (int) (0.8 * RATE)))
                .as("before the phrase nothing changes")
                .isCloseTo(rmsDb(tone(220, 1, 0.3), 0, RATE), within(0.01));
    }

    @Test
    void aBreathIsHeardBeforeAPhraseAfterARestAndNotInsideOne() {
        float[] vocal = new float[5 * RATE];
        System.arraycopy(tone(220, 1, 0.3), 0, vocal, RATE, RATE);
        System.arraycopy(tone(220, 1, 0.3), 0, vocal, (int) (2.05 * RATE), RATE);
        System.arraycopy(tone(220, 1, 0.3), 0, vocal, 4 * RATE, RATE - 1);
        List<Score.Phrase> phrases = List.of(phrase(1.0, 2.0), phrase(2.05, 3.05), phrase(4.0, 5.0));

        Phrasing.breathe(vocal, RATE, phrases, 3);

        double singing = rmsDb(tone(220, 1, 0.3), 0, RATE);
        double breath = rmsDb(vocal, (int) (3.55 * RATE), (int) (3.8 * RATE));
        assertThat(breath - singing).as("breath before the third phrase").isBetween(-34.0, -20.0);
        assertThat(rmsDb(vocal, (int) (3.1 * RATE), (int) (3.4 * RATE)))
                .as("the rest before the breath stays silent")
                .isLessThan(-100);
        assertThat(rmsDb(vocal, (int) (0.5 * RATE), (int) (0.84 * RATE)) - singing)
                .as("and one before the first")
                .isGreaterThan(-34.0);
        float[] between = java.util.Arrays.copyOfRange(vocal, (int) (2.0 * RATE), (int) (2.05 * RATE));
        assertThat(rmsDb(between, 0, between.length))
                .as("no breath in a 50 ms gap")
                .isLessThan(-100);
    }

    static Score.Phrase phrase(double start, double end) {
        return new Score.Phrase("la", Lyrics.Part.VERSE, List.of(new Score.Note(start, end, 57, 0)), List.of());
    }
}
