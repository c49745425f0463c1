package dev.cantata.audio;

/**
 * Mono audio as floats in [-1, 1] at a sample rate. The array is owned by the record: callers must not change it
 * after construction (copy with {@link #samples()}{@code .clone()} to edit).
 */
public record Pcm(float[] samples, int sampleRate) {
    public Pcm {
        if (sampleRate < 1000 || sampleRate > 384_000) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is outside 1 kHz–384 kHz");
        }
    }

    public static Pcm silence(double seconds, int sampleRate) {
        return new Pcm(new float[(int) Math.round(seconds * sampleRate)], sampleRate);
    }

    public double seconds() {
        return samples.length / (double) sampleRate;
    }

    public int length() {
        return samples.length;
    }

    /** Root-mean-square level of the whole signal. */
    public double rms() {
        double sum = 0;
        for (float s : samples) {
            sum += s * s;
        }
        return samples.length == 0 ? 0 : Math.sqrt(sum / samples.length);
    }

    /** RMS level of consecutive frames of {@code hop} samples (a trailing partial frame is left out). */
    public double[] frameRms(int hop) {
        double[] rms = new double[samples.length / hop];
        for (int i = 0; i < rms.length; i++) {
            double sum = 0;
            for (int j = i * hop; j < (i + 1) * hop; j++) {
                sum += samples[j] * samples[j];
            }
            rms[i] = Math.sqrt(sum / hop);
        }
        return rms;
    }

    public double peak() {
        double peak = 0;
        for (float s : samples) {
            peak = Math.max(peak, Math.abs(s));
        }
        return peak;
    }

    /** The pieces one after another, all at {@code sampleRate} (none gives empty audio at that rate). */
    public static Pcm concat(java.util.List<Pcm> pieces, int sampleRate) {
        int length = 0;
        for (Pcm piece : pieces) {
            if (piece.sampleRate != sampleRate) {
                throw new IllegalArgumentException(
                        "cannot join " + piece.sampleRate + " Hz audio to " + sampleRate + " Hz audio");
            }
            length += piece.samples.length;
        }
        float[] joined = new float[length];
        int at = 0;
        for (Pcm piece : pieces) {
            System.arraycopy(piece.samples, 0, joined, at, piece.samples.length);
            at += piece.samples.length;
        }
        return new Pcm(joined, sampleRate);
    }

    /** The part from {@code startSecond} to {@code endSecond}, clamped to the signal. */
    public Pcm slice(double startSecond, double endSecond) {
        int from = (int) Math.max(0, Math.min(samples.length, Math.round(startSecond * sampleRate)));
        int to = (int) Math.max(from, Math.min(samples.length, Math.round(endSecond * sampleRate)));
        return new Pcm(java.util.Arrays.copyOfRange(samples, from, to), sampleRate);
    }
}
