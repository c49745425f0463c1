package dev.cantata.audio;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A FLAC file's STREAMINFO block, read by hand from its first 42 bytes (the FLAC format, RFC 9639 §8.2), so tests can
 * check what a file says of itself, independently of any decoder. A field of 0 means "unknown", which a piped ffmpeg
 * writes for the sample count, the smallest frame and the MD5.
 */
public record StreamInfo(
        int minBlockSize,
        int maxBlockSize,
        int minFrameSize,
        int maxFrameSize,
        int sampleRate,
        int channels,
        int bitsPerSample,
        long totalSamples,
        String md5) {

    /** The STREAMINFO of {@code flac}, which must start with it, as every FLAC file does. */
    public static StreamInfo of(byte[] flac) {
        if (flac.length < 42 || !new String(flac, 0, 4, StandardCharsets.US_ASCII).equals("fLaC")) {
            throw new IllegalArgumentException("not a FLAC file");
        }
        if ((flac[4] & 0x7F) != 0 || unsigned(flac, 5, 3) != 34) {
            throw new IllegalArgumentException("the first metadata block is not a STREAMINFO");
        }
        int at = 8;
        long packed = unsigned(flac, at + 10, 8); // rate 20 bits, channels-1 3, bits-1 5, total samples 36
        return new StreamInfo(
                (int) unsigned(flac, at, 2),
                (int) unsigned(flac, at + 2, 2),
                (int) unsigned(flac, at + 4, 3),
                (int) unsigned(flac, at + 7, 3),
                (int) (packed >>> 44),
                (int) ((packed >>> 41) & 0x7) + 1,
                (int) ((packed >>> 36) & 0x1F) + 1,
                packed & ((1L << 36) - 1),
                HexFormat.of().formatHex(flac, at + 18, at + 34));
    }

    private static long unsigned(byte[] b, int offset, int length) {
        long v = 0;
        for (int i = 0; i < length; i++) {
            v = (v << 8) | (b[offset + i] & 0xFF);
        }
        return v;
    }
}
