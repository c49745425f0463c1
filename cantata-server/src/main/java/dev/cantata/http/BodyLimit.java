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
 */
final class BodyLimit extends HandlerWrapper {
    private final long maxBytes;

    BodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        base.getHttpInput().addInterceptor(new Counter(maxBytes));
        super.handle(target, base, request, response);
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
        private long read;
        private HttpInput.@Nullable Content last;

        Counter(long maxBytes) {
            this.maxBytes = maxBytes;
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
            return content;
        }
    }
}
