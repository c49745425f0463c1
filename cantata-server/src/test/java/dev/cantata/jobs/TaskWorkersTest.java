package dev.cantata.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.blobs.BlobStore;
import dev.cantata.db.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TaskWorkersTest {
    static final Duration LEASE = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    Database db;
    TaskStore store;
    BlobStore blobs;
    TaskWorkers workers;

    @BeforeEach
    void setUp() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("tasks.db"));
        store = new TaskStore(db, InstantSource.system());
        blobs = new BlobStore(dir.resolve("blobs"));
    }

    @AfterEach
    void tearDown() {
        if (workers != null) {
            workers.stop(Duration.ofSeconds(5));
        }
        db.close();
    }

    void startWith(TaskHandler handler) {
        workers = new TaskWorkers(store, blobs, Map.of("echo", handler), 1, LEASE, 3);
        workers.start();
    }

    Task awaitTask(UUID id, Predicate<Task> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Task task = store.find(id).orElseThrow();
            if (condition.test(task)) {
                return task;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("task " + id + " never reached the condition: " + store.find(id));
    }

    @Test
    void aHandlerThatWritesABlobCompletesItsTaskWithItsResult() throws Exception {
        startWith((task, context) -> {
            context.progress(50, "writing");
            String key =
                    context.writeBlob("echo.txt", out -> out.write(task.input().getBytes(StandardCharsets.UTF_8)));
            return new TaskResult("{\"ok\":true}", List.of(key));
        });
        Task task = store.submit("echo", "{\"say\":\"hello\"}");
        workers.wake();

        Task done = awaitTask(task.id(), t -> t.status().finished());

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.result()).isEqualTo("{\"ok\":true}");
        assertThat(done.blobs()).containsExactly("tasks/" + task.id() + "/echo.txt");
        assertThat(new String(blobs.read(done.blobs().get(0)), StandardCharsets.UTF_8))
                .isEqualTo("{\"say\":\"hello\"}");
    }

    @Test
    void aHandlerThatThrowsFailsItsTaskWithTheMessage() throws Exception {
        startWith((task, context) -> {
            throw new IllegalStateException("the lyrics have no singable syllable");
        });
        Task task = store.submit("echo", "{}");

        Task failed = awaitTask(task.id(), t -> t.status().finished());

        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.error()).isEqualTo("the lyrics have no singable syllable");
    }

    @Test
    void aStackOverflowFailsItsTaskAtOnceAndTheWorkerGoesOnToTheNext() throws Exception {
        startWith((task, context) -> {
            if (task.input().contains("poison")) {
                return deeper(0);
            }
            return new TaskResult("{}", List.of());
        });
        Task poison = store.submit("echo", "{\"poison\":true}");
        Task next = store.submit("echo", "{}");
        workers.wake();

        Task failed = awaitTask(poison.id(), t -> t.status().finished());
        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.attempts()).as("not claimed again").isEqualTo(1);
        assertThat(failed.error()).contains("stack overflow").contains("not retried");
        assertThat(awaitTask(next.id(), t -> t.status().finished()).status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(workers.alive()).isEqualTo(workers.expected()).isEqualTo(1);
    }

    private static TaskResult deeper(int depth) {
        return depth < 0 ? new TaskResult("{}", List.of()) : deeper(depth + 1);
    }

    @Test
    void runningOutOfMemoryFailsOnlyThatTask() throws Exception {
        startWith((task, context) -> {
            if (task.input().contains("huge")) {
                // An array longer than any the VM makes: refused at once with an OutOfMemoryError whatever the heap.
                // Filling the heap piece by piece instead took 9 s here and over 20 s on CI (a 6 GB default heap to
                // fill and collect), and starved every other thread of the test JVM while it ran.
                long[] hoard = new long[Integer.MAX_VALUE];
                return new TaskResult(String.valueOf(hoard.length), List.of());
            }
            return new TaskResult("{}", List.of());
        });
        Task huge = store.submit("echo", "{\"huge\":true}");
        Task next = store.submit("echo", "{}");
        workers.wake();

        Task failed = awaitTask(huge.id(), t -> t.status().finished());
        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.error()).contains("out of memory");
        assertThat(awaitTask(next.id(), t -> t.status().finished()).status()).isEqualTo(TaskStatus.COMPLETED);
    }

    /** An error that breaks even the code reporting it, so that it escapes the worker's own handling. */
    static final class Unreportable extends Error {
        @Override
        public String getMessage() {
            throw new Unreportable();
        }

        @Override
        public String toString() {
            throw new Unreportable();
        }
    }

    @Test
    void aWorkerThreadThatDiesIsReplaced() throws Exception {
        startWith((task, context) -> {
            if (task.input().contains("unreportable")) {
                throw new Unreportable();
            }
            return new TaskResult("{}", List.of());
        });
        Task breaker = store.submit("echo", "{\"unreportable\":true}");
        workers.wake();
        awaitTask(breaker.id(), t -> t.status() != TaskStatus.QUEUED);
        Task next = store.submit("echo", "{}");
        workers.wake();

        assertThat(awaitTask(next.id(), t -> t.status().finished()).status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(workers.alive()).isEqualTo(1);
    }

    @Test
    void cancellingARunningTaskStopsItsHandler() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        startWith((task, context) -> {
            started.countDown();
            try {
                while (true) {
                    context.progress(10, "working");
                    Thread.sleep(50);
                }
            } finally {
                stopped.countDown();
            }
        });
        Task task = store.submit("echo", "{}");
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();

        store.cancel(task.id());

        assertThat(stopped.await(20, TimeUnit.SECONDS))
                .as("the handler was stopped")
                .isTrue();
        assertThat(store.find(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
    }

    @Test
    void aLongTaskKeepsItsLeaseWhileItsHandlerRuns() throws Exception {
        startWith((task, context) -> {
            Thread.sleep(LEASE.toMillis() * 3); // no progress reports: only the keeper renews the lease
            return new TaskResult("{}", List.of());
        });
        Task task = store.submit("echo", "{}");

        Task done = awaitTask(task.id(), t -> t.status().finished());

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.attempts()).as("never taken over").isEqualTo(1);
    }

    @Test
    void stoppingTheWorkersGivesTheRunningTaskBackToTheQueue() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        startWith((task, context) -> {
            started.countDown();
            Thread.sleep(60_000);
            return new TaskResult("{}", List.of());
        });
        Task task = store.submit("echo", "{}");
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();

        workers.stop(Duration.ofSeconds(5));
        workers = null;

        Task released = store.find(task.id()).orElseThrow();
        assertThat(released.status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(released.attempts()).isZero();
    }

    @Test
    void workersLeaveTaskKindsTheyHaveNoHandlerForAlone() throws Exception {
        startWith((task, context) -> new TaskResult("{}", List.of()));
        Task other = store.submit("speech", "{}");
        Task echo = store.submit("echo", "{}");

        awaitTask(echo.id(), t -> t.status().finished());

        assertThat(store.find(other.id()).orElseThrow().status()).isEqualTo(TaskStatus.QUEUED);
    }
}
