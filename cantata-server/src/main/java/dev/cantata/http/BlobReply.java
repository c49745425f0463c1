package dev.cantata.http;

import dev.cantata.blobs.BlobStore;
import io.javalin.http.Context;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Answers a request with a stored file: its type, its length, how to save it, and the bytes streamed from disk. */
public final class BlobReply {
    private BlobReply() {}

    /**
     * Sends the blob at {@code key} as the response body.
     *
     * @param disposition the {@code Content-Disposition} value ({@code inline; filename="…"}), or null for none
     * @throws ApiException 404 {@code missing} when the blob does not exist
     */
    public static void send(
            Context ctx, BlobStore blobs, String key, String contentType, @Nullable String disposition, String missing)
            throws IOException {
        if (!blobs.exists(key)) {
            throw ApiException.notFound(missing);
        }
        ctx.contentType(contentType);
        ctx.header("Content-Length", String.valueOf(blobs.size(key)));
        if (disposition != null) {
            ctx.header("Content-Disposition", disposition);
        }
        ctx.result(blobs.open(key));
    }
}
