package dev.cantata.audio;

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
     * roomSize} and {@code damping} from 0 to 1. The room runs only where {@code mono} sounds ({@link Sounding}), on
     * until it has rung down 140 dB after each sound, and starts afresh at the next: a long silence costs
     * nothing (a backing voice's track is silent outside its choruses), and the wet of it is silent.
     */
    public static float[] wet(float[] mono, int rate, double roomSize, double damping) {
        if (!(roomSize >= 0 && roomSize <= 1 && damping >= 0 && damping <= 1)) {
            // over 1 the combs' feedback reaches 1 and the room never dies away
            throw new IllegalArgumentException(
                    "a room's size and damping run from 0 to 1: size " + roomSize + ", damping " + damping);
        }
        double feedback = 0.7 + 0.28 * roomSize;
        float[] out = new float[mono.length * 2];
        for (int side = 0; side < 2; side++) {
            int quiet = Room.quiet(side, rate, feedback);
            for (Sounding.Span span : Sounding.spans(mono, 1, quiet, quiet + 1)) {
                Room room = new Room(side, rate, feedback, damping);
                for (int i = span.from(); i < span.to(); i++) {
                    out[2 * i + side] = (float) room.next(mono[i]);
                }
            }
        }
        return out;
    }

    /** One side's room: its damped combs and all-passes, silent when made. */
    private static final class Room {
        private final double[][] combs = new double[COMBS.length][];
        private final int[] combAt = new int[COMBS.length];
        private final double[] filter = new double[COMBS.length];
        private final double[][] allpasses = new double[ALLPASSES.length][];
        private final int[] allAt = new int[ALLPASSES.length];
        private final double feedback;
        private final double damping;

        Room(int side, int rate, double feedback, double damping) {
            for (int c = 0; c < COMBS.length; c++) {
                combs[c] = new double[length(COMBS[c], side, rate)];
            }
            for (int a = 0; a < ALLPASSES.length; a++) {
                allpasses[a] = new double[length(ALLPASSES[a], side, rate)];
            }
            this.feedback = feedback;
            this.damping = damping;
        }

        private static int length(int tuning, int side, int rate) {
            return (int) ((tuning + side * SPREAD) * (rate / 44_100.0));
        }

        /**
         * How many samples of silence the room takes to ring down {@link #QUIET_DB}: the slowest comb falling that
         * far (a comb loses its feedback gain per round trip, or more where damped), then the all-passes emptying.
         */
        static int quiet(int side, int rate, double feedback) {
            int longest = 0;
            for (int tuning : COMBS) {
                longest = Math.max(longest, length(tuning, side, rate));
            }
            int diffusion = 0;
            for (int tuning : ALLPASSES) {
                diffusion += length(tuning, side, rate);
            }
            return (int) Math.ceil(QUIET_DB / (-20 * Math.log10(feedback))) * longest + diffusion;
        }

        /** The room's sound as {@code sample} comes in. */
        double next(float sample) {
            double input = sample * 0.015;
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
            return sum;
        }
    }
}
