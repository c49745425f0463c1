package dev.cantata.audio;

import java.util.Arrays;

/**
 * A small stereo room (Schroeder-Moorer: eight damped combs and four all-passes per side, the right side's delays
 * spread so the two sides decorrelate). Mono in, stereo wet out.
 */
public final class Reverb {
    private static final int[] COMBS = {1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617};
    private static final int[] ALLPASSES = {556, 441, 341, 225};
    private static final int SPREAD = 23;

    /**
     * How far the room's ringing falls before a silence is taken as silence, dB: a full-scale voice's tail is then
     * under 10⁻⁷, below a 24-bit sample's last bit and far under anything a mix can make heard.
     */
    private static final double QUIET_DB = 140;

    private Reverb() {}

    /**
     * The wet signal of {@code mono} (44.1 kHz tunings, scaled for other rates) as interleaved stereo, for a {@code
     * roomSize} and {@code damping} from 0 to 1. A long silence in {@code mono} costs nothing once the room has rung down
     * 140 dB in it: the wet is silent from
     * there until the next sound, where the room starts afresh (a backing voice's track is silent outside its
     * choruses).
     */
    public static float[] wet(float[] mono, int rate, double roomSize, double damping) {
        if (!(roomSize >= 0 && roomSize <= 1 && damping >= 0 && damping <= 1)) {
            // over 1 the combs' feedback reaches 1 and the room never dies away
            throw new IllegalArgumentException(
                    "a room's size and damping run from 0 to 1: size " + roomSize + ", damping " + damping);
        }
        float[] out = new float[mono.length * 2];
        for (int side = 0; side < 2; side++) {
            double scale = rate / 44_100.0;
            double[][] combs = new double[COMBS.length][];
            int[] combAt = new int[COMBS.length];
            double[] filter = new double[COMBS.length];
            for (int c = 0; c < COMBS.length; c++) {
                combs[c] = new double[(int) ((COMBS[c] + side * SPREAD) * scale)];
            }
            double[][] allpasses = new double[ALLPASSES.length][];
            int[] allAt = new int[ALLPASSES.length];
            for (int a = 0; a < ALLPASSES.length; a++) {
                allpasses[a] = new double[(int) ((ALLPASSES[a] + side * SPREAD) * scale)];
            }
            double feedback = 0.7 + 0.28 * roomSize;
            int longest = 0;
            int diffusion = 0;
            for (double[] comb : combs) {
                longest = Math.max(longest, comb.length);
            }
            for (double[] allpass : allpasses) {
                diffusion += allpass.length;
            }
            // silence for as long as the slowest comb takes to fall QUIET_DB (a comb loses its feedback gain per
            // round trip, or more where damped), then the all-passes to empty: the room has gone quiet
            int quiet = (int) Math.ceil(QUIET_DB / (-20 * Math.log10(feedback))) * longest + diffusion;
            int lastSound = Integer.MIN_VALUE / 2;
            for (int i = 0; i < mono.length; i++) {
                if (mono[i] != 0) {
                    lastSound = i;
                } else if (i - lastSound > quiet) {
                    // nothing left ringing: start the room afresh at the next sound, the wet silent until then
                    int next = i;
                    while (next < mono.length && mono[next] == 0) {
                        next++;
                    }
                    for (double[] comb : combs) {
                        Arrays.fill(comb, 0);
                    }
                    for (double[] allpass : allpasses) {
                        Arrays.fill(allpass, 0);
                    }
                    Arrays.fill(filter, 0);
                    i = next - 1;
                    continue;
                }
                double input = mono[i] * 0.015;
                double sum = 0;
                for (int c = 0; c < combs.length; c++) {
                    double y = combs[c][combAt[c]];
                    filter[c] = Subnormal.flush(y * (1 - damping) + filter[c] * damping);
                    combs[c][combAt[c]] = input + filter[c] * feedback;
                    combAt[c] = (combAt[c] + 1) % combs[c].length;
                    sum += y;
                }
                for (int a = 0; a < allpasses.length; a++) {
                    double buffered = allpasses[a][allAt[a]];
                    double y = -sum + buffered;
                    allpasses[a][allAt[a]] = Subnormal.flush(sum + buffered * 0.5);
                    allAt[a] = (allAt[a] + 1) % allpasses[a].length;
                    sum = y;
                }
                out[2 * i + side] = (float) sum;
            }
        }
        return out;
    }
}
