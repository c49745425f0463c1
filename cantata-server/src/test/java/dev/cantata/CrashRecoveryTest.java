package dev.cantata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.blobs.BlobStore;
import dev.cantata.config.Settings;
import dev.cantata.db.Database;
import dev.cantata.jobs.Task;
import dev.cantata.jobs.TaskStatus;
import dev.cantata.jobs.TaskStore;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server processes killed mid-task. The test holds the same SQLite file open as the server, as a second process
 * would, and watches the task through it.
 */
final class CrashRecoveryTest {
    @TempDir
    Path dir;

    Path data;
    Path journal;
    Database db;
    TaskStore store;
    final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        data = dir.resolve("data");
        journal = dir.resolve("journal.txt");
        db = Database.open(Settings.defaultDbUrl(data));
        store = new TaskStore(db, InstantSource.system());
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        db.close();
    }

    Process startNode(String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashTestNode.class.getName(),
                        data.toString(),
                        journal.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile())
                .start();
        processes.add(process);
        return process;
    }

    Task await(UUID id, Predicate<Task> condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Task task = store.find(id).orElseThrow();
            if (condition.test(task)) {
                return task;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("task never " + what + ": " + store.find(id) + "\n" + logs());
    }

    String logs() throws Exception {
        StringBuilder all = new StringBuilder();
        for (File file : dir.toFile().listFiles((d, n) -> n.endsWith(".log") || n.equals("journal.txt"))) {
            all.append("--- ").append(file.getName()).append('\n').append(Files.readString(file.toPath()));
        }
        return all.toString();
    }

    @Test
    void aTaskWhoseServerIsKilledMidwayCompletesExactlyOnceAfterARestartWithItsFileIntact() throws Exception {
        Task task = store.submit(CrashTestNode.KIND, "{}");
        Process first = startNode("first");
        await(task.id(), t -> t.status() == TaskStatus.PROCESSING && t.progress() >= 25, "got a quarter done");

        first.destroyForcibly(); // SIGKILL: no shutdown hook, no release
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Task orphaned = store.find(task.id()).orElseThrow();
        assertThat(orphaned.status())
                .as("a killed worker cannot give its task back")
                .isEqualTo(TaskStatus.PROCESSING);
        String key = Task.blobFolder(task.id()) + "/payload.bin";
        BlobStore blobs = new BlobStore(data.resolve("blobs"));
        assertThat(blobs.exists(key)).as("no half-written file is visible").isFalse();

        Process second = startNode("second");
        Task done = await(task.id(), t -> t.status().finished(), "finished");

        assertThat(done.status()).as(logs()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.blobs()).containsExactly(key);
        JsonNode result = new ObjectMapper().readTree(done.result());
        assertThat(result.get("pid").asLong()).isEqualTo(second.pid());
        MessageDigest expected = CrashTestNode.sha256();
        for (int chunk = 0; chunk < CrashTestNode.CHUNKS; chunk++) {
            expected.update(CrashTestNode.chunk(chunk));
        }
        String expectedHash = HexFormat.of().formatHex(expected.digest());
        assertThat(result.get("sha256").asText()).isEqualTo(expectedHash);
        assertThat(HexFormat.of().formatHex(CrashTestNode.sha256().digest(blobs.read(key))))
                .isEqualTo(expectedHash);
        List<String> runs = Files.readAllLines(journal);
        assertThat(runs).filteredOn(line -> line.startsWith("start")).hasSize(2);
        assertThat(runs)
                .filteredOn(line -> line.startsWith("end"))
                .containsExactly("end " + task.id() + " attempt=2 pid=" + second.pid());
    }

    @Test
    void aServerStoppedWithSigtermGivesItsRunningTaskBackToTheQueue() throws Exception {
        Task task = store.submit(CrashTestNode.KIND, "{}");
        Process node = startNode("node");
        await(task.id(), t -> t.status() == TaskStatus.PROCESSING && t.progress() > 0, "started");

        node.destroy(); // SIGTERM: the shutdown hook runs

        assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("the server stops").isTrue();
        Task released = store.find(task.id()).orElseThrow();
        assertThat(released.status()).as(logs()).isEqualTo(TaskStatus.QUEUED);
        assertThat(released.attempts())
                .as("a clean stop does not use up an attempt")
                .isZero();
        assertThat(Files.readString(dir.resolve("node.log"))).contains("given back to the queue", "stopped");
    }
}
