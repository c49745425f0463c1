package dev.cantata.audio;

/** A second-order IIR section (Direct Form I), designed with the RBJ cookbook formulas or given coefficients. */
public final class Biquad {
    private final double b0;
    private final double b1;
    private final double b2;
    private final double a1;
    private final double a2;
    private double x1;
    private double x2;
    private double y1;
    private double y2;

    /** Coefficients normalised so that a0 = 1. */
    public Biquad(double b0, double b1, double b2, double a1, double a2) {
        this.b0 = b0;
        this.b1 = b1;
        this.b2 = b2;
        this.a1 = a1;
        this.a2 = a2;
    }

    private static Biquad normalised(double b0, double b1, double b2, double a0, double a1, double a2) {
        return new Biquad(b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);
    }

    public static Biquad highPass(double hz, double q, int rate) {
        double w = 2 * Math.PI * hz / rate;
        double alpha = Math.sin(w) / (2 * q);
        double c = Math.cos(w);
        return normalised((1 + c) / 2, -(1 + c), (1 + c) / 2, 1 + alpha, -2 * c, 1 - alpha);
    }

    public static Biquad lowPass(double hz, double q, int rate) {
        double w = 2 * Math.PI * hz / rate;
        double alpha = Math.sin(w) / (2 * q);
        double c = Math.cos(w);
        return normalised((1 - c) / 2, 1 - c, (1 - c) / 2, 1 + alpha, -2 * c, 1 - alpha);
    }

    public static Biquad highShelf(double hz, double q, double gainDb, int rate) {
        double a = Math.pow(10, gainDb / 40);
        double w = 2 * Math.PI * hz / rate;
        double alpha = Math.sin(w) / (2 * q);
        double c = Math.cos(w);
        double s = 2 * Math.sqrt(a) * alpha;
        return normalised(
                a * ((a + 1) + (a - 1) * c + s),
                -2 * a * ((a - 1) + (a + 1) * c),
                a * ((a + 1) + (a - 1) * c - s),
                (a + 1) - (a - 1) * c + s,
                2 * ((a - 1) - (a + 1) * c),
                (a + 1) - (a - 1) * c - s);
    }

    public static Biquad peaking(double hz, double q, double gainDb, int rate) {
        double a = Math.pow(10, gainDb / 40);
        double w = 2 * Math.PI * hz / rate;
        double alpha = Math.sin(w) / (2 * q);
        double c = Math.cos(w);
        return normalised(1 + alpha * a, -2 * c, 1 - alpha * a, 1 + alpha / a, -2 * c, 1 - alpha / a);
    }

    public double process(double x) {
        // the output feeds back: flushed, silence after sound stays fast (see Subnormal)
        double y = Subnormal.flush(b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2);
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        return y;
    }

    /** Filters one channel of an interleaved buffer in place. */
    public void processInterleaved(float[] buffer, int channel, int channels) {
        for (int i = channel; i < buffer.length; i += channels) {
            buffer[i] = (float) process(buffer[i]);
        }
    }
}
