package dev.cantata.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a track sounds: the stretches around its non-zero samples. A voice around the lead sings in the choruses only,
 * yet its track is as long as the song; a chain run stretch by stretch, each from a fresh state, skips the silence
 * between and gives what one run over the whole track gives, once every filter and envelope has died away in the gap.
 */
public final class Sounding {
    private Sounding() {}

    /** Frames {@code from} (inclusive) to {@code to} (exclusive) of a track. */
    public record Span(int from, int to) {
        public Span {
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("a span runs forwards from 0: " + from + " to " + to);
            }
        }
    }

    /**
     * The spans of {@code x} that hold every non-zero sample, each starting on a multiple of {@code grid} at or before
     * its first (where a chain that works in blocks, as {@link Dynamics}'s compressor does, then meets the same blocks
     * as over the whole track), running on {@code tail} samples past its last one (where a chain's ringing and release
     * still sound) and joined to the next where less than {@code bridge} samples of silence lie between (too short for
     * a chain's state to die away; at least {@code tail + grid}, so spans never touch); none past the end of {@code
     * x}. Empty for silence.
     */
    public static List<Span> spans(float[] x, int grid, int tail, int bridge) {
        if (grid < 1 || tail < 0 || bridge < tail + grid) {
            throw new IllegalArgumentException(
                    "spans need a grid of at least 1 and a bridge of at least the tail and a grid step, so they never"
                            + " touch: grid "
                            + grid
                            + ", tail "
                            + tail
                            + ", bridge "
                            + bridge);
        }
        List<Span> spans = new ArrayList<>();
        int from = -1;
        int last = -1;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == 0) {
                continue;
            }
            if (from < 0) {
                from = i;
            } else if (i - last - 1 >= bridge) {
                spans.add(new Span(from - from % grid, Math.min(x.length, last + 1 + tail)));
                from = i;
            }
            last = i;
        }
        if (from >= 0) {
            spans.add(new Span(from - from % grid, Math.min(x.length, last + 1 + tail)));
        }
        return spans;
    }
}
