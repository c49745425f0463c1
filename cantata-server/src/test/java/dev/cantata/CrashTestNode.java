package dev.cantata;

import dev.cantata.config.Settings;
import dev.cantata.jobs.TaskHandler;
import dev.cantata.jobs.TaskResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A real server process for {@link CrashRecoveryTest}: the production wiring ({@link CantataServer}) with one slow task
 * kind that writes a large file in timed chunks and keeps a journal of its runs outside the blob store.
 *
 * <p>Arguments: data folder, journal file.
 */
public final class CrashTestNode {
    static final String KIND = "slow-file";
    static final int CHUNKS = 16;
    static final int CHUNK_BYTES = 256 * 1024;

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path journal = Path.of(args[1]);
        Settings settings = Settings.loopback(data).toBuilder()
                .lease(Duration.ofSeconds(2))
                .maxRequestBytes(1 << 20)
                .shutdownGrace(Duration.ofSeconds(5))
                .build();
        CantataServer.start(settings, Map.of(KIND, slowFile(journal)), List.of(), InstantSource.system())
                .runUntilStopped();
    }

    static TaskHandler slowFile(Path journal) {
        return (task, context) -> {
            long pid = ProcessHandle.current().pid();
            note(journal, "start " + task.id() + " attempt=" + task.attempts() + " pid=" + pid);
            MessageDigest sha = sha256();
            String key = context.writeBlob("payload.bin", out -> {
                DigestOutputStream digest = new DigestOutputStream(out, sha);
                for (int chunk = 0; chunk < CHUNKS; chunk++) {
                    context.progress(chunk * 100 / CHUNKS, "chunk " + chunk);
                    digest.write(chunk(chunk));
                    try {
                        Thread.sleep(150);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", e);
                    }
                }
                digest.flush();
            });
            String hash = HexFormat.of().formatHex(sha.digest());
            note(journal, "end " + task.id() + " attempt=" + task.attempts() + " pid=" + pid);
            return new TaskResult(
                    "{\"sha256\":\"" + hash + "\",\"pid\":" + pid + ",\"attempt\":" + task.attempts() + "}",
                    List.of(key));
        };
    }

    /** The deterministic content of one chunk, so the test knows what the whole file must be. */
    static byte[] chunk(int index) {
        byte[] bytes = new byte[CHUNK_BYTES];
        new Random(index).nextBytes(bytes);
        return bytes;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void note(Path journal, String line) throws IOException {
        try (OutputStream out = Files.newOutputStream(journal, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
