package dev.cantata.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a {@code Range} header asks of a file of known length (RFC 9110 §14): one byte range, the whole file, or
 * nothing the file holds. Only single ranges are served; several ranges, another unit or a malformed header are
 * answered with the whole file, as §14.2 lets a server do ("a server MAY ignore the Range header field"), which every
 * client must accept.
 */
sealed interface ByteRange {
    /** Serve the whole file with 200. */
    ByteRange WHOLE = new Whole();

    /** Answer 416 with {@code Content-Range: bytes *}{@code /length}. */
    ByteRange UNSATISFIABLE = new Unsatisfiable();

    /** The whole file. */
    record Whole() implements ByteRange {}

    /** No byte of the file: the range starts at or after its end, or is an empty suffix. */
    record Unsatisfiable() implements ByteRange {}

    /** Bytes {@code first} to {@code last}, both included and both inside the file. */
    record Part(long first, long last) implements ByteRange {
        public Part {
            if (first < 0 || last < first) {
                throw new IllegalArgumentException("not a byte range: " + first + "-" + last);
            }
        }

        long length() {
            return last - first + 1;
        }

        /** The {@code Content-Range} value of this part of a file of {@code total} bytes. */
        String contentRange(long total) {
            return "bytes " + first + "-" + last + "/" + total;
        }
    }

    /** {@code bytes=first-last}, {@code bytes=first-} or {@code bytes=-suffix}; whitespace is tolerated. */
    Pattern SINGLE = Pattern.compile("\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*", Pattern.CASE_INSENSITIVE);

    /** The range {@code header} (null when the request has none) asks of a file of {@code length} bytes. */
    static ByteRange of(@Nullable String header, long length) {
        if (header == null) {
            return WHOLE;
        }
        Matcher m = SINGLE.matcher(header);
        if (!m.matches()) {
            return WHOLE;
        }
        String first = m.group(1);
        String last = m.group(2);
        if (first.isEmpty()) {
            if (last.isEmpty()) {
                return WHOLE; // "bytes=-" is no range at all
            }
            long suffix = number(last);
            if (suffix == 0 || length == 0) {
                return UNSATISFIABLE;
            }
            return new Part(Math.max(0, length - suffix), length - 1); // a suffix longer than the file is all of it
        }
        long from = number(first);
        long to = last.isEmpty() ? Long.MAX_VALUE : number(last);
        if (to < from) {
            return WHOLE; // invalid, so the header is ignored (§14.1.1)
        }
        if (from >= length) {
            return UNSATISFIABLE;
        }
        return new Part(from, Math.min(to, length - 1));
    }

    /** Digits as a number; one too large for a long is beyond any file's end anyway. */
    private static long number(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
