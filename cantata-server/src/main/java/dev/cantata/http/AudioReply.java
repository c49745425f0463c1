package dev.cantata.http;

import dev.cantata.audio.Codec;
import dev.cantata.audio.Encoder;
import dev.cantata.audio.Pcm;
import dev.cantata.speech.Speaker;
import dev.cantata.speech.SpeechException;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends speech as an HTTP response: whole (encoded after synthesis, exact sizes), streamed (each sentence encoded and
 * flushed as soon as it is spoken, so the first bytes leave before the text is done), or as OpenAI's server-sent
 * events. A client that disconnects makes the next write fail, which stops the synthesis at that sentence; until the
 * first byte is written (and for a whole answer, until it is sent) its connection is watched ({@link Hangup}) while
 * its sentences wait for an engine, so a client that hangs up while queued gives up its place at once.
 */
public final class AudioReply {
    private static final Logger LOG = LoggerFactory.getLogger(AudioReply.class);

    private AudioReply() {}

    /** Headers every audio answer carries, as FlashTTS sends them. */
    private static void headers(Context ctx, Codec codec, boolean streamed) {
        ctx.contentType(codec.contentType());
        ctx.header("Content-Disposition", "attachment; filename=speech." + codec.extension());
        ctx.header("Cache-Control", "no-cache");
        if (streamed) {
            ctx.header("X-Accel-Buffering", "no");
        }
    }

    /**
     * Speech to send: it hands each piece of audio, in order, to the sink, and gives up waiting for an engine once
     * {@code gone} says the client has left ({@link Speaker#speak(Speaker.Request, Speaker.Sink, BooleanSupplier)}).
     */
    @FunctionalInterface
    public interface Speech {
        void speak(Speaker.Sink sink, BooleanSupplier gone) throws SpeechException, IOException;

        /** One request to one speaker. */
        static Speech of(Speaker speaker, Speaker.Request request) {
            return (sink, gone) -> speaker.speak(request, sink, gone);
        }
    }

    /**
     * A watch on the client that is only asked until the first byte is written: reading a connection whose answer has
     * begun could take a pipelined request's bytes after {@code Connection: close} can no longer be said, and from then
     * on a failed write tells that the client left.
     */
    private static BooleanSupplier untilWritten(Context ctx, AtomicBoolean started) {
        BooleanSupplier hungUp = Hangup.watch(ctx);
        return () -> !started.get() && hungUp.getAsBoolean(); // asked from the engines' threads too
    }

    /**
     * Speaks everything, then sends it encoded with exact sizes. Between pieces it asks whether the client is still
     * connected, and stops when it has gone, so a client that hangs up frees the engine at the next sentence here too.
     */
    public static void whole(Context ctx, Speech speech, int sampleRate, Codec codec, dev.cantata.audio.Codecs codecs)
            throws SpeechException, IOException {
        java.util.List<Pcm> pieces = new java.util.ArrayList<>();
        BooleanSupplier hungUp = Hangup.watch(ctx);
        try {
            speech.speak(
                    piece -> {
                        pieces.add(piece);
                        if (hungUp.getAsBoolean()) {
                            throw new ClientGone();
                        }
                    },
                    hungUp);
        } catch (ClientGone | dev.cantata.speech.ClientGone e) {
            LOG.info("{} {}: the client went away; synthesis stopped", ctx.method(), ctx.path());
            return;
        }
        byte[] bytes = codecs.encode(Pcm.concat(pieces, sampleRate), codec);
        headers(ctx, codec, false);
        // said outright: Jetty would send an answer larger than its buffer chunked, without its length
        ctx.header("Content-Length", String.valueOf(bytes.length));
        ctx.result(bytes);
    }

