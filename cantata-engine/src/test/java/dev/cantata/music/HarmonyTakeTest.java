package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cantata.audio.Pcm;
import dev.cantata.audio.PitchTracker;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Voices made from a sung take: the take's pitch moved by each note's interval, its timing and length kept. */
final class HarmonyTakeTest {
    static final int RATE = 16_000;

    /**
     * A voiced vowel-like buzz at {@code hz} for {@code seconds}: ten harmonics falling 6 dB an octave, in cosine phase
     * so each period has one peak, as a glottal pulse gives it (in sine phase a band-limited sawtooth rings either side
     * of its jump, two peaks of one height that pitch marks cannot choose between).
     */
    static float[] buzz(double hz, double seconds) {
        float[] x = new float[(int) (seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            double v = 0;
            for (int h = 1; h <= 10; h++) {
                v += Math.cos(2 * Math.PI * hz * h * i / RATE) / h;
            }
            x[i] = (float) (0.3 * v);
        }
        return x;
    }

    static Score.Phrase phrase(String text, double[] starts, int... pitches) {
        List<Score.Note> notes = new java.util.ArrayList<>();
        for (int i = 0; i < pitches.length; i++) {
            double end = i + 1 < starts.length ? starts[i + 1] : starts[i] + 0.8;
            notes.add(new Score.Note(starts[i], end, pitches[i], i));
        }
        return new Score.Phrase(text, Lyrics.Part.CHORUS, notes, List.of());
    }

    static double medianHz(float[] x, double from, double to) {
        float[] part = Arrays.copyOfRange(x, (int) (from * RATE), (int) (to * RATE));
        return PitchTracker.median(new PitchTracker(80, 800).track(new Pcm(part, RATE)));
    }

    static double cents(double hz, double reference) {
        return 1200 * Math.log(hz / reference) / Math.log(2);
    }

    @Test
    void aHarmonyAMajorThirdUpIsTheTakeAMajorThirdUpAndAsLong() {
        // A3 (220 Hz) sung from 1.0 s, its take starting 0.1 s before the note
        Score.Phrase lead = phrase("ah", new double[] {1.0}, 57);
        Score.Phrase third = phrase("ah", new double[] {1.0}, 61);
        MarySinger.Sung take = new MarySinger.Sung(new Pcm(buzz(220, 1.0), RATE), 0.1);

        MarySinger.Sung made = new HarmonyTake().derive(take, lead, third);

        assertThat(made.audio().samples()).hasSize(take.audio().samples().length);
        assertThat(made.lead()).isCloseTo(0.1 - HarmonyTake.LAG, within(1e-12));
        assertThat(cents(medianHz(made.audio().samples(), 0.2, 0.8), 220 * Math.pow(2, 4 / 12.0)))
                .isCloseTo(0, within(15.0));
    }

    @Test
    void eachNoteGetsItsOwnIntervalAndTheVoiceTurnsBetweenThemAtTheBoundary() {
        // one held pitch under two notes: a fifth up over the first, a third down over the second
        Score.Phrase lead = phrase("la la", new double[] {0.0, 0.6}, 60, 60);
        Score.Phrase voice = phrase("la la", new double[] {0.0, 0.6}, 67, 57);
        MarySinger.Sung take = new MarySinger.Sung(new Pcm(buzz(261.63, 1.3), RATE), 0.0);

        float[] made = new HarmonyTake().derive(take, lead, voice).audio().samples();

        assertThat(cents(medianHz(made, 0.1, 0.5), 261.63 * Math.pow(2, 7 / 12.0)))
                .isCloseTo(0, within(15.0));
        assertThat(cents(medianHz(made, 0.75, 1.2), 261.63 * Math.pow(2, -3 / 12.0)))
                .isCloseTo(0, within(15.0));
        assertThat(HarmonyTake.interval(lead, voice, 0.6)).isCloseTo(2.0, within(1e-9)); // halfway from +7 to −3
        assertThat(HarmonyTake.interval(lead, voice, 0.6 - HarmonyTake.TURN)).isCloseTo(7.0, within(1e-9));
        assertThat(HarmonyTake.interval(lead, voice, 0.6 + HarmonyTake.TURN)).isCloseTo(-3.0, within(1e-9));
    }

    @Test
    void unvoicedNoiseStaysNoiseAsLoudAsItWasWithNoPitchLaidOnIt() {
        float[] noise = new float[RATE / 2];
        Random random = new Random(7);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (0.2 * random.nextGaussian());
        }
        Score.Phrase lead = phrase("sh", new double[] {0.0}, 60);
        Score.Phrase voice = phrase("sh", new double[] {0.0}, 65);

        float[] made = new HarmonyTake()
                .derive(new MarySinger.Sung(new Pcm(noise, RATE), 0), lead, voice)
                .audio()
                .samples();

        double in = 0;
        double out = 0;
        for (int i = RATE / 20; i < noise.length - RATE / 20; i++) {
            in += noise[i] * noise[i];
            out += made[i] * made[i];
        }
        assertThat(out / in).isBetween(0.5, 1.5);
        // grains of noise laid at a fixed period would buzz at it: a pitch tracker would hear one
        assertThat(PitchTracker.voicedShare(new PitchTracker(80, 800).track(new Pcm(made, RATE))))
                .isLessThan(0.1);
    }

    @Test
    void onlyTheSameWordsOnTheSameRhythmWithinASixthAreMadeFromATake() {
        double[] rhythm = {0.0, 0.5};
        Score.Phrase lead = phrase("la la", rhythm, 60, 62);

        assertThat(HarmonyTake.derivable(lead, phrase("la la", rhythm, 64, 65))).isTrue();
        assertThat(HarmonyTake.derivable(lead, phrase("la la", rhythm, 51, 53))).isTrue();
        assertThat(HarmonyTake.derivable(lead, phrase("da da", rhythm, 64, 65))).isFalse();
        assertThat(HarmonyTake.derivable(lead, phrase("la la", new double[] {0.0, 0.4}, 64, 65)))
                .isFalse();
        assertThat(HarmonyTake.derivable(lead, phrase("la la", rhythm, 72, 74))).isFalse(); // an octave: sung
        assertThat(HarmonyTake.derivable(lead, phrase("la", new double[] {0.0}, 64)))
                .isFalse();
    }
}
