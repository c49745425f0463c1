package dev.cantata.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cantata.db.Database;
import dev.cantata.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The task store's contract, written once and run against every database Cantata supports. */
abstract class TaskStoreContract {
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Set<String> SONGS = Set.of("song");

    final SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final List<Database> opened = new ArrayList<>();
    TaskStore store;

    /** A fresh, migrated database with an empty task table; several calls reach the same database. */
    abstract Database openDatabase();

    @BeforeEach
    void setUp() {
        Database db = open();
        db.jdbc().update("emptying the task table", "DELETE FROM tasks");
        store = new TaskStore(db, clock);
    }

    Database open() {
        Database db = openDatabase();
        opened.add(db);
        return db;
    }

    /** How many tasks have {@code status}, read with SQL: the store itself never needs to count. */
    int count(TaskStatus status) {
        return opened.get(0)
                .jdbc()
                .queryOne(
                        "counting tasks",
                        "SELECT COUNT(*) FROM tasks WHERE status = ?",
                        row -> row.getInt(1),
                        status.wire())
                .orElseThrow();
    }

    @AfterEach
    void tearDown() {
        opened.forEach(Database::close);
    }

    @Test
    void aSubmittedTaskIsQueuedWithItsInputAndCreationTime() {
        Task task = store.submit("song", "{\"lyrics\":\"la la\"}");

        Task found = store.find(task.id()).orElseThrow();
        assertThat(found.status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(found.kind()).isEqualTo("song");
        assertThat(found.input()).isEqualTo("{\"lyrics\":\"la la\"}");
        assertThat(found.progress()).isZero();
        assertThat(found.createdAt()).isEqualTo(clock.instant());
        assertThat(found.startedAt()).isNull();
        assertThat(found.blobs()).isEmpty();
    }

    @Test
    void anUnknownTaskIsNotFound() {
        assertThat(store.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aClaimTakesTheOldestQueuedTaskOfAKindThisNodeRuns() {
        store.submit("speech", "{}");
        clock.advance(Duration.ofSeconds(1));
        Task first = store.submit("song", "{\"n\":1}");
        clock.advance(Duration.ofSeconds(1));
        store.submit("song", "{\"n\":2}");

        Claim claim = store.claim(SONGS, LEASE, 3).orElseThrow();

        assertThat(claim.task().id()).isEqualTo(first.id());
        assertThat(claim.task().status()).isEqualTo(TaskStatus.PROCESSING);
        assertThat(claim.task().attempts()).isEqualTo(1);
        assertThat(claim.task().startedAt()).isEqualTo(clock.instant());
    }

    @Test
    void aQueuedTasksPlaceCountsTheTasksOfItsKindAClaimWouldTakeFirst() {
        store.submit("speech", "{}");
        Task first = store.submit("song", "{\"n\":1}");
        // the same instant: the claim's order (creation time, then id) decides between them
        Task second = store.submit("song", "{\"n\":2}");
        clock.advance(Duration.ofSeconds(1));
        Task third = store.submit("song", "{\"n\":3}");
        Task[] tied = first.id().toString().compareTo(second.id().toString()) < 0
                ? new Task[] {first, second}
                : new Task[] {second, first};

        assertThat(store.queuePosition(find(tied[0]))).isEqualTo(1);
        assertThat(store.queuePosition(find(tied[1]))).isEqualTo(2);
        assertThat(store.queuePosition(find(third))).isEqualTo(3);

        Claim claim = store.claim(SONGS, LEASE, 3).orElseThrow();

        assertThat(claim.task().id()).isEqualTo(tied[0].id());
        assertThat(store.queuePosition(find(tied[0])))
                .as("running, no longer queued")
                .isZero();
        assertThat(store.queuePosition(find(tied[1]))).isEqualTo(1);
        assertThat(store.queuePosition(find(third))).isEqualTo(2);
    }

    private Task find(Task task) {
        return store.find(task.id()).orElseThrow();
    }

    @Test
    void aTaskIsNotClaimedAgainWhileItsLeaseRuns() {
        store.submit("song", "{}");
        assertThat(store.claim(SONGS, LEASE, 3)).isPresent();

        clock.advance(LEASE.minusSeconds(1));

        assertThat(store.claim(SONGS, LEASE, 3)).isEmpty();
    }

    @Test
    void aTaskWhoseLeaseExpiredIsClaimedAgainAndTheOldClaimCanNoLongerChangeIt() {
        Task task = store.submit("song", "{}");
        Claim dead = store.claim(SONGS, LEASE, 3).orElseThrow();
        clock.advance(LEASE.plusSeconds(1));

        Claim second = store.claim(SONGS, LEASE, 3).orElseThrow();

        assertThat(second.task().id()).isEqualTo(task.id());
        assertThat(second.task().attempts()).isEqualTo(2);
        assertThat(store.progress(dead, 50, "late", LEASE)).isFalse();
        assertThat(store.renew(dead, LEASE)).isFalse();
        assertThat(store.complete(dead, "{\"from\":\"dead\"}", List.of())).isFalse();
        assertThat(store.fail(dead, "dead")).isFalse();
        assertThat(store.complete(second, "{\"from\":\"second\"}", List.of())).isTrue();
        assertThat(store.find(task.id()).orElseThrow().result()).isEqualTo("{\"from\":\"second\"}");
    }

    @Test
    void progressIsRecordedWithItsStageAndRenewsTheLease() {
        Task task = store.submit("song", "{}");
        Claim claim = store.claim(SONGS, LEASE, 3).orElseThrow();
        clock.advance(LEASE.minusSeconds(5));

        assertThat(store.progress(claim, 40, "rendering instruments", LEASE)).isTrue();
        clock.advance(Duration.ofSeconds(10));

        Task found = store.find(task.id()).orElseThrow();
        assertThat(found.progress()).isEqualTo(40);
        assertThat(found.stage()).isEqualTo("rendering instruments");
        assertThat(store.claim(SONGS, LEASE, 3))
                .as("the renewed lease still holds")
                .isEmpty();
    }

    @Test
    void progressOutsideZeroToHundredIsRefused() {
        store.submit("song", "{}");
        Claim claim = store.claim(SONGS, LEASE, 3).orElseThrow();

        assertThatThrownBy(() -> store.progress(claim, 101, "too far", LEASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("101");
    }

    @Test
    void completionStoresTheResultTheBlobsAndTheFinishTime() {
        Task task = store.submit("song", "{}");
        Claim claim = store.claim(SONGS, LEASE, 3).orElseThrow();
        clock.advance(Duration.ofSeconds(12));

        assertThat(store.complete(claim, "{\"duration\":95.1}", List.of("tasks/x/output.wav")))
                .isTrue();

        Task done = store.find(task.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.progress()).isEqualTo(100);
        assertThat(done.result()).isEqualTo("{\"duration\":95.1}");
        assertThat(done.blobs()).containsExactly("tasks/x/output.wav");
        assertThat(done.finishedAt()).isEqualTo(clock.instant());
        assertThat(store.complete(claim, "{}", List.of()))
                .as("a task completes once")
                .isFalse();
    }

    @Test
    void failureStoresTheError() {
        Task task = store.submit("song", "{}");
        Claim claim = store.claim(SONGS, LEASE, 3).orElseThrow();

        assertThat(store.fail(claim, "the soundfont is unreadable")).isTrue();

        Task failed = store.find(task.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.error()).isEqualTo("the soundfont is unreadable");
        assertThat(failed.finishedAt()).isNotNull();
    }

    @Test
    void aReleasedTaskIsQueuedAgainWithoutCountingTheAttempt() {
        Task task = store.submit("song", "{}");
        Claim claim = store.claim(SONGS, LEASE, 3).orElseThrow();

        assertThat(store.release(claim)).isTrue();

        Task released = store.find(task.id()).orElseThrow();
        assertThat(released.status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(released.attempts()).isZero();
        assertThat(store.complete(claim, "{}", List.of())).isFalse();
        assertThat(store.claim(SONGS, LEASE, 3)).isPresent();
    }

    @Test
    void cancellingAQueuedTaskFinishesItAndNoWorkerClaimsIt() {
        Task task = store.submit("song", "{}");

        Task cancelled = store.cancel(task.id()).orElseThrow();

        assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(cancelled.finishedAt()).isNotNull();
        assertThat(store.claim(SONGS, LEASE, 3)).isEmpty();
    }

    @Test
    void cancellingARunningTaskTakesItFromItsWorker() {
        Task task = store.submit("song", "{}");
        Claim claim = store.claim(SONGS, LEASE, 3).orElseThrow();

        store.cancel(task.id());

        assertThat(store.renew(claim, LEASE)).isFalse();
        assertThat(store.complete(claim, "{}", List.of())).isFalse();
        assertThat(store.find(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
    }

    @Test
    void cancellingAFinishedTaskLeavesItAsItWas() {
        Task task = store.submit("song", "{}");
        Claim claim = store.claim(SONGS, LEASE, 3).orElseThrow();
        store.complete(claim, "{}", List.of());

        assertThat(store.cancel(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(store.cancel(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aTaskWhoseWorkersDiedOnEveryAttemptIsFailedNotClaimedAgain() {
        Task task = store.submit("song", "{}");
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(store.claim(SONGS, LEASE, 3)).as("attempt %d", attempt).isPresent();
            clock.advance(LEASE.plusSeconds(1));
        }

        assertThat(store.claim(SONGS, LEASE, 3)).isEmpty();
        assertThat(store.failAbandoned(3)).isEqualTo(1);

        Task failed = store.find(task.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.error()).contains("stopped 3 times");
    }

    @Test
    void aRunningTaskWithALiveLeaseIsNeverFailedAsAbandoned() {
        store.submit("song", "{}");
        assertThat(store.claim(SONGS, LEASE, 1)).isPresent();

        assertThat(store.failAbandoned(1)).isZero();
    }

    @Test
    void finishedBeforeListsOnlyTasksThatFinishedBeforeTheCutoff() {
        Task old = store.submit("song", "{}");
        store.complete(store.claim(SONGS, LEASE, 3).orElseThrow(), "{}", List.of());
        Instant cutoff = clock.instant().plusSeconds(1);
        clock.advance(Duration.ofSeconds(2));
        store.submit("song", "{}");
        store.complete(store.claim(SONGS, LEASE, 3).orElseThrow(), "{}", List.of());
        store.submit("song", "{}");

        assertThat(store.finishedBefore(cutoff, 10)).extracting(Task::id).containsExactly(old.id());
    }

    @Test
    void deleteRemovesTheTask() {
        Task task = store.submit("song", "{}");

        assertThat(store.delete(task.id())).isTrue();
        assertThat(store.find(task.id())).isEmpty();
        assertThat(store.delete(task.id())).isFalse();
    }

    @Test
    void twoNodesClaimingAtOnceTakeEveryTaskExactlyOnce() throws Exception {
        int tasks = 120;
        Set<UUID> submitted = new HashSet<>();
        for (int i = 0; i < tasks; i++) {
            submitted.add(store.submit("song", "{\"n\":" + i + "}").id());
        }
        List<TaskStore> nodes = List.of(store, new TaskStore(open(), clock));
        Set<UUID> claimed = ConcurrentHashMap.newKeySet();
        List<UUID> claimsInOrder = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                TaskStore node = nodes.get(t % 2);
                runs.add(pool.submit(() -> {
                    for (Optional<Claim> claim = node.claim(SONGS, LEASE, 3);
                            claim.isPresent();
                            claim = node.claim(SONGS, LEASE, 3)) {
                        claimed.add(claim.get().task().id());
                        claimsInOrder.add(claim.get().task().id());
                        assertThat(node.complete(claim.get(), "{}", List.of())).isTrue();
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(claimsInOrder).hasSize(tasks);
        assertThat(claimed).isEqualTo(submitted);
        assertThat(count(TaskStatus.COMPLETED)).isEqualTo(tasks);
    }
}
