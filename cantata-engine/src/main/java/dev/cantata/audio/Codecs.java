package dev.cantata.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every encoder and the upload decoder in one place. WAV and raw PCM are ours, MP3 is jump3r; Opus (Ogg), AAC (ADTS)
 * and FLAC go through ffmpeg and fail with a clear message when it is not installed.
 */
public final class Codecs {
    /** Longest upload accepted for decoding, in bytes (a sanity limit; the HTTP limit usually bites first). */
    public static final int MAX_UPLOAD_BYTES = 64 << 20;

    /** The rate lengths are measured at: enough to count time, little to carry. */
    private static final int MEASURE_RATE = 8_000;

    private static final List<String> FLAC = List.of("-c:a", "flac", "-f", "flac");

    private final Optional<Ffmpeg> ffmpeg;
    private final DecodeBudget budget;

    /** Codecs whose decodes share a quarter of the heap ({@link DecodeBudget#ofHeap()}). */
    public Codecs(Optional<Ffmpeg> ffmpeg) {
        this(ffmpeg, DecodeBudget.ofHeap());
    }

    public Codecs(Optional<Ffmpeg> ffmpeg, DecodeBudget budget) {
        this.ffmpeg = ffmpeg;
        this.budget = budget;
    }

    /** The memory decodes share. */
    public DecodeBudget budget() {
        return budget;
    }

    /**
     * How long an uploaded recording is, up to {@code maxSeconds}: a longer one is reported as a little over it. The
     * audio is counted as ffmpeg decodes it (mono, 8 kHz) and never held, so an hour of silence in a small FLAC costs
     * no memory; a WAV's length is read from its header.
     */
    public double seconds(byte[] bytes, double maxSeconds) throws AudioFormatException, IOException {
        if (bytes.length > MAX_UPLOAD_BYTES) {
            throw new AudioFormatException("the recording is over " + (MAX_UPLOAD_BYTES >> 20) + " MB");
        }
        String demuxer = sniff(bytes);
        double cap = maxSeconds + 1.0 / MEASURE_RATE * 100;
        if (ffmpeg.isPresent()) {
            return ffmpeg.get().count(bytes, demuxer, MEASURE_RATE, cap) / (double) MEASURE_RATE;
        }
        if (!demuxer.equals("wav")) {
            throw new AudioFormatException("only WAV can be read on this server: decoding " + demuxer
                    + " needs ffmpeg, which is not installed");
        }
        return WavFile.seconds(bytes);
    }

    /** Whether every codec is available (ffmpeg present). */
    public boolean complete() {
        return ffmpeg.isPresent();
    }

    /**
     * The encoder of {@code codec}. {@code streamed} matters for WAV and FLAC, whose whole files carry their exact
     * sizes and lengths; a streamed FLAC cannot (see {@link Codec#streamable}).
     */
    public Encoder encoder(Codec codec, boolean streamed) {
        return switch (codec) {
            case WAV -> WavFile.encoder(streamed);
            case PCM -> WavFile.raw();
            case MP3 -> new Mp3Encoder();
            case OPUS -> needFfmpeg(codec).encoder(List.of("-c:a", "libopus", "-b:a", "64k", "-f", "ogg"));
            case AAC -> needFfmpeg(codec).encoder(List.of("-c:a", "aac", "-b:a", "128k", "-f", "adts"));
            case FLAC ->
                streamed
                        ? needFfmpeg(codec).encoder(FLAC)
                        : needFfmpeg(codec).wholeEncoder(FLAC); // with its length: see Ffmpeg.wholeEncoder
        };
    }

    /**
     * Encodes minutes of music at once. MP3 goes through ffmpeg's LAME at 192 kb/s when ffmpeg is there (measured:
     * jump3r, the pure-Java LAME used for streamed speech, took 7 s for 3 min of stereo); otherwise as {@link #encode}.
     */
    public byte[] encodeMusic(float[] interleaved, int sampleRate, int channels, Codec codec) throws IOException {
        if (codec != Codec.MP3 || ffmpeg.isEmpty()) {
            return encode(interleaved, sampleRate, channels, codec);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Encoder.Sink sink = ffmpeg.get()
                .encoder(List.of("-c:a", "libmp3lame", "-b:a", "192k", "-f", "mp3"))
                .open(out, sampleRate, channels)) {
            sink.write(interleaved);
            sink.finish();
        }
        return out.toByteArray();
    }

    /**
     * A whole 24-bit FLAC of interleaved audio, with its length in STREAMINFO and {@code tags} as Vorbis comments
     * (letters, digits and {@code _} in the names). Samples at or past full scale are clipped: the caller leaves
     * headroom.
     */
    public byte[] encodeFlac24(float[] interleaved, int sampleRate, int channels, Map<String, String> tags)
            throws IOException {
        List<String> args =
                new ArrayList<>(List.of("-c:a", "flac", "-sample_fmt", "s32", "-bits_per_raw_sample", "24"));
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (!tag.getKey().matches("[A-Za-z0-9_]+")) {
                throw new IllegalArgumentException("not a tag name: " + tag.getKey());
            }
            args.addAll(List.of("-metadata", tag.getKey() + "=" + tag.getValue()));
        }
        args.addAll(List.of("-f", "flac"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Encoder.Sink sink = needFfmpeg(Codec.FLAC).wholeEncoder(args, true).open(out, sampleRate, channels)) {
            sink.write(interleaved);
            sink.finish();
        }
        return out.toByteArray();
    }

