package dev.cantata.jobs;

import dev.cantata.blobs.BlobStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's workers: a fixed number of threads that claim tasks of the kinds they have handlers for, run them under
 * a lease that a keeper thread renews, and record the outcome. An idle worker polls the store with a back-off up to a
 * cap, and is woken at once when this node queues a task. See {@code docs/architecture.md} for the lease protocol.
 *
 * <p>No task can take a worker with it: an {@link Error} from a handler (a stack overflow in a parser, memory run out
 * on a huge input) fails that task at once, as poisonous, instead of killing the thread and the node's queue with it
 * and being claimed again by the next worker; and a worker thread that dies all the same is replaced.
 */
public final class TaskWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskWorkers.class);
    private static final long MIN_IDLE_MS = 50;
    private static final long MAX_IDLE_MS = 1_000;

    private final TaskStore store;
    private final BlobStore blobs;
    private final Map<String, TaskHandler> handlers;
    private final int count;
    private final Duration lease;
    private final int maxAttempts;
    private final Map<Thread, TaskContext> running = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private int started;
    private final Object wakeUp = new Object();
    private final ScheduledExecutorService keeper =
            Executors.newSingleThreadScheduledExecutor(r -> named(r, "cantata-lease-keeper"));
    private volatile boolean stopping;
    private long wakeUps;

    /**
     * @param handlers the handler of each task kind this node runs
     * @param count how many tasks run at once
     * @param lease how long a claim lasts without renewal; renewed every third of it
     * @param maxAttempts claims a task gets before {@link TaskStore#failAbandoned} gives up on it
     */
    public TaskWorkers(
            TaskStore store,
            BlobStore blobs,
            Map<String, TaskHandler> handlers,
            int count,
            Duration lease,
            int maxAttempts) {
        this.store = store;
        this.blobs = blobs;
        this.handlers = Map.copyOf(handlers);
        this.count = count;
        this.lease = lease;
        this.maxAttempts = maxAttempts;
    }

    /** Starts the workers and the lease keeper; does nothing when there are no handlers. */
    public synchronized void start() {
        if (handlers.isEmpty() || !threads.isEmpty()) {
            return;
        }
        long every = Math.max(100, lease.toMillis() / 3);
        // renewLeases catches and logs its failures per task, so the future never holds one to look at
        var unused = keeper.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
        for (int i = 0; i < count; i++) {
            startWorker();
        }
        LOG.info("{} workers running task kinds {}", count, handlers.keySet());
    }

    private synchronized void startWorker() {
        started++;
        Thread thread = named(this::loop, "cantata-worker-" + started);
        thread.setUncaughtExceptionHandler(this::replace);
        threads.add(thread);
        thread.start();
    }

    /** A worker thread died (nothing a task does should get here): another takes its place. */
    private synchronized void replace(Thread dead, Throwable cause) {
        threads.remove(dead);
        running.remove(dead);
        if (stopping) {
            return;
        }
        try {
            LOG.error("worker {} died; starting another", dead.getName(), cause);
        } catch (Throwable logging) { // the cause may be what broke logging; the worker matters more than the line
        }
        startWorker();
    }

    /** How many worker threads are alive, of the {@link #expected()} ones. */
    public synchronized int alive() {
        return (int) threads.stream().filter(Thread::isAlive).count();
    }

    /** How many workers this node should have running: none before {@link #start()} or without handlers. */
    public synchronized int expected() {
        return started == 0 || stopping ? 0 : count;
    }

    /** Tells idle workers that a task was queued, so they claim it now rather than at their next poll. */
    public void wake() {
        synchronized (wakeUp) {
            wakeUps++;
            wakeUp.notifyAll();
        }
    }

    /**
     * Stops claiming, interrupts the running handlers and gives their tasks back to the queue, waiting up to {@code
     * grace} for the workers to finish. A task given back is claimed again by another node, or by this one when it
     * starts again.
     */
    public void stop(Duration grace) {
        stopping = true;
        wake();
        List<Thread> workers;
        synchronized (this) {
            workers = List.copyOf(threads);
        }
        for (Thread thread : workers) {
            thread.interrupt();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread thread : workers) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        keeper.shutdownNow();
        for (TaskContext context : running.values()) {
            // A worker that did not stop in time: its task goes back to the queue now, and the fence keeps it from
            // completing the task later.
            context.markLost();
            releaseQuietly(context.claim());
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    private void loop() {
        long idle = MIN_IDLE_MS;
        long lastAbandonedCheck = 0;
        while (!stopping) {
            try {
                long now = System.nanoTime();
                if (now - lastAbandonedCheck > lease.toNanos()) {
                    lastAbandonedCheck = now;
                    int failed = store.failAbandoned(maxAttempts);
                    if (failed > 0) {
                        LOG.warn("{} tasks failed: their workers died on every attempt", failed);
                    }
                }
                Optional<Claim> claim = store.claim(Set.copyOf(handlers.keySet()), lease, maxAttempts);
                if (claim.isPresent()) {
                    run(claim.get());
                    idle = MIN_IDLE_MS;
                } else {
                    idleFor(idle);
                    idle = Math.min(MAX_IDLE_MS, idle * 2);
                }
            } catch (InterruptedException e) {
                // stop() interrupts idle workers; the loop condition ends the loop
            } catch (RuntimeException | Error e) {
                LOG.error("worker loop failed; backing off", e);
                try {
                    idleFor(MAX_IDLE_MS);
                } catch (InterruptedException ignored) {
                    // stopping
                }
            }
        }
    }

    private void idleFor(long millis) throws InterruptedException {
        synchronized (wakeUp) {
            long seen = wakeUps;
            long deadline = System.currentTimeMillis() + millis;
            while (!stopping && wakeUps == seen) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return;
                }
                wakeUp.wait(left);
            }
        }
    }

    private void run(Claim claim) {
        Task task = claim.task();
        TaskContext context = new TaskContext(store, blobs, claim, lease);
        running.put(Thread.currentThread(), context);
        long started = System.nanoTime();
        LOG.info("task {} ({}) started, attempt {}", task.id(), task.kind(), task.attempts());
        try {
            TaskHandler handler = handlers.get(task.kind());
            if (handler == null) { // cannot happen: the store claims only the kinds in handlers.keySet()
                throw new IllegalStateException(
                        "task " + task.id() + " has kind " + task.kind() + ", which has no handler");
            }
            TaskResult result = handler.run(task, context);
            clearInterrupt();
            context.checkCancelled();
            if (store.complete(claim, result.json(), result.blobs())) {
                LOG.info("task {} completed in {} ms", task.id(), elapsedMs(started));
            } else {
                LOG.warn("task {} finished, but it was no longer this worker's: result discarded", task.id());
            }
        } catch (Exception e) {
            // An interrupted handler fails in its own way (an IOException from a closed channel, an engine's wrapped
            // InterruptedException...), so why it ended is judged by the worker's state, not by the exception.
            clearInterrupt();
            if (stopping) {
                releaseQuietly(claim);
                LOG.info("task {} given back to the queue: this node is stopping", task.id());
            } else if (context.isLost() || e instanceof TaskCancelledException) {
                LOG.info("task {} stopped: it is no longer this worker's ({})", task.id(), describe(e));
            } else {
                LOG.warn("task {} failed", task.id(), e);
                failQuietly(claim, describe(e));
            }
        } catch (Error e) {
            // Not retried: the next claim would meet the same input and the same end. The stack and whatever the
            // handler
            // held are unwound by now, so this thread can go on.
            clearInterrupt();
            if (stopping) {
                releaseQuietly(claim);
            } else if (!context.isLost()) {
                if (e
                        instanceof
                        StackOverflowError) { // its trace is a thousand copies of the same frames: the top will do
                    LOG.error(
                            "task {} failed with a stack overflow at {}; not retrying it",
                            task.id(),
                            java.util.Arrays.stream(e.getStackTrace())
                                    .limit(6)
                                    .map(String::valueOf)
                                    .toList());
                } else {
                    LOG.error(
                            "task {} failed with {}; not retrying it",
                            task.id(),
                            e.getClass().getSimpleName(),
                            e);
                }
                failQuietly(claim, fatal(e));
            }
        } finally {
            running.remove(Thread.currentThread());
        }
    }

    /** What a task that ended in an {@link Error} says: what gave way, in words a client can act on. */
    static String fatal(Error e) {
        String what = switch (e) {
            case StackOverflowError ignored -> "its input nests too deeply to process (stack overflow)";
            case OutOfMemoryError ignored -> "it needed more memory than this node has (out of memory)";
            default -> "an internal error (" + e.getClass().getSimpleName() + ")";
        };
        String message = e.getMessage();
        return "this task cannot be done: " + what + (message == null || message.isBlank() ? "" : ": " + message)
                + "; it is not retried";
    }

    private void failQuietly(Claim claim, String error) {
        try {
            store.fail(claim, error);
        } catch (RuntimeException storeError) {
            LOG.error("recording the failure of task {} failed", claim.task().id(), storeError);
        }
    }

    private void renewLeases() {
        for (Map.Entry<Thread, TaskContext> entry : running.entrySet()) {
            TaskContext context = entry.getValue();
            try {
                if (!store.renew(context.claim(), lease)) {
                    LOG.info(
                            "task {} is no longer this worker's (cancelled, deleted or taken over)",
                            context.claim().task().id());
                    context.markLost();
                    entry.getKey().interrupt();
                }
            } catch (RuntimeException e) {
                // A database hiccup: the lease has two more renewal periods before it expires.
                LOG.warn(
                        "renewing the lease on task {} failed",
                        context.claim().task().id(),
                        e);
            }
        }
    }

    private void releaseQuietly(Claim claim) {
        try {
            store.release(claim);
        } catch (RuntimeException e) {
            LOG.warn(
                    "giving task {} back failed; its lease will expire instead",
                    claim.task().id(),
                    e);
        }
    }

    /** JDBC pools refuse an interrupted thread, so the flag is cleared before the outcome is written. */
    private static void clearInterrupt() {
        boolean ignored = Thread.interrupted();
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static long elapsedMs(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    private static Thread named(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
