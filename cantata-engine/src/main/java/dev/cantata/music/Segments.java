package dev.cantata.music;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DiffRhythm's {@code edit_segments}: {@code [[start,end],…]} in seconds, {@code -1} meaning the song's start (as a
 * start) or its end (as an end). Parsing validates everything and says what is wrong: the syntax, a segment that ends
 * before it starts, one outside the song, segments out of order or overlapping.
 */
public final class Segments {
    /** More segments than this is not an edit but a new song. */
    public static final int MAX = 32;
    /** A regenerated segment shorter than this has no room for its crossfades. */
    public static final double MIN_SECONDS = 0.5;
    /** {@link #MAX} pairs of long decimal numbers with room for spaces: longer text is refused before it is read. */
    static final int MAX_CHARACTERS = 4096;

    private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?)";
    private static final Pattern PAIR = Pattern.compile("\\s*\\[\\s*" + NUMBER + "\\s*,\\s*" + NUMBER + "\\s*\\]\\s*");

    private Segments() {}

    /** A span of the song to regenerate, in seconds. */
    public record Segment(double start, double end) {}

    /**
     * Reads {@code text} for a song {@code length} seconds long.
     *
     * @throws IllegalArgumentException saying which segment is wrong and why
     */
    public static List<Segment> parse(String text, double length) {
        if (text.length() > MAX_CHARACTERS) {
            throw new IllegalArgumentException("edit_segments is " + text.length() + " characters long; " + MAX
                    + " segments need at most " + MAX_CHARACTERS);
        }
        String t = text.strip();
        if (!t.startsWith("[") || !t.endsWith("]")) {
            throw new IllegalArgumentException(
                    "edit_segments must be a list of [start, end] pairs in seconds, like [[-1,25],[50.0,-1]]");
        }
        String body = t.substring(1, t.length() - 1).strip();
        List<Segment> segments = new ArrayList<>();
        if (body.isEmpty()) {
            throw new IllegalArgumentException("edit_segments is empty: name at least one [start, end] segment");
        }
        int at = 0;
        while (at < body.length()) {
            Matcher m = PAIR.matcher(body);
            m.region(at, body.length());
            if (!m.lookingAt()) {
                throw new IllegalArgumentException("edit_segments segment " + (segments.size() + 1)
                        + " is not a [start, end] pair of numbers (near \"" + abbreviate(body.substring(at)) + "\")");
            }
            int n = segments.size() + 1;
            double start = Double.parseDouble(m.group(1));
            double end = Double.parseDouble(m.group(2));
            if ((start < 0 && start != -1) || (end < 0 && end != -1)) {
                throw new IllegalArgumentException("edit_segments segment " + n
                        + ": times are seconds ≥ 0, or -1 for the " + "song's start or end");
            }
            start = start == -1 ? 0 : start;
            end = end == -1 ? length : end;
            if (end <= start) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "edit_segments segment %d ends (%.2f s) before it starts (%.2f s)",
                        n,
                        end,
                        start));
            }
            if (end > length + 1e-6) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "edit_segments segment %d ends at %.2f s, after the song's end (%.2f s)",
                        n,
                        end,
                        length));
            }
            if (end - start < MIN_SECONDS) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "edit_segments segment %d is %.2f s long; a segment needs at least %.1f s",
                        n,
                        end - start,
                        MIN_SECONDS));
            }
            if (!segments.isEmpty()) {
                Segment previous = segments.get(segments.size() - 1);
                if (start < previous.start()) {
                    throw new IllegalArgumentException("edit_segments segment " + n + " starts before segment "
                            + (n - 1) + ": list segments in time order");
                }
                if (start < previous.end()) {
                    throw new IllegalArgumentException(
                            "edit_segments segment " + n + " overlaps segment " + (n - 1) + ": merge them into one");
                }
            }
            segments.add(new Segment(start, end));
            if (segments.size() > MAX) {
                throw new IllegalArgumentException("edit_segments has more than " + MAX + " segments");
            }
            at = m.end();
            if (at < body.length()) {
                if (body.charAt(at) != ',') {
                    throw new IllegalArgumentException("edit_segments: expected a comma after segment " + n);
                }
                at++;
                if (body.substring(at).isBlank()) {
                    throw new IllegalArgumentException("edit_segments ends with a comma");
                }
            }
        }
        return List.copyOf(segments);
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 24) + "…";
    }
}
