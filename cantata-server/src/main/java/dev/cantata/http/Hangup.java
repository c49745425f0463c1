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
 * Tells whether the client of a suspended request has hung up. Jetty 11 does not watch a connection while its request
 * waits without I/O: when the client closes, no {@code AsyncListener} method is called, the idle timeout does not fire
 * and {@code EndPoint.isOpen()} stays true (measured), so a waiter would otherwise poll for its whole wait. Each call
 * makes one non-blocking read: end of stream means the client left, and the exchange is aborted at once, closing the
 * connection and freeing its file descriptor.
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

    /** A watch on {@code ctx}'s connection; call it only while the request is suspended, from one thread at a time. */
    public static BooleanSupplier watch(Context ctx) {
        Request base = Request.getBaseRequest(ctx.req());
        if (base == null || base.getHttpChannel() == null) {
            return () -> false;
        }
        return new Hangup(base.getHttpChannel(), ctx);
    }

    @Override
    public synchronized boolean getAsBoolean() {
        if (!endPoint.isOpen()) {
            return true;
        }
        if (pipelined) {
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

    /**
     * Aborts the exchange the way Jetty does when a write fails: the connection closes, and the answer the waiter's end
     * still produces is dropped instead of written to a closed connection.
     */
    private void gone(Throwable why) {
        channel.abort(why);
    }
}
