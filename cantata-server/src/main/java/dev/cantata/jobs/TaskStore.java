package dev.cantata.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.db.Database;
import dev.cantata.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The durable task table. Every change is one SQL statement, and every change a worker makes is fenced by its claim's
 * token (see {@link Claim}), so the table is the single truth about who may change a task. Time comes from the
 * injected clock.
 */
public final class TaskStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final Jdbc jdbc;
    private final TaskDialect dialect;
    private final InstantSource clock;

    public TaskStore(Database database, InstantSource clock) {
        this.jdbc = database.jdbc();
        this.dialect = TaskDialect.of(database.dialect());
        this.clock = clock;
    }

    /** Queues a new task. {@code input} must be JSON. */
    public Task submit(String kind, String input) {
        return submit(UUID.randomUUID(), kind, input);
    }

    /**
     * Queues a new task with an id chosen beforehand, so its input files can be written to its folder before any worker
     * can claim it.
     */
    public Task submit(UUID id, String kind, String input) {
        return submit(id, kind, input, null, QueueLimit.NONE).orElseThrow();
    }

    /**
     * Queues a new task for {@code client} if the queue has room: fewer than {@code limit.total()} tasks of this kind
     * queued or running, and fewer than {@code limit.perClient()} of them {@code client}'s. The check and the insert are
     * one statement, so on SQLite (one writer) the limits hold exactly; on PostgreSQL, requests inserting at the same
     * instant may pass them by as many as they are.
     *
     * @param client who asked for the task (an account or an address); null counts only against the total
     * @return the new task, or empty when the queue is full
     */
    public Optional<Task> submit(UUID id, String kind, String input, @Nullable String client, QueueLimit limit) {
        if (kind.isBlank()) {
            throw new IllegalArgumentException("a task needs a kind");
        }
        int inserted = jdbc.update(
                "queueing a " + kind + " task",
                "INSERT INTO tasks (id, kind, input, status, progress, stage, created_at, client)"
                        + " SELECT ?, ?, ?, 'queued', 0, 'queued', ?, ?"
                        + " WHERE (SELECT COUNT(*) FROM tasks WHERE kind = ? AND status IN ('queued', 'processing')) < ?"
                        + " AND (SELECT COUNT(*) FROM tasks WHERE client = ? AND kind = ?"
                        + " AND status IN ('queued', 'processing')) < ?",
                dialect.id(id),
                kind,
                input,
                clock.millis(),
                client,
                kind,
                limit.total(),
                client,
                kind,
                limit.perClient());
        return inserted == 1 ? find(id) : Optional.empty();
    }

    /**
     * How many tasks of {@code kind} are queued or running, in all and of {@code client}, and how long one of them
     * takes: what a full queue tells a client about when to come back.
     */
    public QueueLoad load(String kind, @Nullable String client) {
        String active = "kind = ? AND status IN ('queued', 'processing')";
        long total = jdbc.queryOne(
                        "counting " + kind + " tasks",
                        "SELECT COUNT(*) FROM tasks WHERE " + active,
                        row -> row.getLong(1),
                        kind)
                .orElse(0L);
        long mine = 0;
        long ahead = 0;
        if (client != null) {
            mine = jdbc.queryOne(
                            "counting a client's " + kind + " tasks",
                            "SELECT COUNT(*) FROM tasks WHERE client = ? AND " + active,
                            row -> row.getLong(1),
                            client,
                            kind)
                    .orElse(0L);
            ahead = jdbc.queryOne(
                            "counting the " + kind + " tasks ahead of a client's",
                            "SELECT COUNT(*) FROM tasks WHERE " + active + " AND created_at < (SELECT MIN(created_at)"
                                    + " FROM tasks WHERE client = ? AND " + active + ")",
                            row -> row.getLong(1),
                            kind,
                            client,
                            kind)
                    .orElse(0L);
        }
        // The last 20 that finished: a recent, cheap estimate (the finish index keeps it to a short scan).
        long averageMillis = jdbc.queryOne(
                        "timing recent " + kind + " tasks",
                        "SELECT AVG(finished_at - started_at) FROM (SELECT finished_at, started_at FROM tasks"
                                + " WHERE kind = ? AND status = 'completed' AND started_at IS NOT NULL"
                                + " ORDER BY finished_at DESC LIMIT 20) recent",
                        row -> {
                            long millis = row.getLong(1);
                            return row.wasNull() ? 0L : millis;
                        },
                        kind)
                .orElse(0L);
        return new QueueLoad(total, mine, ahead, averageMillis > 0 ? Duration.ofMillis(averageMillis) : null);
    }

    /**
     * A queued task's place in its kind's queue: 1 when it is the next to be claimed (claims take the oldest first, by
     * creation time then id, as {@link TaskDialect} orders them), 0 when it is not queued.
     */
    public long queuePosition(Task task) {
        if (task.status() != TaskStatus.QUEUED) {
            return 0;
        }
        long created = task.createdAt().toEpochMilli();
        return 1
                + jdbc.queryOne(
                                "counting the tasks queued ahead of task " + task.id(),
                                "SELECT COUNT(*) FROM tasks WHERE kind = ? AND status = 'queued'"
                                        + " AND (created_at < ? OR (created_at = ? AND id < ?))",
                                row -> row.getLong(1),
                                task.kind(),
                                created,
                                created,
                                dialect.id(task.id()))
                        .orElse(0L);
    }

    /** The tasks of {@code ids} that exist, in no particular order (one statement, for pages of a feed). */
    public List<Task> findAll(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return jdbc.query(
                "reading " + ids.size() + " tasks",
                "SELECT * FROM tasks WHERE id IN (" + placeholders + ")",
                TaskStore::task,
                ids.stream().map(dialect::id).toArray());
    }

    public Optional<Task> find(UUID id) {
        return jdbc.queryOne("reading task " + id, "SELECT * FROM tasks WHERE id = ?", TaskStore::task, dialect.id(id));
    }

    /**
     * Claims the oldest claimable task of the given kinds for {@code lease}, or none. A task whose previous worker's
     * lease expired is claimable again until it has been claimed {@code maxAttempts} times.
     */
    public Optional<Claim> claim(Set<String> kinds, Duration lease, int maxAttempts) {
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        UUID token = UUID.randomUUID();
        long now = clock.millis();
        List<Object> args = new ArrayList<>();
        args.add(dialect.id(token));
        args.add(now + lease.toMillis());
        args.add(now);
        args.addAll(kinds.stream().sorted().toList());
        args.add(now);
        args.add(maxAttempts);
        return jdbc.queryOne("claiming a task", dialect.claim(kinds.size()), TaskStore::task, args.toArray())
                .map(task -> new Claim(task, token));
    }

    /** Extends a claim's lease; false when the claim is no longer ours (expired and taken, cancelled, deleted). */
    public boolean renew(Claim claim, Duration lease) {
        return jdbc.update(
                        "renewing the lease on task " + claim.task().id(),
                        "UPDATE tasks SET lease_until = ? WHERE id = ? AND lease_token = ? AND status = 'processing'",
                        clock.millis() + lease.toMillis(),
                        dialect.id(claim.task().id()),
                        dialect.id(claim.token()))
                == 1;
    }

    /** Records progress (and renews the lease); false when the claim is no longer ours. */
    public boolean progress(Claim claim, int percent, String stage, Duration lease) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("progress " + percent + " is outside 0–100");
        }
        return jdbc.update(
                        "recording progress of task " + claim.task().id(),
                        "UPDATE tasks SET progress = ?, stage = ?, lease_until = ?"
                                + " WHERE id = ? AND lease_token = ? AND status = 'processing'",
                        percent,
                        stage,
                        clock.millis() + lease.toMillis(),
                        dialect.id(claim.task().id()),
                        dialect.id(claim.token()))
                == 1;
    }

    /** Completes a claimed task; false (and nothing written) when the claim is no longer ours. */
    public boolean complete(Claim claim, String result, List<String> blobs) {
        return jdbc.update(
                        "completing task " + claim.task().id(),
                        "UPDATE tasks SET status = 'completed', progress = 100, stage = 'completed', result = ?, blobs = ?,"
                                + " finished_at = ?, lease_token = NULL, lease_until = NULL"
                                + " WHERE id = ? AND lease_token = ? AND status = 'processing'",
                        result,
                        json(blobs),
                        clock.millis(),
                        dialect.id(claim.task().id()),
                        dialect.id(claim.token()))
                == 1;
    }

    /** Fails a claimed task with an error text; false when the claim is no longer ours. */
    public boolean fail(Claim claim, String error) {
        return jdbc.update(
                        "failing task " + claim.task().id(),
                        "UPDATE tasks SET status = 'failed', stage = 'failed', error = ?, finished_at = ?,"
                                + " lease_token = NULL, lease_until = NULL"
                                + " WHERE id = ? AND lease_token = ? AND status = 'processing'",
                        error,
                        clock.millis(),
                        dialect.id(claim.task().id()),
                        dialect.id(claim.token()))
                == 1;
    }

    /**
     * Gives a claimed task back to the queue without counting the attempt, as a node does when it shuts down; false
     * when the claim is no longer ours.
     */
    public boolean release(Claim claim) {
        return jdbc.update(
                        "releasing task " + claim.task().id(),
                        "UPDATE tasks SET status = 'queued', stage = 'queued', progress = 0, attempts = attempts - 1,"
                                + " lease_token = NULL, lease_until = NULL"
                                + " WHERE id = ? AND lease_token = ? AND status = 'processing'",
                        dialect.id(claim.task().id()),
                        dialect.id(claim.token()))
                == 1;
    }

    /**
     * Cancels a task that has not finished. A worker running it notices at its next renewal or progress report.
     *
     * @return the task as it is now, or empty when there is no such task
     */
    public Optional<Task> cancel(UUID id) {
        jdbc.update(
                "cancelling task " + id,
                "UPDATE tasks SET status = 'cancelled', stage = 'cancelled', finished_at = ?,"
                        + " lease_token = NULL, lease_until = NULL WHERE id = ? AND status IN ('queued', 'processing')",
                clock.millis(),
                dialect.id(id));
        return find(id);
    }

    /** Deletes a task row (its blobs are the caller's to delete); false when there was none. */
    public boolean delete(UUID id) {
        return jdbc.update("deleting task " + id, "DELETE FROM tasks WHERE id = ?", dialect.id(id)) == 1;
    }

    /**
     * Fails the tasks whose workers died (lease expired) after their last allowed attempt, so a task that kills every
     * worker that runs it does not stay "processing" for ever.
     *
     * @return how many tasks were failed
     */
    public int failAbandoned(int maxAttempts) {
        long now = clock.millis();
        return jdbc.update(
                "failing abandoned tasks",
                "UPDATE tasks SET status = 'failed', stage = 'failed', finished_at = ?, lease_token = NULL,"
                        + " lease_until = NULL, error = 'the worker running this task stopped ' || attempts"
                        + " || ' times without finishing it (crashed or killed); giving up'"
                        + " WHERE status = 'processing' AND lease_until < ? AND attempts >= ?",
                now,
                now,
                maxAttempts);
    }

    /** Up to {@code limit} tasks that finished before {@code cutoff}, oldest first. */
    public List<Task> finishedBefore(Instant cutoff, int limit) {
        return finishedBefore(cutoff, limit, List.of());
    }

    /**
     * Up to {@code limit} tasks that finished before {@code cutoff}, oldest first, leaving out every task that has a row
     * in one of {@code keptIn} (the tables of {@link Library libraries}, whose {@code id} is the task's). The scan walks
     * the finish index from the oldest and looks each task up in those tables by primary key, so tasks kept for ever
     * cost one lookup each a sweep.
     */
    public List<Task> finishedBefore(Instant cutoff, int limit, List<String> keptIn) {
        StringBuilder sql = new StringBuilder("SELECT * FROM tasks WHERE finished_at IS NOT NULL AND finished_at < ?");
        for (String table : keptIn) {
            if (!Library.TABLE.matcher(table).matches()) {
                throw new IllegalArgumentException("not a table name: " + table);
            }
            sql.append(" AND NOT EXISTS (SELECT 1 FROM ").append(table).append(" kept WHERE kept.id = tasks.id)");
        }
        sql.append(" ORDER BY finished_at LIMIT ?");
        return jdbc.query("listing finished tasks", sql.toString(), TaskStore::task, cutoff.toEpochMilli(), limit);
    }

    private static Task task(ResultSet row) throws SQLException {
        return new Task(
                UUID.fromString(row.getString("id")),
                row.getString("kind"),
                row.getString("input"),
                TaskStatus.ofWire(row.getString("status")),
                row.getInt("progress"),
                row.getString("stage"),
                row.getString("error"),
                row.getString("result"),
                strings(row.getString("blobs")),
                row.getInt("attempts"),
                Instant.ofEpochMilli(row.getLong("created_at")),
                instant(row, "started_at"),
                instant(row, "finished_at"));
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static List<String> strings(String json) throws SQLException {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new SQLException("the blobs column holds invalid JSON: " + json, e);
        }
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }
}
