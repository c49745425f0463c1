package dev.cantata.audio;

/**
 * What a stem carries that it should not, measured as issue #15 measured it: its DC, the share of its energy under
 * 20 Hz, its peak, and how many samples reach full scale (those a fixed-point file at unity gain would clip). For
 * benchmarks and reports; {@code tools/stem_check.py} measures the same on files.
 *
 * @param dc the mean of both channels' samples
 * @param sub20Db energy under 20 Hz against the whole, dB: of the channels' mean over its first 2^k frames, Hann-windowed
 *     (a plain DFT's leakage from a 50 Hz bass would read as sub-20 Hz energy), as a one-sided power spectrum
 * @param peakDbfs the largest sample, dBFS (above 0 when the stem is float and passes full scale)
 * @param atFullScale samples whose magnitude is 1 or more
 */
public record StemCheck(double dc, double sub20Db, double peakDbfs, long atFullScale) {
    /** Measures interleaved stereo at {@code rate}. */
    public static StemCheck of(float[] stereo, int rate) {
        double sum = 0;
        double peak = 0;
        long full = 0;
        for (float x : stereo) {
            sum += x;
            double a = Math.abs(x);
            peak = Math.max(peak, a);
            full += a >= 1 ? 1 : 0;
        }
        int n = Integer.highestOneBit(Math.max(1, stereo.length / 2));
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n && 2 * i + 1 < stereo.length; i++) {
            double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
            re[i] = hann * 0.5 * (stereo[2 * i] + stereo[2 * i + 1]);
        }
        Fft.transform(re, im);
        double below = 0;
        double total = 0;
        for (int k = 0; k <= n / 2; k++) {
            // one-sided: every bin but DC and Nyquist stands for itself and its negative twin
            double p = (k == 0 || k == n / 2 ? 1 : 2) * (re[k] * re[k] + im[k] * im[k]);
            total += p;
            below += k * (double) rate / n < 20 ? p : 0;
        }
        return new StemCheck(
                stereo.length == 0 ? 0 : sum / stereo.length,
                total > 0 ? 10 * Math.log10(Math.max(below, 1e-300) / total) : Double.NEGATIVE_INFINITY,
                20 * Math.log10(Math.max(peak, 1e-12)),
                full);
    }
}
