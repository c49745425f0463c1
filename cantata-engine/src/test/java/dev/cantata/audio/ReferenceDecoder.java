package dev.cantata.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes audio with the ffmpeg binary, independently of Cantata's own decoders: what tests check encoded output
 * against, so a bug shared by our encoder and our decoder cannot hide.
 */
public final class ReferenceDecoder {
    private ReferenceDecoder() {}

    /**
     * Mono float samples at {@code rate}; {@code raw} reads headerless s16le mono at that rate.
     *
     * @throws IOException if ffmpeg cannot decode the bytes
     */
    public static float[] decode(byte[] bytes, int rate, boolean raw) throws IOException, InterruptedException {
        Path file = Files.createTempFile("cantata-test", ".audio");
        try {
            Files.write(file, bytes);
            List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error"));
            if (raw) {
                command.addAll(List.of("-f", "s16le", "-ar", String.valueOf(rate), "-ac", "1"));
            }
            command.addAll(
                    List.of("-i", file.toString(), "-f", "f32le", "-ac", "1", "-ar", String.valueOf(rate), "pipe:1"));
            Process p = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                throw new IOException("ffmpeg could not decode the audio");
            }
            float[] samples = new float[out.length / 4];
            ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(samples);
            return samples;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
