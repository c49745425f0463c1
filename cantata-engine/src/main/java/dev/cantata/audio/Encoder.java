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

    /**
     * 24-bit samples in the top bytes of signed 32-bit little-endian words (what ffmpeg's {@code s32le} carries to a
     * 24-bit FLAC): ×2²³ and clipped, so a value at or past full scale becomes the largest 24-bit sample.
     */
    static byte[] toS24in32le(float[] samples) {
        byte[] bytes = new byte[samples.length * 4];
        for (int i = 0; i < samples.length; i++) {
            long v = Math.max(-8_388_608L, Math.min(8_388_607L, Math.round(samples[i] * 8_388_608.0)));
            int w = (int) v << 8;
            bytes[4 * i] = (byte) w;
            bytes[4 * i + 1] = (byte) (w >> 8);
            bytes[4 * i + 2] = (byte) (w >> 16);
            bytes[4 * i + 3] = (byte) (w >> 24);
        }
        return bytes;
    }
}