    /** Encodes a whole signal. */
    public byte[] encode(Pcm pcm, Codec codec) throws IOException {
        return encode(pcm.samples(), pcm.sampleRate(), 1, codec);
    }

    /** Encodes whole interleaved audio of {@code channels} channels. */
    public byte[] encode(float[] interleaved, int sampleRate, int channels, Codec codec) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Encoder.Sink sink = encoder(codec, false).open(out, sampleRate, channels)) {
            sink.write(interleaved);
            sink.finish();
        }
        return out.toByteArray();
    }

    /**
     * Decodes an uploaded recording (WAV, MP3, FLAC, Ogg Vorbis/Opus, MP4/M4A, WebM) to mono at {@code sampleRate}, at
     * most {@code maxSeconds} long. The container is recognised by its first bytes, never by a name.
     */
    public Pcm decode(byte[] bytes, int sampleRate, double maxSeconds) throws AudioFormatException, IOException {
        if (bytes.length > MAX_UPLOAD_BYTES) {
            throw new AudioFormatException("the recording is over " + (MAX_UPLOAD_BYTES >> 20) + " MB");
        }
        String demuxer = sniff(bytes);
        if (!demuxer.equals("wav") && ffmpeg.isEmpty()) {
            throw new AudioFormatException("only WAV can be read on this server: decoding " + demuxer
                    + " needs ffmpeg, which is not installed");
        }
        DecodeBudget.Reservation reservation = budget.reserve(worstCase(bytes, demuxer, sampleRate, 1, maxSeconds));
        try {
            Pcm pcm = demuxer.equals("wav")
                    ? Resampler.resample(WavFile.read(bytes, maxSeconds), sampleRate)
                    : new Pcm(ffmpeg.get().decode(bytes, demuxer, sampleRate, 1, maxSeconds), sampleRate);
            budget.held(4L * pcm.samples().length);
            return pcm;
        } finally {
            reservation.close();
        }
    }

    /**
     * The most PCM a decode can hold: its cap at the output rate, or for a WAV (read whole at its own rate first) what
     * its bytes hold as floats, if that is more.
     */
    private static long worstCase(byte[] bytes, String demuxer, int sampleRate, int channels, double maxSeconds) {
        long capped = (long) Math.ceil(maxSeconds * sampleRate) * channels * 4;
        return demuxer.equals("wav") ? Math.max(capped, 4L * bytes.length) : capped;
    }

    /**
     * Decodes an uploaded recording as {@link #decode} does, but to interleaved stereo (a mono file is heard on both
     * sides).
     */
    public float[] decodeStereo(byte[] bytes, int sampleRate, double maxSeconds)
            throws AudioFormatException, IOException {
        if (bytes.length > MAX_UPLOAD_BYTES) {
            throw new AudioFormatException("the recording is over " + (MAX_UPLOAD_BYTES >> 20) + " MB");
        }
        String demuxer = sniff(bytes);
        if (ffmpeg.isEmpty() && !demuxer.equals("wav")) {
            throw new AudioFormatException("only WAV can be read on this server: decoding " + demuxer
                    + " needs ffmpeg, which is not installed");
        }
        DecodeBudget.Reservation reservation = budget.reserve(worstCase(bytes, demuxer, sampleRate, 2, maxSeconds));
        try {
            float[] stereo;
            if (ffmpeg.isPresent()) {
                stereo = ffmpeg.get().decode(bytes, demuxer, sampleRate, 2, maxSeconds);
            } else {
                float[] mono = Resampler.resample(WavFile.read(bytes, maxSeconds), sampleRate)
                        .samples();
                stereo = new float[mono.length * 2];
                for (int i = 0; i < mono.length; i++) {
                    stereo[2 * i] = mono[i];
                    stereo[2 * i + 1] = mono[i];
                }
            }
            budget.held(4L * stereo.length);
            return stereo;
        } finally {
            reservation.close();
        }
    }

    /** The ffmpeg demuxer for the container these bytes start with. */
    static String sniff(byte[] b) throws AudioFormatException {
        if (startsWith(b, 0, "RIFF") && startsWith(b, 8, "WAVE")) {
            return "wav";
        }
        if (startsWith(b, 0, "fLaC")) {
            return "flac";
        }
        if (startsWith(b, 0, "OggS")) {
            return "ogg";
        }
        if (startsWith(b, 0, "ID3")
                || (b.length > 1 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0 && (b[1] & 0x06) != 0)) {
            return "mp3";
        }
        if (startsWith(b, 4, "ftyp")) {
            return "mov";
        }
        if (b.length > 4
                && (b[0] & 0xFF) == 0x1A
                && (b[1] & 0xFF) == 0x45
                && (b[2] & 0xFF) == 0xDF
                && (b[3] & 0xFF) == 0xA3) {
            return "matroska";
        }
        if (b.length > 1 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xF6) == 0xF0) {
            return "aac";
        }
        throw new AudioFormatException("not a recognisable audio file: send WAV, MP3, FLAC, Ogg, M4A or WebM");
    }

    private static boolean startsWith(byte[] b, int offset, String ascii) {
        if (b.length < offset + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[offset + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private Ffmpeg needFfmpeg(Codec codec) {
        return ffmpeg.orElseThrow(() -> new UnsupportedOperationException(
                codec.extension() + " output needs ffmpeg, which is not installed (apt-get install ffmpeg)"));
    }
}
