package dev.cantata.jobs;

import java.io.IOException;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Tasks a dialect keeps as a library rather than as scratch (the Suno dialect's clips, which bots and apps link to for
 * as long as they like). The task retention leaves every task that has a row in the library's {@link #table} alone; at
 * each sweep the library deletes what its own retention says is due ({@link #sweep}). Tasks with no such row are
 * scratch and go {@code retention} after they finish.
 */
public interface Library {
    /** What a library's table name may be: it is written into SQL, so it is checked, never taken from a request. */
    Pattern TABLE = Pattern.compile("[a-z][a-z_]*");

    /** The table whose rows are this library's tasks: its {@code id} column holds the task's id. */
    String table();

    /**
     * Deletes, with their files, the library's tasks that are due at {@code now}.
     *
     * @return how many tasks it deleted
     */
    int sweep(Instant now) throws IOException;
}
