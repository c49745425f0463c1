package dev.cantata.audio;

/**
 * Dynamics for buses and channels: a feed-forward compressor (interleaved stereo, or mono for a channel strip) and a
 * look-ahead peak limiter.
 */
public final class Dynamics {
    private Dynamics() {}

    /**
     * How often the compressor computes its gain, in frames from the first it is given; between, the gain is
     * interpolated (a pow per sample cost seconds per song). A part of a signal compressed alone from a multiple of
     * this, after silence, meets the same gains as within the whole: at any other start a fast attack's gain lands up
     * to a few percent apart on a transient.
     */
    public static final int CONTROL_FRAMES = 32;

    /**
     * Feed-forward compression with an RMS detector shared by both channels (so the image does not shift).
     *
     * @param thresholdDb where compression starts, dBFS
     * @param ratio input dB above the threshold per output dB
     */
    public static void compress(
            float[] stereo, int rate, double thresholdDb, double ratio, double attackMs, double releaseMs) {
        apply(stereo, compression(stereo, rate, thresholdDb, ratio, attackMs, releaseMs));
    }

    /**
     * The gain per frame {@link #compress} would apply to {@code stereo}, which is left unchanged: applied to each of
     * the parts of a sum, their sum is the compressed sum (what keeps a song's stems summing to its mix).
     */
    public static float[] compression(
            float[] stereo, int rate, double thresholdDb, double ratio, double attackMs, double releaseMs) {
        return gains(stereo, 2, rate, thresholdDb, ratio, attackMs, releaseMs);
    }

    /**
     * {@link #compress} on a mono signal: exactly what compressing it copied to both channels does (a frame's level
     * is the mean of its channels' squares, and a float square doubled and halved is the same square), at half the
     * work and without the copy.
     */
    public static void compressMono(
            float[] mono, int rate, double thresholdDb, double ratio, double attackMs, double releaseMs) {
        float[] gains = gains(mono, 1, rate, thresholdDb, ratio, attackMs, releaseMs);
        for (int i = 0; i < mono.length; i++) {
            mono[i] *= gains[i];
        }
    }

    private static float[] gains(
            float[] x, int channels, int rate, double thresholdDb, double ratio, double attackMs, double releaseMs) {
        double attack = Math.exp(-1 / (attackMs * 1e-3 * rate));
        double release = Math.exp(-1 / (releaseMs * 1e-3 * rate));
        double threshold = Math.pow(10, thresholdDb / 10); // as a mean square
        double exponent = (1 / ratio - 1) / 2; // gain = (level / threshold)^exponent above the threshold
        double envelope = 0;
        double gain = 1;
        double previousGain = 1;
        int block = CONTROL_FRAMES;
        float[] gains = new float[x.length / channels];
        for (int frame = 0; frame < gains.length; frame++) {
            int i = frame * channels;
            double level = channels == 1 ? x[i] * x[i] : 0.5 * (x[i] * x[i] + x[i + 1] * x[i + 1]);
            envelope = Subnormal.flush(
                    level > envelope
                            ? attack * envelope + (1 - attack) * level
                            : release * envelope + (1 - release) * level);
            if (frame % block == 0) {
                previousGain = gain;
                gain = envelope > threshold ? Math.pow(envelope / threshold, exponent) : 1;
            }
            gains[frame] = (float) (previousGain + (gain - previousGain) * (frame % block) / block);
        }
        return gains;
    }

    /** Multiplies both channels of each frame of {@code stereo} by that frame's {@code gains}. */
    public static void apply(float[] stereo, float[] gains) {
        for (int frame = 0; frame < gains.length; frame++) {
            stereo[2 * frame] *= gains[frame];
            stereo[2 * frame + 1] *= gains[frame];
        }
    }

    /**
     * Keeps every sample at or below {@code ceiling} (linear) with a 5 ms look-ahead, so gain falls before a peak
     * arrives, and a smooth release. Run it with a ceiling a little below the true-peak target; the caller measures
     * the true peak afterwards.
     */
    public static void limit(float[] stereo, int rate, double ceiling, double releaseMs) {
        int frames = stereo.length / 2;
        int lookahead = Math.max(1, (int) (0.005 * rate));
        double[] needed = new double[frames];
        for (int i = 0; i < frames; i++) {
            double peak = Math.max(Math.abs(stereo[2 * i]), Math.abs(stereo[2 * i + 1]));
            needed[i] = peak > ceiling ? ceiling / peak : 1;
        }
        // the gain at frame i must already be as low as any frame in the next look-ahead window needs: a sliding
        // minimum over a monotonic queue of frame indices, kept in an int array (a boxed deque cost most of the time)
        double[] target = new double[frames];
        int[] queue = new int[frames];
        int head = 0;
        int tail = 0; // the queue is queue[head..tail), needed[] increasing from head to tail
        for (int i = frames - 1; i >= 0; i--) {
            while (tail > head && needed[queue[tail - 1]] >= needed[i]) {
                tail--;
            }
            queue[tail++] = i;
            while (queue[head] > i + lookahead) {
                head++;
            }
            target[i] = needed[queue[head]];
        }
        double release = Math.exp(-1 / (releaseMs * 1e-3 * rate));
        double attack = Math.exp(-1 / (0.001 * rate));
        double gain = 1;
        double[] smoothed = new double[frames];
        for (int i = 0; i < frames; i++) {
            gain = target[i] < gain
                    ? attack * gain + (1 - attack) * target[i]
                    : release * gain + (1 - release) * target[i];
            smoothed[i] = Math.min(gain, target[i]);
        }
        for (int i = 0; i < frames; i++) {
            stereo[2 * i] *= (float) smoothed[i];
            stereo[2 * i + 1] *= (float) smoothed[i];
        }
    }
}
