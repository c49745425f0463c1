package dev.cantata.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body (RFC 7578), built field by field, as the DiffRhythm and FlashTTS routes take
 * uploads. Send {@link #bytes()} with {@link #contentType()}, which names the boundary. Not thread-safe while being
 * built; {@link #bytes()} may be called any number of times.
 *
 * <pre>{@code
 * Multipart form = new Multipart().field("audio_length", "95").file("lyrics", "lyrics.lrc", lrc);
 * HttpRequest.newBuilder(uri).header("Content-Type", form.contentType())
 *     .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()));
 * }</pre>
 */
public final class Multipart {
    // Random, so no field's content can contain it by accident.
    private final String boundary = "cantata-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    /** Adds a text field, sent as UTF-8. */
    public Multipart field(String name, String value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    /** Adds a file upload; the server sees {@code filename} and the bytes as they are. */
    public Multipart file(String name, String filename, byte[] content) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write("\r\n");
        return this;
    }

    /** {@code multipart/form-data; boundary=…}, the header value to send with {@link #bytes()}. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The body so far, closed by the final boundary. */
    public byte[] bytes() {
        ByteArrayOutputStream whole = new ByteArrayOutputStream(body.size() + boundary.length() + 6);
        whole.writeBytes(body.toByteArray());
        whole.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return whole.toByteArray();
    }

    private void write(String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
