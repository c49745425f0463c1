package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cantata.audio.Correlation;
import dev.cantata.audio.KeyEstimator;
import dev.cantata.audio.Pcm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A lifted last chorus on the band's rendered audio: the pitch classes the bass and the chords sound in it (their
 * chroma) are the first chorus's moved up a whole tone. The lead follows the score's notes,
 * whose pitch {@code SongEngineTest} checks on the sung audio.
 */
final class KeyChangeTest {
    /** The band's pitched parts (bass and chords) over {@code span}, mono. */
    static Pcm band(InstrumentRenderer renderer, Arranger.Arrangement played, Score.Span span) throws IOException {
        List<Arranger.Event> pitched = new ArrayList<>(played.bass());
        pitched.addAll(played.other());
        List<Arranger.Event> inSpan = pitched.stream()
                .filter(e -> e.start() >= span.start() - 1e-6 && e.start() < span.end() - 1e-6)
                .map(e -> new Arranger.Event(
                        e.start() - span.start(), e.duration(), e.channel(), e.program(), e.pitch(), e.velocity()))
                .toList();
        float[] stereo = renderer.render(inSpan, span.end() - span.start());
        float[] mono = new float[stereo.length / 2];
        for (int i = 0; i < mono.length; i++) {
            mono[i] = 0.5f * (stereo[2 * i] + stereo[2 * i + 1]);
        }
        return new Pcm(mono, InstrumentRenderer.RATE);
    }

    /** {@code chroma} moved up {@code semitones}: what was on pitch class p is on p + semitones. */
    static double[] rotated(double[] chroma, int semitones) {
        double[] out = new double[12];
        for (int pc = 0; pc < 12; pc++) {
            out[(pc + semitones) % 12] = chroma[pc];
        }
        return out;
    }

    /** The upward shift, 0–11 semitones, that best maps {@code from} onto {@code to}. */
    static int bestShift(double[] from, double[] to) {
        int best = 0;
        for (int k = 1; k < 12; k++) {
            if (Correlation.pearson(rotated(from, k), to) > Correlation.pearson(rotated(from, best), to)) {
                best = k;
            }
        }
        return best;
    }

    @Test
    void theBandPlaysTheLiftedLastChorusAWholeToneHigherInTheSameMode() throws IOException {
        InstrumentRenderer renderer = InstrumentRenderer.load(Optional.empty());
        assumeTrue(renderer.soundfont().startsWith("FluidR3"), "needs the FluidR3 soundfont");
        for (String style : List.of("pop key change", "soul minor key change")) {
            Score score = ComposerTest.compose(style, 4, null);
            Arranger.Arrangement played = Arranger.arrange(score, Style.parse(style), 4);
            List<Score.Span> choruses = score.sections().stream()
                    .filter(s -> s.part() == Lyrics.Part.CHORUS)
                    .toList();

            double[] first = KeyEstimator.chroma(band(renderer, played, choruses.get(0)), 130, 2000);
            double[] lifted = KeyEstimator.chroma(band(renderer, played, choruses.get(choruses.size() - 1)), 130, 2000);

            // the key heard in one chorus alone is ambiguous (a chorus on IV, I and V is heard in IV's key as
            // often as not), so the test compares the two: the lifted chorus's chroma is the first's moved up two
            assertThat(bestShift(first, lifted)).as(style).isEqualTo(2);
            // measured: 0.85 (pop) and 0.90 (soul) moved up two, against 0.24 and 0.18 as it was; the FFT's bins round
            // the partials of the two keys differently, so a transposed part does not correlate at 1
            assertThat(Correlation.pearson(rotated(first, 2), lifted)).as(style).isGreaterThan(0.75);
            assertThat(Correlation.pearson(first, lifted)).as(style).isLessThan(0.5);
        }
    }
}
