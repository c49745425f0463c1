package dev.cantata.http;

import dev.cantata.blobs.BlobStore;
import dev.cantata.hash.Sha256;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Answers a request with a file, the one way every file route does: its type, its length, its validators ({@code
 * ETag}, and {@code Last-Modified} for a stored file), how to save it, and its bytes streamed from disk.
 *
 * <p>{@code HEAD} gets the same status and headers as {@code GET} and no body. A {@code GET} with one byte range
 * ({@code bytes=a-b}, {@code a-} or {@code -n}) gets 206 with that part and its {@code Content-Range}, so {@code
 * <audio>} seeks and download managers resume; one that starts past the end gets 416 with {@code Content-Range: bytes
 * *}{@code /length}; several ranges or a malformed header get the whole file (see {@link ByteRange}). {@code If-Range}
 * with an ETag or date that no longer matches gets the whole file too. Every answer says {@code Accept-Ranges: bytes}.
 * A {@code Range} on {@code HEAD} is ignored, as RFC 9110 §14.2 requires (only {@code GET} has ranges).
 */
public final class BlobReply {
    /** HTTP's IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}); Java's RFC 1123 format drops the day's zero. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT);

    private BlobReply() {}

    /**
     * Sends the blob at {@code key}. Its ETag is its size and modification time: a blob is only ever replaced whole, by
     * a rename, so a new version has a new time, and a validator costs no read of the file.
     *
     * @param disposition the {@code Content-Disposition} value ({@code inline; filename="…"}), or null for none
     * @throws ApiException 404 {@code missing} when the blob does not exist; 416 for a range outside it
     */
    public static void send(
            Context ctx, BlobStore blobs, String key, String contentType, @Nullable String disposition, String missing)
            throws IOException {
        Path file = blobs.file(key);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw ApiException.notFound(missing);
        }
        if (!attributes.isRegularFile()) {
            throw ApiException.notFound(missing);
        }
        Instant modified = attributes.lastModifiedTime().toInstant();
        long stamp = modified.getEpochSecond() * 1_000_000_000L + modified.getNano();
        String etag = "\"" + Long.toHexString(attributes.size()) + "-" + Long.toHexString(stamp) + "\"";
        if (isHead(ctx)) {
            reply(ctx, new Representation(contentType, disposition, attributes.size(), etag, modified), null);
            return;
        }
        // Opened before any header is set, so a blob deleted meanwhile is a clean 404; the length is the open file's.
        FileChannel channel;
        try {
            channel = FileChannel.open(file);
        } catch (NoSuchFileException e) {
            throw ApiException.notFound(missing);
        }
        try {
            reply(
                    ctx,
                    new Representation(contentType, disposition, channel.size(), etag, modified),
                    (first, count) -> new Slice(channel.position(first), count));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Sends {@code bytes} made for this request (a drawn cover) as a file; the ETag is their digest. */
    public static void send(Context ctx, byte[] bytes, String contentType, @Nullable String disposition) {
        String etag = "\"" + new Sha256().update(bytes).hex(16) + "\"";
        try {
            reply(
                    ctx,
                    new Representation(contentType, disposition, bytes.length, etag, null),
                    isHead(ctx) ? null : (first, count) -> new ByteArrayInputStream(bytes, (int) first, (int) count));
        } catch (IOException e) {
            throw new IllegalStateException("bytes in memory cannot fail to be read", e);
        }
    }

    private static boolean isHead(Context ctx) {
        return ctx.method() == HandlerType.HEAD;
    }

    /** What is known of a file before its bytes are read. */
    private record Representation(
            String contentType,
            @Nullable String disposition,
            long length,
            String etag,
            @Nullable Instant modified) {}

    /** Opens {@code count} bytes of the file from {@code first}. */
    @FunctionalInterface
    private interface Body {
        InputStream open(long first, long count) throws IOException;
    }

    /** Writes the answer; {@code body} is null for {@code HEAD}. */
    private static void reply(Context ctx, Representation file, @Nullable Body body) throws IOException {
        ByteRange range = body == null ? ByteRange.WHOLE : ByteRange.of(ctx.header("Range"), file.length());
        if (!(range instanceof ByteRange.Whole) && !stillTheSame(ctx.header("If-Range"), file)) {
            range = ByteRange.WHOLE; // the client's part is of another version: it gets this one whole
        }
        ctx.header("Accept-Ranges", "bytes");
        if (range instanceof ByteRange.Unsatisfiable) {
            ctx.header("Content-Range", "bytes */" + file.length());
            throw new ApiException(
                    416, "Range Not Satisfiable: " + ctx.header("Range") + " of a file of " + file.length() + " bytes");
        }
        ctx.contentType(file.contentType());
        ctx.header("ETag", file.etag());
        if (file.modified() != null) {
            ctx.header("Last-Modified", HTTP_DATE.format(file.modified().atOffset(ZoneOffset.UTC)));
        }
        if (file.disposition() != null) {
            ctx.header("Content-Disposition", file.disposition());
        }
        long first = 0;
        long count = file.length();
        if (range instanceof ByteRange.Part part) {
            ctx.status(206);
            ctx.header("Content-Range", part.contentRange(file.length()));
            first = part.first();
            count = part.length();
        }
        ctx.header("Content-Length", String.valueOf(count));
        if (body != null) {
            ctx.result(body.open(first, count));
        }
    }

    /**
     * Whether {@code If-Range} (absent: nothing to check) names this version: an ETag compared strongly (a weak one
     * never matches, RFC 9110 §13.1.5), or a date equal to {@code Last-Modified}.
     */
    private static boolean stillTheSame(@Nullable String ifRange, Representation file) {
        if (ifRange == null) {
            return true;
        }
        String validator = ifRange.strip();
        if (validator.startsWith("\"") || validator.startsWith("W/")) {
            return validator.equals(file.etag());
        }
        Instant modified = file.modified();
        if (modified == null) {
            return false;
        }
        try {
            Instant date = ZonedDateTime.parse(validator, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return date.equals(modified.truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** At most {@code count} bytes of a file from where its channel stands; closing it closes the file. */
    private static final class Slice extends InputStream {
        private final FileChannel channel;
        private long remaining;

        Slice(FileChannel channel, long count) {
            this.channel = channel;
            this.remaining = count;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (remaining <= 0) {
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, remaining)));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
