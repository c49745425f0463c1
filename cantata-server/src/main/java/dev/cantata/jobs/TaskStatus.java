package dev.cantata.jobs;

import java.util.Locale;

/** Where a task is in its life: queued → processing → completed | failed | cancelled. */
public enum TaskStatus {
    QUEUED,
    PROCESSING,
    COMPLETED,
    FAILED,
    CANCELLED;

    /** The word stored in the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TaskStatus ofWire(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }

    /** True once nothing more will happen to the task but its deletion. */
    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
