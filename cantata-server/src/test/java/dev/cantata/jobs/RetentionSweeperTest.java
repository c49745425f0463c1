package dev.cantata.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cantata.blobs.BlobStore;
import dev.cantata.db.Database;
import dev.cantata.testing.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RetentionSweeperTest {
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration RETENTION = Duration.ofHours(24);

    @TempDir
    Path dir;

    final SettableClock clock = new SettableClock(Instant.now());
    Database db;
    TaskStore store;
    BlobStore blobs;
    RetentionSweeper sweeper;

    @BeforeEach
    void setUp() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("tasks.db"));
        store = new TaskStore(db, clock);
        blobs = new BlobStore(dir.resolve("blobs"));
        sweeper = new RetentionSweeper(store, blobs, RETENTION, clock);
    }

    @AfterEach
    void tearDown() {
        sweeper.close();
        db.close();
    }

    Task completedWithAFile() throws Exception {
        Task task = store.submit("song", "{}");
        Claim claim = store.claim(Set.of("song"), LEASE, 3).orElseThrow();
        String key = Task.blobFolder(task.id()) + "/output.wav";
        blobs.write(key, new byte[] {1, 2, 3});
        store.complete(claim, "{}", List.of(key));
        return task;
    }

    @Test
    void aFinishedTaskIsKeptUntilTheRetentionHasPassed() throws Exception {
        Task task = completedWithAFile();
        clock.advance(RETENTION.minusMinutes(1));

        assertThat(sweeper.sweep()).isZero();

        assertThat(store.find(task.id())).isPresent();
        assertThat(blobs.exists(Task.blobFolder(task.id()) + "/output.wav")).isTrue();
    }

    @Test
    void aFinishedTaskOlderThanTheRetentionIsDeletedWithItsFiles() throws Exception {
        Task task = completedWithAFile();
        clock.advance(RETENTION.plusMinutes(1));

        assertThat(sweeper.sweep()).isEqualTo(1);

        assertThat(store.find(task.id())).isEmpty();
        assertThat(blobs.list("tasks")).isEmpty();
    }

    @Test
    void aTaskALibraryKeepsIsLeftToTheLibraryWhichIsAskedAtEverySweep() throws Exception {
        db.jdbc().update("making a library's table", "CREATE TABLE kept_songs (id TEXT PRIMARY KEY)");
        Task kept = completedWithAFile();
        Task scratch = completedWithAFile();
        db.jdbc()
                .update(
                        "keeping a task",
                        "INSERT INTO kept_songs (id) VALUES (?)",
                        kept.id().toString());
        List<Instant> asked = new java.util.ArrayList<>();
        Library library = new Library() {
            @Override
            public String table() {
                return "kept_songs";
            }

            @Override
            public int sweep(Instant now) {
                asked.add(now);
                return 0;
            }
        };
        RetentionSweeper withLibrary = new RetentionSweeper(store, blobs, RETENTION, clock, List.of(library));
        clock.advance(RETENTION.multipliedBy(30));

        assertThat(withLibrary.sweep()).isEqualTo(1);

        assertThat(store.find(scratch.id())).isEmpty();
        assertThat(store.find(kept.id())).isPresent();
        assertThat(blobs.exists(Task.blobFolder(kept.id()) + "/output.wav")).isTrue();
        assertThat(asked).containsExactly(clock.instant());
        withLibrary.close();
    }

    @Test
    void aLibraryTableMustBeATableName() {
        assertThatThrownBy(() -> store.finishedBefore(clock.instant(), 10, List.of("tasks; DROP TABLE tasks")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unfinishedTasksAreNeverDeletedHoweverOld() throws Exception {
        Task queued = store.submit("song", "{}");
        Task running = store.submit("song", "{}");
        store.claim(Set.of("song"), LEASE, 3);
        clock.advance(RETENTION.multipliedBy(3));

        sweeper.sweep();

        assertThat(store.find(queued.id())).isPresent();
        assertThat(store.find(running.id())).isPresent();
    }

    @Test
    void aTaskFolderWithNoTaskIsDeletedOnceItIsOld() throws Exception {
        String orphan = "tasks/" + UUID.randomUUID();
        blobs.write(orphan + "/output.wav", new byte[] {1});
        blobs.write("voices/alice.wav", new byte[] {1});
        clock.advance(Duration.ofHours(2));

        sweeper.sweep();

        assertThat(blobs.list("tasks")).isEmpty();
        assertThat(blobs.exists("voices/alice.wav"))
                .as("files outside task folders are not the sweep's")
                .isTrue();
    }

    @Test
    void aYoungTaskFolderWithNoTaskIsLeftAlone() throws Exception {
        String young = "tasks/" + UUID.randomUUID();
        blobs.write(young + "/output.wav", new byte[] {1});

        sweeper.sweep();

        assertThat(blobs.exists(young + "/output.wav")).isTrue();
    }
}
