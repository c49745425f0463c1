package dev.cantata.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;

/**
 * Tells whether the client of a request has hung up, for work that writes nothing until it is done: a suspended
 * request waiting for a clip, or a whole (not streamed) speech answer being synthesised. Jetty 11 does not watch a
 * connection while its request is handled or waits without I/O: when the client closes, no {@code AsyncListener}
 * method is called, the idle timeout does not fire and {@code EndPoint.isOpen()} stays true (measured), so the work
 * would otherwise go on to its end. Once the request's body has been read, each call makes one non-blocking read:
 * end of stream means the client left, and the exchange is aborted at once, closing the connection and freeing its
 * file descriptor.
 *
 * <p>An HTTP/1.1 client may pipeline its next request behind a waiting one. Bytes read here are lost to Jetty, so a
 * connection where they appear gets {@code Connection: close} on its answer and is not read again: RFC 9112 §9.3.2
 * makes clients retry requests that a closed connection left unanswered.
 */
public final class Hangup implements BooleanSupplier {
    private final HttpChannel channel;
    private final EndPoint endPoint;
    private final Context ctx;
    private boolean pipelined;

    private Hangup(HttpChannel channel, Context ctx) {
        this.channel = channel;
        this.endPoint = channel.getEndPoint();
        this.ctx = ctx;
    }

    /** A watch on {@code ctx}'s connection; true once its client is known to have gone. */
    public static BooleanSupplier watch(Context ctx) {
        Request base = Request.getBaseRequest(ctx.req());
        if (base == null || base.getHttpChannel() == null) {
            return () -> false;
        }
        return new Hangup(base.getHttpChannel(), ctx);
    }

    @Override
    public synchronized boolean getAsBoolean() {
        if (!endPoint.isOpen() || endPoint.isInputShutdown()) {
            return true;
        }
        if (pipelined || !bodyRead()) {
            return false;
        }
        ByteBuffer buffer = ByteBuffer.allocate(64);
        buffer.flip(); // Jetty fills a buffer in flush mode
        try {
            int n = endPoint.fill(buffer);
            if (n < 0) {
                gone(new EofException("the client hung up"));
                return true;
            }
            if (n > 0) {
                pipelined = true;
                ctx.header("Connection", "close");
            }
            return false;
        } catch (IOException e) {
            gone(e);
            return true;
        }
    }

    /** Reading past a body that is not read to its end would take its bytes; a body read through a reader is not ours. */
    private boolean bodyRead() {
        if (ctx.req().getContentLengthLong() <= 0 && ctx.header("Transfer-Encoding") == null) {
            return true; // no body at all (a GET)
        }
        try {
            return ctx.req().getInputStream().isFinished();
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    /**
     * Aborts the exchange the way Jetty does when a write fails: the connection closes, and the answer the waiter's end
     * still produces is dropped instead of written to a closed connection.
     */
    private void gone(Throwable why) {
        channel.abort(why);
    }
}
