package dev.cantata.audio;

/**
 * Band-limited sample-rate conversion by windowed-sinc interpolation (Blackman-Harris window, 24 zero crossings).
 * When lowering the rate the filter's cut-off moves down with it, so nothing above the new Nyquist frequency folds
 * back as aliasing. The kernel is tabulated once, 512 points per zero crossing with linear interpolation between
 * them, so the inner loop does no trigonometry (computing it per tap cost as much time as MaryTTS itself, measured).
 */
public final class Resampler {
    private static final int ZERO_CROSSINGS = 24;
    private static final double ROLL_OFF = 0.94;
    private static final int TABLE_RESOLUTION = 512;
    /** sinc(u)·window(u/ZERO_CROSSINGS) for u = i / TABLE_RESOLUTION, i = 0 … ZERO_CROSSINGS·TABLE_RESOLUTION + 1. */
    private static final double[] KERNEL = kernelTable();

    private static double[] kernelTable() {
        double[] table = new double[ZERO_CROSSINGS * TABLE_RESOLUTION + 2];
        for (int i = 0; i < table.length; i++) {
            double u = i / (double) TABLE_RESOLUTION;
            table[i] = sinc(u) * window(u / ZERO_CROSSINGS);
        }
        return table;
    }

    private Resampler() {}

    public static Pcm resample(Pcm in, int targetRate) {
        if (in.sampleRate() == targetRate) {
            return in;
        }
        return new Pcm(resample(in.samples(), in.sampleRate(), targetRate), targetRate);
    }

    public static float[] resample(float[] x, int fromRate, int toRate) {
        if (fromRate == toRate) {
            return x.clone();
        }
        double cutoff = Math.min(1.0, toRate / (double) fromRate) * ROLL_OFF; // relative to the input's Nyquist
        double halfWidth = ZERO_CROSSINGS / cutoff; // in input samples
        int outLength = (int) ((long) x.length * toRate / fromRate);
        int divisor = gcd(fromRate, toRate);
        if (toRate / divisor <= MAX_PHASES) {
            return polyphase(x, fromRate / divisor, toRate / divisor, cutoff, halfWidth, outLength);
        }
        float[] y = new float[outLength];
        double scale = cutoff * TABLE_RESOLUTION; // table index per input sample of distance
        for (int n = 0; n < outLength; n++) {
            double t = (double) n * fromRate / toRate;
            int first = Math.max(0, (int) Math.ceil(t - halfWidth));
            int last = Math.min(x.length - 1, (int) Math.floor(t + halfWidth));
            double sum = 0;
            for (int k = first; k <= last; k++) {
                sum += x[k] * kernel(Math.abs(t - k) * scale);
            }
            y[n] = (float) (sum * cutoff);
        }
        return y;
    }

    /**
     * The most output phases a rational ratio may have to be converted by {@link #polyphase}: 16 kHz to 44.1 kHz (the
     * singer's MaryTTS audio into a song) has 441; a ratio whose reduced output rate is larger (a voice's tract-scaled
     * rate) is converted tap by tap.
     */
    private static final int MAX_PHASES = 4096;

    /**
     * The same conversion for a ratio of {@code step} input samples to {@code phases} output samples: an output sample
     * falls at one of {@code phases} fractions of an input sample, so the kernel's taps are computed once per fraction
     * and each output sample is one dot product (the singer's resampling took 12 % of a song's CPU tap by tap).
     */
    private static float[] polyphase(float[] x, int step, int phases, double cutoff, double halfWidth, int outLength) {
        int reach = (int) Math.ceil(halfWidth); // taps from the input sample before t: −reach + 1 … reach
        int taps = 2 * reach;
        double scale = cutoff * TABLE_RESOLUTION;
        double[] bank = new double[phases * taps];
        for (int phase = 0; phase < phases; phase++) {
            double fraction = phase / (double) phases;
            for (int j = 0; j < taps; j++) {
                double distance = Math.abs(fraction - (j - reach + 1));
                bank[phase * taps + j] = distance < halfWidth ? kernel(distance * scale) * cutoff : 0;
            }
        }
        float[] y = new float[outLength];
        for (int n = 0; n < outLength; n++) {
            long position = (long) n * step;
            int base = (int) (position / phases);
            int row = (int) (position % phases) * taps;
            int from = base - reach + 1;
            int first = Math.max(0, -from);
            int last = Math.min(taps, x.length - from);
            double sum = 0;
            for (int j = first; j < last; j++) {
                sum += x[from + j] * bank[row + j];
            }
            y[n] = (float) sum;
        }
        return y;
    }

    /** The tabulated kernel at {@code position} table steps from its centre, linearly interpolated. */
    private static double kernel(double position) {
        int i = (int) position;
        double fraction = position - i;
        return KERNEL[i] + fraction * (KERNEL[i + 1] - KERNEL[i]);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static double sinc(double v) {
        if (Math.abs(v) < 1e-9) {
            return 1;
        }
        double p = Math.PI * v;
        return Math.sin(p) / p;
    }

    /** Blackman-Harris over [-1, 1]. */
    private static double window(double u) {
        if (u <= -1 || u >= 1) {
            return 0; // the table's last entries, one step past the edge, are zero too
        }
        double a = Math.PI * (u + 1); // 0..2π
        return 0.35875 - 0.48829 * Math.cos(a) + 0.14128 * Math.cos(2 * a) - 0.01168 * Math.cos(3 * a);
    }
}
