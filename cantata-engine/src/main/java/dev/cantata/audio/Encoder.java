package dev.cantata.audio;

import java.io.IOException;
import java.io.OutputStream;

/** Turns float samples into one codec's bytes, written to a stream as they are ready. */
@FunctionalInterface
public interface Encoder {

    /** Starts an encoding into {@code out} of audio with the given rate and channel count. */
    Sink open(OutputStream out, int sampleRate, int channels) throws IOException;

    /** One encoding in progress. Closing a sink that was not finished abandons the encoding. */
    interface Sink extends AutoCloseable {
        /** Encodes interleaved samples in [-1, 1]. */
        void write(float[] interleaved) throws IOException;

        /** Writes what is left (trailers, exact sizes) and flushes. */
        void finish() throws IOException;

        @Override
        void close();
    }

    /** Converts to signed 16-bit little-endian, clipping at full scale. */
    static byte[] toS16le(float[] samples) {
        byte[] bytes = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            // ×32768 and clipped, as ffmpeg and libsndfile convert: a decoded 16-bit sample (v / 32768) comes back as v
            int v = Math.max(-32768, Math.min(32767, Math.round(samples[i] * 32768f)));
            bytes[2 * i] = (byte) v;
            bytes[2 * i + 1] = (byte) (v >> 8);
        }
        return bytes;
    }
}
