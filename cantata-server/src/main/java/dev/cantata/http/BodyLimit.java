package dev.cantata.http;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.server.HttpInput;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;
import org.jspecify.annotations.Nullable;

/**
 * The body size limit, on the bytes actually read: a chunked body declares no length, so checking {@code
 * Content-Length} alone let a 200 MB JSON body into memory and a 300 MB upload into the temp folder. Every body passes
 * through a counter; the read that crosses the limit fails with {@link TooLarge}, which {@link ErrorMapper} answers as
 * a 413 in the caller's dialect (a declared length over the limit is refused before anything is read, by {@link
 * HttpServer}). Jetty's own {@code SizeLimitHandler} answers with its HTML error page, which no dialect's client reads.
 *
 * <p>The same counter keeps the minimum rate ({@code min-request-rate}): after {@link #RATE_GRACE_NANOS} (a second) from when the
 * request is handed to the application, a body must have arrived at {@code minRate} bytes a second since then, or the
 * read fails with a 408. Jetty's own check counts from the body's first byte and has no grace, so a 9-byte body read
 * 3 ms after it arrived was "slower than 4 KB/s": under load, tiny JSON bodies were refused with 408.
 */
final class BodyLimit extends HandlerWrapper {
    /** How long a body may take before the rate is held against it: no real client is slower than this to start. */
    static final long RATE_GRACE_NANOS = 1_000_000_000L;

    private final long maxBytes;
    private final long minRate;

    BodyLimit(long maxBytes, long minRate) {
        this.maxBytes = maxBytes;
        this.minRate = minRate;
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        base.getHttpInput().addInterceptor(new Counter(maxBytes, minRate, System.nanoTime()));
        super.handle(target, base, request, response);
    }

    /** A body arriving slower than the minimum rate. */
    static final class TooSlow extends BadMessageException {
        private static final long serialVersionUID = 1L;

        TooSlow(long minRate) {
            super(408, "the request body arrived slower than " + minRate + " bytes a second");
        }
    }

    /** A body over the limit, found while reading it. */
    static final class TooLarge extends BadMessageException {
        private static final long serialVersionUID = 1L;

        TooLarge(long maxBytes) {
            super(413, "the request body is over the limit of " + maxBytes + " bytes");
        }
    }

    /** Counts the body's bytes as Jetty hands them to the application (after chunked decoding). */
    private static final class Counter implements HttpInput.Interceptor {
        private final long maxBytes;
        private final long minRate;
        private final long started;
        private long read;
        private HttpInput.@Nullable Content last;

        Counter(long maxBytes, long minRate, long started) {
            this.maxBytes = maxBytes;
            this.minRate = minRate;
            this.started = started;
        }

        @Override
        public HttpInput.Content readFrom(HttpInput.Content content) {
            // the same content may be offered again while the reader has not used it up: count it once
            @SuppressWarnings("ReferenceEquality")
            boolean fresh = content != last;
            if (!content.isSpecial() && fresh) {
                last = content;
                read += content.remaining();
                if (read > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
            }
            long late = System.nanoTime() - started - RATE_GRACE_NANOS;
            if (minRate > 0 && late > 0 && read < minRate * (late / 1_000_000) / 1000 && !content.isEof()) {
                throw new TooSlow(minRate);
            }
            return content;
        }
    }
}
