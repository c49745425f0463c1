package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cantata.audio.Pcm;
import dev.cantata.speech.MaryEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tempo and key recovered from Cantata's own songs, across genres. */
final class ReferenceStyleTest {
    static SongEngine engine;

    @BeforeAll
    static void start() throws Exception {
        engine = new SongEngine(MaryEngine.start(), InstrumentRenderer.load(Optional.empty()));
    }

    static Pcm mono(float[] stereo) {
        float[] m = new float[stereo.length / 2];
        for (int i = 0; i < m.length; i++) {
            m[i] = 0.5f * (stereo[2 * i] + stereo[2 * i + 1]);
        }
        return new Pcm(m, Song.RATE);
    }

    /**
     * Issue 5 asks for 90 %. Measured: 18 of 20 until the band learnt to play (issue #15), then 17 (hip hop's key was
     * heard as its iii); 18 again with the band of 2026-12-03, and 19 since the tempo estimator checks the half-beats
     * (metal at 170 and punk at 190 BPM were heard at two-thirds of their tempo). The one miss is metal's key: its power
     * chords carry no third, so C minor reads as F major. Twenty other seeds (300–319) read 15 of 20 before and after
     * that change: this set is the floor's, not a promise for every song.
     */
    @Test
    void tempoAndKeyOfTwentySongsAcrossGenresAreRecoveredForNinetyPercent() throws Exception {
        String[] styles = {
            "pop",
            "rock",
            "metal",
            "punk",
            "folk",
            "country",
            "jazz",
            "blues",
            "soul",
            "funk",
            "disco",
            "electronic",
            "house",
            "hip hop",
            "lofi",
            "reggae",
            "latin",
            "gospel",
            "indie",
            "ballad"
        };
        List<String> misses = new ArrayList<>();
        int good = 0;
        for (int i = 0; i < styles.length; i++) {
            Song song = engine.make(new SongSpec("", styles[i], 24.0, 100 + i, true, null, null, 0), Progress.NONE);
            ReferenceStyle.Analysis analysis = ReferenceStyle.analyze(mono(song.master()));
            Score score = song.score();
            boolean tempo = Math.abs(analysis.tempo() - score.tempo()) <= score.tempo() * 0.02;
            boolean key = analysis.key() == score.key() && analysis.minor() == score.minor();
            if (tempo && key) {
                good++;
            } else {
                misses.add(String.format(
                        "%s: tempo %.1f vs %.1f, key %d%s vs %d%s",
                        styles[i],
                        analysis.tempo(),
                        score.tempo(),
                        analysis.key(),
                        analysis.minor() ? "m" : "",
                        score.key(),
                        score.minor() ? "m" : ""));
            }
        }
        assertThat(good).as("songs recovered; misses: %s", misses).isGreaterThanOrEqualTo(18);
    }

    @Test
    void theStyleFromAReferenceCarriesItsTempoAndKey() {
        ReferenceStyle.Analysis analysis = new ReferenceStyle.Analysis(128, 0.1, 2, true, -14, 3000, 4);

        Style style = analysis.style("dreamy");

        assertThat(style.tempo()).isEqualTo(128.0);
        assertThat(style.key()).isEqualTo(2);
        assertThat(style.minor()).isTrue();
        assertThat(style.moods()).contains("dreamy");
    }

    @Test
    void aReferenceShorterThanTenSecondsIsRefused() {
        assertThatThrownBy(() -> ReferenceStyle.analyze(Pcm.silence(9.5, 22_050)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 10 s");
    }
}
