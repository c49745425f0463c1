package dev.cantata.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's ffmpeg, run as a child process for the codecs Java has no well-kept library for (Opus, AAC, FLAC) and for
 * decoding uploads. Inputs are never auto-detected: the caller names the demuxer, and only the {@code pipe} protocol is
 * allowed, so an uploaded playlist cannot make ffmpeg read files or the network.
 */
public final class Ffmpeg {
    private static final Logger LOG = LoggerFactory.getLogger(Ffmpeg.class);
    /** ffmpeg names the component that failed with its address in memory: {@code [mp3 @ 0x55d5c6a3b2c0] }. */
    private static final Pattern COMPONENT = Pattern.compile("\\[[^\\]\n]*@\\s*0x[0-9a-fA-F]+\\]\\s*");

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{6,}");
    private static final int MAX_REASON = 200;

    private final Path binary;

    private Ffmpeg(Path binary) {
        this.binary = binary;
    }

    /** The ffmpeg named by {@code CANTATA_FFMPEG}, or the first on the PATH; empty when there is none. */
    public static Optional<Ffmpeg> locate() {
        String configured = System.getenv("CANTATA_FFMPEG");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(new Ffmpeg(path)) : Optional.empty();
        }
        String pathVariable = System.getenv("PATH");
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "ffmpeg");
            if (Files.isExecutable(candidate)) {
                return Optional.of(new Ffmpeg(candidate));
            }
        }
        return Optional.empty();
    }

    /** An encoder that pipes s16le into ffmpeg and copies its output as it comes, e.g. {@code -c:a libopus -f ogg}. */
    Encoder encoder(List<String> outputArgs) {
        return (out, sampleRate, channels) -> start(outputArgs, sampleRate, channels, out, null, false);
    }

    /**
     * An encoder whose ffmpeg writes to a temporary file and whose output is that file, copied out once it is
     * finished. A muxer that can seek goes back to its header at the end and writes the totals it counted, which it
     * cannot do on a pipe: FLAC's STREAMINFO then holds the sample count, the smallest and largest frame and the MD5 of
     * the audio, where a piped FLAC says 0 samples (unknown), which libsndfile (python soundfile) refuses.
     */
    Encoder wholeEncoder(List<String> outputArgs) {
        return wholeEncoder(outputArgs, false);
    }

    /**
     * As {@link #wholeEncoder(List)}, fed 24-bit samples ({@code s32le}) when {@code deep}, for a 24-bit FLAC; else
     * 16-bit.
     */
    Encoder wholeEncoder(List<String> outputArgs, boolean deep) {
        return (out, sampleRate, channels) -> {
            Path file = Files.createTempFile("cantata-encode-", ".part");
            try {
                return start(outputArgs, sampleRate, channels, out, file, deep);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        };
    }

    /**
     * Starts ffmpeg encoding into {@code file}, or into {@code out} when there is no file; fed 24-bit samples in 32-bit
     * words when {@code deep}, else 16-bit.
     */
    private Encoder.Sink start(
            List<String> outputArgs, int sampleRate, int channels, OutputStream out, @Nullable Path file, boolean deep)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-nostdin", "-hide_banner", "-v", "error"));
        command.addAll(List.of(
                "-protocol_whitelist", "pipe", "-f", deep ? "s32le" : "s16le", "-ar", String.valueOf(sampleRate)));
        command.addAll(List.of("-ac", String.valueOf(channels), "-i", "pipe:0"));
        command.addAll(outputArgs);
        if (file == null) {
            command.add("pipe:1");
        } else {
            // the output's own whitelist: the input stays pipe-only, the output may only be this one file
            command.addAll(List.of("-protocol_whitelist", "file", "-y", file.toString()));
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        if (file != null) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process process = builder.start();
        Thread pump = file == null ? pump(process.getInputStream(), out) : null;
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Thread errorPump = pump(process.getErrorStream(), errors);
        return new Encoder.Sink() {
            private final OutputStream stdin = process.getOutputStream();

            @Override
            public void write(float[] interleaved) throws IOException {
                stdin.write(deep ? Encoder.toS24in32le(interleaved) : Encoder.toS16le(interleaved));
                stdin.flush();
            }

            @Override
            public void finish() throws IOException {
                stdin.close();
                try {
                    if (!process.waitFor(60, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                        throw new IOException("ffmpeg did not finish encoding within 60 s");
                    }
                    if (pump != null) {
                        pump.join();
                    }
                    errorPump.join();
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while ffmpeg was encoding", e);
                }
                if (process.exitValue() != 0) {
                    String why = errors.toString(StandardCharsets.UTF_8).strip();
                    LOG.warn("ffmpeg {} failed (exit {}): {}", outputArgs, process.exitValue(), why);
                    throw new IOException("ffmpeg failed (exit " + process.exitValue() + ")"
                            + (why.isEmpty() ? "" : ": " + reason(why)));
                }
                if (file != null) {
                    Files.copy(file, out);
                }
                out.flush();
            }

            @Override
            public void close() {
                if (process.isAlive()) {
                    process.destroyForcibly();
                }
                if (file != null) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        LOG.warn("could not delete the encoder's temporary file {}", file, e);
                    }
                }
            }
        };
    }

    /**
     * Decodes {@code bytes} with the named demuxer to interleaved float with {@code channels} channels at
     * {@code sampleRate}, at most {@code maxSeconds} long.
     */
    float[] decode(byte[] bytes, String demuxer, int sampleRate, int channels, double maxSeconds)
            throws AudioFormatException, IOException {
        FloatCollector pcm = new FloatCollector();
        run(bytes, demuxer, sampleRate, channels, maxSeconds, pcm);
        return pcm.floats();
    }

    /**
     * How many mono samples at {@code sampleRate} {@code bytes} decode to, up to {@code maxSeconds}' worth, counted as
     * they arrive and never held.
     */
    long count(byte[] bytes, String demuxer, int sampleRate, double maxSeconds)
            throws AudioFormatException, IOException {
        long[] written = {0};
        OutputStream counter = new OutputStream() {
            @Override
            public void write(int b) {
                written[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                written[0] += len;
            }
        };
        run(bytes, demuxer, sampleRate, 1, maxSeconds, counter);
        return written[0] / 4;
    }

    private void run(byte[] bytes, String demuxer, int sampleRate, int channels, double maxSeconds, OutputStream pcm)
            throws AudioFormatException, IOException {
        List<String> command = List.of(
                binary.toString(),
                "-nostdin",
                "-hide_banner",
                "-v",
                "error",
                "-protocol_whitelist",
                "pipe",
                "-f",
                demuxer,
                "-i",
                "pipe:0",
                "-t",
                String.valueOf(maxSeconds),
                "-vn",
                "-ac",
                String.valueOf(channels),
                "-ar",
                String.valueOf(sampleRate),
                "-f",
                "f32le",
                "pipe:1");
        Process process = new ProcessBuilder(command).start();
        CountingStream out = new CountingStream(pcm);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Thread pump = pump(process.getInputStream(), out);
        Thread errorPump = pump(process.getErrorStream(), errors);
        @Nullable IOException feedError = null;
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(bytes);
        } catch (IOException e) {
            feedError = e; // ffmpeg stopped reading: it reached the time limit or gave up; its exit code tells which
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("ffmpeg did not finish decoding within 60 s");
            }
            pump.join();
            errorPump.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while ffmpeg was decoding", e);
        }
        if (process.exitValue() != 0 || out.count < 4) {
            String why = errors.toString(StandardCharsets.UTF_8).strip();
            LOG.info(
                    "ffmpeg could not decode {} bytes as {} (exit {}): {}",
                    bytes.length,
                    demuxer,
                    process.exitValue(),
                    why);
            String reason = reason(why);
            throw new AudioFormatException(
                    "the " + demuxer + " audio could not be decoded" + (reason.isEmpty() ? "" : ": " + reason));
        }
        if (feedError != null && out.count == 0) {
            throw feedError;
        }
    }

    /** Counts what passes through. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        long count; // written by the pump thread, read after it is joined

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /**
     * Little-endian f32 bytes straight into a growing float array: one copy of the audio (and the next size while it
     * grows), where a byte buffer, its copy and the floats made three.
     */
    private static final class FloatCollector extends OutputStream {
        private float[] floats = new float[1 << 16];
        private int size;
        private int partial;
        private int partialBytes;

        @Override
        public void write(int b) {
            partial |= (b & 0xFF) << (8 * partialBytes);
            if (++partialBytes == 4) {
                if (size == floats.length) {
                    floats = java.util.Arrays.copyOf(floats, floats.length + (floats.length >> 1));
                }
                floats[size++] = Float.intBitsToFloat(partial);
                partial = 0;
                partialBytes = 0;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        float[] floats() {
            return java.util.Arrays.copyOf(floats, size);
        }
    }

    /**
     * What a client may read of ffmpeg's error text: its first line without the component's memory address (which
     * would help an attacker defeat address randomisation) or any other address, at most 200 characters. The whole
     * text is logged.
     */
    static String reason(String errors) {
        int newline = errors.indexOf('\n');
        String line = newline < 0 ? errors : errors.substring(0, newline);
        line = ADDRESS.matcher(COMPONENT.matcher(line).replaceAll("")).replaceAll("0x…");
        line = line.replaceAll("\\p{Cntrl}", " ").strip();
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON) + "…";
    }

    private static Thread pump(InputStream in, OutputStream out) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16384];
                    try (in) {
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // the reader went away (client disconnected) or the process died; the waiter reports it
                    }
                },
                "cantata-ffmpeg-pump");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
