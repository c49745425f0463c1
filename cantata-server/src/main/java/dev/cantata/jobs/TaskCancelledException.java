package dev.cantata.jobs;

/** The task a handler is running is no longer its to run: cancelled, deleted, taken over, or its node is stopping. */
public final class TaskCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskCancelledException(String message) {
        super(message);
    }
}
