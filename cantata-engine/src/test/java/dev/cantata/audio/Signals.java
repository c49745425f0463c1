package dev.cantata.audio;

/** Synthetic test signals with known answers. */
public final class Signals {
    private Signals() {}

    public static Pcm sine(double hz, double seconds, int rate, double amplitude) {
        float[] x = new float[(int) Math.round(seconds * rate)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return new Pcm(x, rate);
    }

    /**
     * A vowel-like voice: a glottal pulse train at {@code hz} through two resonances (about 700 and 1200 Hz), with a
     * slow 5 % vibrato so it is not a perfectly periodic test tone.
     */
    public static Pcm vowel(double hz, double seconds, int rate) {
        return vowel(hz, seconds, rate, 0.05);
    }

    /** The same vowel with a chosen vibrato depth (0 for a steady pitch). */
    public static Pcm vowel(double hz, double seconds, int rate, double vibrato) {
        int n = (int) Math.round(seconds * rate);
        float[] x = new float[n];
        double phase = 0;
        double[] y1 = new double[3];
        double[] y2 = new double[3];
        for (int i = 0; i < n; i++) {
            double f = hz * (1 + vibrato * Math.sin(2 * Math.PI * 4 * i / rate));
            phase += f / rate;
            double pulse = 0;
            if (phase >= 1) {
                phase -= 1;
                pulse = 1;
            }
            double a = resonate(pulse, y1, 700, 90, rate);
            double b = resonate(a, y2, 1200, 110, rate);
            x[i] = (float) b;
        }
        float peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        for (int i = 0; i < n; i++) {
            x[i] = x[i] / peak * 0.5f;
        }
        return new Pcm(x, rate);
    }

    private static double resonate(double in, double[] y, double hz, double bandwidth, int rate) {
        double r = Math.exp(-Math.PI * bandwidth / rate);
        double c = 2 * r * Math.cos(2 * Math.PI * hz / rate);
        double out = in + c * y[0] - r * r * y[1];
        y[1] = y[0];
        y[0] = out;
        return out;
    }

    /** The dominant frequency by YIN's median. */
    public static double pitch(Pcm pcm) {
        return PitchTracker.median(new PitchTracker(50, 2000).track(pcm));
    }

    /** An hour of digital silence as FLAC: a few kilobytes that decode to 1.27 GB of 44.1 kHz stereo floats. */
    public static byte[] anHourOfSilenceFlac() throws Exception {
        Process p = new ProcessBuilder(
                        "ffmpeg",
                        "-v",
                        "error",
                        "-f",
                        "lavfi",
                        "-i",
                        "anullsrc=r=8000:cl=mono",
                        "-t",
                        "3600",
                        "-c:a",
                        "flac",
                        "-f",
                        "flac",
                        "pipe:1")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] flac = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg could not make the silence");
        }
        return flac;
    }
}
