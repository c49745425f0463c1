package dev.cantata.audio;

/** Pearson's correlation of two profiles (chroma, spectral envelopes): how alike their shapes are, whatever their scale. */
public final class Correlation {
    private Correlation() {}

    /**
     * Pearson's r of {@code a} and {@code b} (of one length), −1 to 1; 0 when either is flat (a tiny term under the root
     * keeps a constant profile from dividing by zero).
     */
    public static double pearson(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double num = 0;
        double da = 0;
        double db = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - ma) * (b[i] - mb);
            da += (a[i] - ma) * (a[i] - ma);
            db += (b[i] - mb) * (b[i] - mb);
        }
        return num / Math.sqrt(da * db + 1e-12);
    }
}
