package dev.cantata.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** RIFF/WAVE: a 16-bit PCM writer (whole or streamed) and a reader of the common PCM and float layouts. */
public final class WavFile {
    private WavFile() {}

    /** A WAV encoder. Streamed, its sizes say "unknown" (0xFFFFFFFF) as upstream's do; whole, they are exact. */
    public static Encoder encoder(boolean streamed) {
        return (out, sampleRate, channels) ->
                streamed ? new Streamed(out, header(sampleRate, channels, -1)) : new Whole(out, sampleRate, channels);
    }

    /** Headerless signed 16-bit little-endian samples: OpenAI's and FlashTTS's {@code pcm}. */
    public static Encoder raw() {
        return (out, sampleRate, channels) -> new Streamed(out, new byte[0]);
    }

    static byte[] header(int sampleRate, int channels, long dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        int riffSize = dataBytes < 0 ? -1 : (int) Math.min(0xFFFFFFFFL, 36 + dataBytes);
        int dataSize = dataBytes < 0 ? -1 : (int) Math.min(0xFFFFFFFFL, dataBytes);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(riffSize);
        b.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
        b.putShort((short) 1).putShort((short) channels).putInt(sampleRate).putInt(sampleRate * channels * 2);
        b.putShort((short) (channels * 2)).putShort((short) 16);
        b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataSize);
        return b.array();
    }

    /** The bytes of a whole 16-bit mono WAV file. */
    public static byte[] bytes(Pcm pcm) {
        return bytes(pcm.samples(), pcm.sampleRate(), 1);
    }

    /** The bytes of a whole 16-bit WAV file of interleaved samples. */
    public static byte[] bytes(float[] interleaved, int sampleRate, int channels) {
        byte[] data = Encoder.toS16le(interleaved);
        byte[] file = new byte[44 + data.length];
        System.arraycopy(header(sampleRate, channels, data.length), 0, file, 0, 44);
        System.arraycopy(data, 0, file, 44, data.length);
        return file;
    }

    /**
     * The bytes of a whole 16-bit WAV file of interleaved samples with a {@code LIST/INFO} chunk holding
     * {@code comment} (as {@code ICMT}) before the data, which players show and ignore.
     */
    public static byte[] bytes(float[] interleaved, int sampleRate, int channels, String comment) {
        byte[] text = (comment + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int textSize = text.length + (text.length & 1);
        int listSize = 4 + 8 + textSize;
        byte[] data = Encoder.toS16le(interleaved);
        ByteBuffer b =
                ByteBuffer.allocate(12 + 24 + 8 + listSize + 8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        byte[] plain = header(sampleRate, channels, data.length);
        b.put(plain, 0, 36); // RIFF, WAVE, fmt chunk
        b.putInt(4, 4 + 24 + 8 + listSize + 8 + data.length);
        b.put("LIST".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(listSize);
        b.put("INFOICMT".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(text.length);
        b.put(text);
        if ((text.length & 1) == 1) {
            b.put((byte) 0);
        }
        b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(data.length);
        b.put(data);
        return b.array();
    }

    /**
     * The bytes of a whole 32-bit float WAV file ({@code WAVE_FORMAT_IEEE_FLOAT}, with the {@code fact} chunk the
     * format asks for) of interleaved samples: nothing is rounded or clipped, so values past full scale survive.
     */
    public static byte[] floatBytes(float[] interleaved, int sampleRate, int channels) {
        long data = 4L * interleaved.length;
        if (data > 0xFFFFFFFFL - 58) {
            throw new IllegalArgumentException("too long for a WAV file: " + interleaved.length + " samples");
        }
        ByteBuffer b = ByteBuffer.allocate((int) (58 + data)).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (50 + data));
        b.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(18);
        b.putShort((short) 3).putShort((short) channels).putInt(sampleRate).putInt(sampleRate * channels * 4);
        b.putShort((short) (channels * 4)).putShort((short) 32).putShort((short) 0);
        b.put("fact".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(4)
                .putInt(interleaved.length / channels);
        b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) data);
        for (float x : interleaved) {
            b.putFloat(x);
        }
        return b.array();
    }

    /** The {@code ICMT} comment of a WAV file's {@code LIST/INFO} chunk, if it has one. */
    public static java.util.Optional<String> comment(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            return java.util.Optional.empty();
        }
        long pos = 12;
        while (pos + 8 <= bytes.length) {
            int id = b.getInt((int) pos);
            long size = Integer.toUnsignedLong(b.getInt((int) pos + 4));
            long body = pos + 8;
            if (id == 0x61746164) { // "data": the comment comes before it or not at all
                return java.util.Optional.empty();
            }
            if (id == 0x5453494c && body + 4 <= bytes.length && b.getInt((int) body) == 0x4f464e49) { // "LIST" "INFO"
                long sub = body + 4;
                while (sub + 8 <= Math.min(bytes.length, body + size)) {
                    int subId = b.getInt((int) sub);
                    long subSize = Integer.toUnsignedLong(b.getInt((int) sub + 4));
                    if (subId == 0x544d4349 && sub + 8 + subSize <= bytes.length) { // "ICMT"
                        String text = new String(
                                bytes, (int) sub + 8, (int) subSize, java.nio.charset.StandardCharsets.UTF_8);
                        int nul = text.indexOf('\0');
                        return java.util.Optional.of(nul >= 0 ? text.substring(0, nul) : text);
                    }
                    sub += 8 + subSize + (subSize & 1);
                }
            }
            pos = body + size + (size & 1);
        }
        return java.util.Optional.empty();
    }

    private static final class Streamed implements Encoder.Sink {
        private final OutputStream out;

        Streamed(OutputStream out, byte[] header) throws IOException {
            this.out = out;
            out.write(header);
        }

        @Override
        public void write(float[] interleaved) throws IOException {
            out.write(Encoder.toS16le(interleaved));
        }

        @Override
        public void finish() throws IOException {
            out.flush();
        }

        @Override
        public void close() {}
    }

    private static final class Whole implements Encoder.Sink {
        private final OutputStream out;
        private final int sampleRate;
        private final int channels;
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();

        Whole(OutputStream out, int sampleRate, int channels) {
            this.out = out;
            this.sampleRate = sampleRate;
            this.channels = channels;
        }

        @Override
        public void write(float[] interleaved) {
            data.writeBytes(Encoder.toS16le(interleaved));
        }

        @Override
        public void finish() throws IOException {
            out.write(header(sampleRate, channels, data.size()));
            data.writeTo(out);
            out.flush();
        }

        @Override
        public void close() {}
    }

    /**
     * Reads a WAV file to mono (channels averaged). Accepts PCM 8/16/24/32-bit and IEEE float 32/64-bit, plain or
     * WAVE_FORMAT_EXTENSIBLE, and streamed files whose sizes are unknown.
     *
     * @param maxSeconds reading stops after this much audio
     * @throws AudioFormatException when the bytes are not a WAV file this reader understands
     */
    public static Pcm read(byte[] bytes, double maxSeconds) throws AudioFormatException {
        Layout l = layout(bytes);
        return samples(
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN),
                l.start,
                l.length,
                l.format,
                l.channels,
                l.rate,
                l.bits,
                maxSeconds);
    }

    /** How long a WAV file is, from its header and data size, decoding nothing. */
    static double seconds(byte[] bytes) throws AudioFormatException {
        Layout l = layout(bytes);
        if (l.channels < 1 || l.bits < 8 || l.rate < 1) {
            throw new AudioFormatException("unsupported WAV layout: " + l.channels + " channels, " + l.bits + " bits");
        }
        long frames = l.length / (l.channels * l.bits / 8); // whole frames only, as read() takes them
        return frames / (double) l.rate;
    }

    /** Where a WAV file's samples are and how they are laid out. */
    private record Layout(int start, int length, int format, int channels, int rate, int bits) {}

    private static Layout layout(byte[] bytes) throws AudioFormatException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new AudioFormatException("not a RIFF/WAVE file");
        }
        int pos = 12;
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        while (pos + 8 <= bytes.length) {
            int id = b.getInt(pos);
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                if (size < 16 || body + 16 > bytes.length) {
                    throw new AudioFormatException("the WAV fmt chunk is truncated");
                }
                format = Short.toUnsignedInt(b.getShort(body));
                channels = Short.toUnsignedInt(b.getShort(body + 2));
                rate = b.getInt(body + 4);
                bits = Short.toUnsignedInt(b.getShort(body + 14));
                if (format == 0xFFFE && size >= 26 && body + 26 <= bytes.length) {
                    format = Short.toUnsignedInt(
                            b.getShort(body + 24)); // the sub-format GUID starts with the format code
                }
            } else if (id == 0x61746164) { // "data"
                if (format < 0) {
                    throw new AudioFormatException("the WAV data chunk comes before its fmt chunk");
                }
                long available = (long) bytes.length - body;
                long length = size == 0xFFFFFFFFL || size > available ? available : size;
                return new Layout(body, (int) length, format, channels, rate, bits);
            }
            pos = (int) Math.min(Integer.MAX_VALUE - 8, body + size + (size & 1));
        }
        throw new AudioFormatException("the WAV file has no data chunk");
    }

    private static Pcm samples(
            ByteBuffer b, int start, int length, int format, int channels, int rate, int bits, double maxSeconds)
            throws AudioFormatException {
        if (channels < 1 || channels > 32 || rate < 1000 || rate > 384_000) {
            throw new AudioFormatException("unsupported WAV layout: " + channels + " channels at " + rate + " Hz");
        }
        boolean pcm = format == 1 && (bits == 8 || bits == 16 || bits == 24 || bits == 32);
        boolean flt = format == 3 && (bits == 32 || bits == 64);
        if (!pcm && !flt) {
            throw new AudioFormatException("unsupported WAV encoding: format " + format + ", " + bits + " bits");
        }
        int frameBytes = channels * bits / 8;
        long frames = Math.min(length / frameBytes, (long) Math.ceil(maxSeconds * rate));
        float[] mono = new float[(int) frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                int at = start + f * frameBytes + c * bits / 8;
                sum += sample(b, at, bits, flt);
            }
            mono[f] = (float) (sum / channels);
        }
        return new Pcm(mono, rate);
    }

    private static double sample(ByteBuffer b, int at, int bits, boolean flt) {
        if (flt) {
            return bits == 32 ? b.getFloat(at) : b.getDouble(at);
        }
        return switch (bits) {
            case 8 -> (Byte.toUnsignedInt(b.get(at)) - 128) / 128.0;
            case 16 -> b.getShort(at) / 32768.0;
            case 24 -> ((b.get(at) & 0xFF) | (b.get(at + 1) & 0xFF) << 8 | b.get(at + 2) << 16) / 8388608.0;
            default -> b.getInt(at) / 2147483648.0;
        };
    }
}
