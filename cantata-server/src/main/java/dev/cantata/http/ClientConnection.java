package dev.cantata.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.jspecify.annotations.Nullable;

/**
 * Whether a request's client is still connected, for work that writes nothing until it is done (a whole, non-streamed
 * answer). Jetty learns that the peer closed only when it reads or writes, and it reads nothing while a request is
 * being handled; so, once the request's body has been read to its end, this reads the connection itself, without
 * waiting: end of stream means the client left. A byte that arrives instead is the start of a pipelined request,
 * which this cannot put back: the answer then says {@code Connection: close}, so the client sends it again on a new
 * connection (as HTTP/1.1 clients must for unanswered pipelined requests), and the probing stops.
 */
final class ClientConnection {
    private final Context ctx;
    private final @Nullable EndPoint endPoint;
    private boolean probing = true;

    private ClientConnection(Context ctx, @Nullable EndPoint endPoint) {
        this.ctx = ctx;
        this.endPoint = endPoint;
    }

    static ClientConnection of(Context ctx) {
        Request request = Request.getBaseRequest(ctx.req());
        return new ClientConnection(
                ctx, request == null ? null : request.getHttpChannel().getEndPoint());
    }

    /** False once the client is known to have gone; true while it may still be there. */
    boolean open() {
        EndPoint ep = endPoint;
        if (ep == null) {
            return true; // not served by Jetty's HTTP/1 connector: nothing to ask
        }
        if (!ep.isOpen() || ep.isInputShutdown()) {
            return false;
        }
        if (!probing || !bodyRead()) {
            return true;
        }
        ByteBuffer one = ByteBuffer.allocate(1);
        one.limit(0); // Jetty's buffers are filled from their limit
        try {
            int n = ep.fill(one);
            if (n < 0) {
                return false;
            }
            if (n > 0) {
                probing = false;
                ctx.header("Connection", "close");
            }
            return true;
        } catch (IOException e) {
            return false; // reset by the peer
        }
    }

    private boolean bodyRead() {
        try {
            return ctx.req().getInputStream().isFinished();
        } catch (IOException | IllegalStateException e) {
            return false; // a reader was taken for the body: it is not ours to read past
        }
    }
}
