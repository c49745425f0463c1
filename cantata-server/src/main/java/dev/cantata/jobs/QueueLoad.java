package dev.cantata.jobs;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The tasks of one kind now queued or running.
 *
 * @param total in all
 * @param client the asking client's
 * @param aheadOfClient those queued before the client's oldest (0 when it has none)
 * @param typical how long one of the recent ones took to run; null before any finished
 */
public record QueueLoad(
        long total,
        long client,
        long aheadOfClient,
        @Nullable Duration typical) {}
