package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.speech.MaryEngine;
import dev.cantata.speech.Priority;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A song on a pool of one engine and on a pool of several: the pool may change how fast, never what is sung. */
final class SongPoolTest {
    @Test
    void aSongMadeOnOneEngineAndOnSeveralHasTheSameSamples() throws Exception {
        InstrumentRenderer instruments = InstrumentRenderer.load(Optional.empty());
        SongSpec spec = SongSpec.of(SongEngineTest.LYRICS, "pop female", 30.0, 21);
        MaryEngine one = MaryEngine.start(1);
        MaryEngine several = MaryEngine.start(Math.max(2, MaryEngine.defaultEngines()));

        // a new song engine for each: a singer caches the phrases it sang
        Song alone = new SongEngine(one.lane(Priority.SINGING), instruments).make(spec, Progress.NONE);
        Song pooled = new SongEngine(several.lane(Priority.SINGING), instruments).make(spec, Progress.NONE);

        assertThat(several.engines()).isGreaterThan(1);
        assertThat(pooled.master()).isEqualTo(alone.master());
        for (Stem stem : Stem.values()) {
            assertThat(pooled.stems().get(stem))
                    .as(stem.toString())
                    .isEqualTo(alone.stems().get(stem));
        }
    }
}
