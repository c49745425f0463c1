package dev.cantata.jobs;

/**
 * Does the work of one kind of task. A handler may run more than once for the same task (its worker died, or its node
 * shut down), so it must write its files through {@link TaskContext#writeBlob}, which replaces whole files, and must
 * not have other side effects. It should call {@link TaskContext#progress} between stages: that is where it learns that
 * the task was cancelled or taken over.
 */
@FunctionalInterface
public interface TaskHandler {

    /**
     * Runs the task.
     *
     * @return the result to store; the task completes with it unless the claim was lost meanwhile
     * @throws TaskCancelledException when the context reports that the task is no longer this worker's
     * @throws Exception any other failure, which fails the task with the exception's message
     */
    TaskResult run(Task task, TaskContext context) throws Exception;
}
