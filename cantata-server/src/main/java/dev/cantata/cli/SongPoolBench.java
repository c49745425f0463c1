package dev.cantata.cli;

import dev.cantata.music.InstrumentRenderer;
import dev.cantata.music.Progress;
import dev.cantata.music.SongEngine;
import dev.cantata.music.SongSpec;
import dev.cantata.speech.MaryEngine;
import dev.cantata.speech.Priority;
import java.util.Locale;
import java.util.Optional;

/**
 * The song part of {@code bench load} (issue #16): a 95 s and a 285 s song with vocals made on a pool of one engine
 * and on a pool of an engine per core, alternating, in the same run; the ratio of their wall times is what the pool
 * gains a song, and whether the samples are the same is printed beside it (they must be).
 */
final class SongPoolBench {
    int run() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        MaryEngine one = MaryEngine.start(1);
        MaryEngine many = MaryEngine.start(cores);
        InstrumentRenderer instruments = InstrumentRenderer.load(Optional.empty());
        // warm-up; a new song engine for every song, since each singer caches the phrases it sang
        new SongEngine(many.lane(Priority.SINGING), instruments)
                .make(SongSpec.of(BenchCommand.LYRICS, "pop", 60.0, 1000), Progress.NONE);
        int failures = 0;
        for (double length : new double[] {95, 285}) {
            SongSpec spec = SongSpec.of(BenchCommand.LYRICS, "pop upbeat", length, 3000 + (long) length);
            long t0 = System.nanoTime();
            dev.cantata.music.Song alone =
                    new SongEngine(one.lane(Priority.SINGING), instruments).make(spec, Progress.NONE);
            double oneWall = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            dev.cantata.music.Song pooled =
                    new SongEngine(many.lane(Priority.SINGING), instruments).make(spec, Progress.NONE);
            double manyWall = (System.nanoTime() - t0) / 1e9;
            boolean same = java.util.Arrays.equals(alone.master(), pooled.master());
            failures += same ? 0 : 1;
            System.out.printf(
                    Locale.ROOT,
                    "song with vocals, %.0f s: 1 engine %.1f s, %d engines %.1f s: %.2f× (same samples: %s)%n"
                            + "  stages, 1 engine %s%n  stages, %d engines %s%n",
                    length,
                    oneWall,
                    cores,
                    manyWall,
                    manyWall / oneWall,
                    same ? "yes" : "NO",
                    alone.metadata().timingsMs(),
                    cores,
                    pooled.metadata().timingsMs());
        }
        return failures == 0 ? 0 : 1;
    }
}
