package dev.cantata.testing;

import dev.cantata.audio.Pcm;
import dev.cantata.audio.PitchTracker;
import dev.cantata.audio.Signals;
import dev.cantata.audio.WavFile;

/** Reference recordings with known answers, and measurements of responses. */
public final class Voices {
    private Voices() {}

    /** A vowel-like voice at {@code hz} with a slight vibrato, as a WAV file. */
    public static byte[] vowelWav(double hz, double seconds) {
        return WavFile.bytes(Signals.vowel(hz, seconds, 22_050, 0.03));
    }

    public static double medianF0(float[] samples, int rate) {
        return PitchTracker.median(new PitchTracker(50, 500).track(new Pcm(samples, rate)));
    }
}