    /**
     * Speaks and sends piece by piece; a format that cannot be streamed with its length ({@link Codec#streamable}:
     * FLAC) is sent {@link #whole} instead, so that clients can read it.
     */
    public static void streamed(
            Context ctx, Speech speech, int sampleRate, Codec codec, dev.cantata.audio.Codecs codecs)
            throws SpeechException, IOException {
        if (!codec.streamable()) {
            whole(ctx, speech, sampleRate, codec, codecs);
            return;
        }
        Encoder encoder = codecs.encoder(codec, true);
        headers(ctx, codec, true);
        ctx.status(200);
        OutputStream out = new KeepOpen(ctx.res().getOutputStream());
        AtomicBoolean started = new AtomicBoolean();
        try (Encoder.Sink sink = encoder.open(out, sampleRate, 1)) {
            speech.speak(
                    piece -> {
                        sink.write(piece.samples());
                        out.flush();
                        started.set(true);
                    },
                    untilWritten(ctx, started));
            sink.finish();
        } catch (dev.cantata.speech.ClientGone e) {
            LOG.info(
                    "{} {}: the client went away while it waited; nothing was synthesised for it",
                    ctx.method(),
                    ctx.path());
        } catch (IOException e) {
            if (started.get()) {
                LOG.info("{} {}: the client went away; synthesis stopped", ctx.method(), ctx.path());
                return;
            }
            throw e;
        }
    }

    /**
     * OpenAI's {@code stream_format: sse}: {@code speech.audio.delta} events with base64 audio, then {@code
     * speech.audio.done} with usage (input tokens as Cantata's tokenizer counts them, output tokens as 20 ms frames).
     * A format that cannot be streamed with its length (FLAC) comes whole in one delta once it is spoken; until then
     * nothing is written, so the client's connection is watched between pieces instead.
     */
    public static void events(
            Context ctx,
            Speaker speaker,
            Speaker.Request request,
            Codec codec,
            dev.cantata.audio.Codecs codecs,
            int inputTokens)
            throws SpeechException, IOException {
        ctx.contentType("text/event-stream");
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Accel-Buffering", "no");
        ctx.status(200);
        OutputStream out = new KeepOpen(ctx.res().getOutputStream());
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        double[] seconds = {0};
        AtomicBoolean started = new AtomicBoolean();
        BooleanSupplier hungUp = codec.streamable() ? untilWritten(ctx, started) : Hangup.watch(ctx);
        try (Encoder.Sink sink = codecs.encoder(codec, codec.streamable()).open(chunk, request.sampleRate(), 1)) {
            speaker.speak(
                    request,
                    piece -> {
                        sink.write(piece.samples());
                        seconds[0] += piece.seconds();
                        if (chunk.size() > 0) {
                            started.set(true);
                        }
                        event(out, chunk);
                        if (hungUp.getAsBoolean()) {
                            throw new ClientGone();
                        }
                    },
                    hungUp);
            sink.finish();
            event(out, chunk);
            int outputTokens = (int) Math.round(seconds[0] * 50);
            String done = "{\"type\":\"speech.audio.done\",\"usage\":{\"input_tokens\":" + inputTokens
                    + ",\"output_tokens\":" + outputTokens + ",\"total_tokens\":" + (inputTokens + outputTokens) + "}}";
            out.write(("data: " + done + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | dev.cantata.speech.ClientGone e) {
            LOG.info("{} {}: the client went away; synthesis stopped", ctx.method(), ctx.path());
        }
    }

    private static void event(OutputStream out, ByteArrayOutputStream chunk) throws IOException {
        if (chunk.size() == 0) {
            return;
        }
        String audio = Base64.getEncoder().encodeToString(chunk.toByteArray());
        chunk.reset();
        out.write(("data: {\"type\":\"speech.audio.delta\",\"audio\":\"" + audio + "\"}\n\n")
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The client of a whole answer hung up before it was made. */
    private static final class ClientGone extends IOException {
        private static final long serialVersionUID = 1L;

        ClientGone() {
            super("the client went away");
        }
    }

    /**
     * The response as encoders see it: the servlet closes its own stream, so encoders must not; and every write and
     * flush takes one lock, because an ffmpeg encoder's pump thread writes what ffmpeg produces while the request
     * thread flushes after each sentence, and Jetty's output refuses two callers at once ({@code api=BLOCKED}), which
     * cut streamed opus, aac and flac short.
     */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public synchronized void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public synchronized void flush() throws IOException {
            out.flush();
        }

        @Override
        public synchronized void close() throws IOException {
            flush();
        }
    }
}
