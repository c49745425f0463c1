package dev.cantata.cli;

import dev.cantata.music.InstrumentRenderer;
import dev.cantata.music.ProductionReport;
import dev.cantata.music.Progress;
import dev.cantata.music.Song;
import dev.cantata.music.SongEngine;
import dev.cantata.music.SongSpec;
import dev.cantata.speech.MaryEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cantata bench production}: how the band plays and the mix sits, genre by genre, on 95 s songs of the bench's
 * lyrics (seed 3): timing and velocity spread per role, strum spread, voice-leading distance, chorus over verse in
 * short-term loudness after mastering, the master's correlation and loudness range, each stem's DC, energy under
 * 20 Hz and clipped samples, whether the named instruments play; then the wall time and stage timings of the 95 s
 * pop rock song, the median of several.
 */
final class ProductionBench {
    /** Styles across the genres' families, one named instrument among them. */
    static final List<String> STYLES = List.of(
            "pop rock",
            "rock",
            "punk",
            "metal",
            "folk, harmonica",
            "soul",
            "funk",
            "jazz",
            "house",
            "hip hop",
            "ballad");

    private final int runs;
    private final List<String> styles;

    ProductionBench(int runs, List<String> styles) {
        this.runs = runs;
        this.styles = List.copyOf(styles);
    }

    int run() throws Exception {
        long started = System.nanoTime();
        MaryEngine mary = MaryEngine.start();
        InstrumentRenderer instruments = InstrumentRenderer.load(Optional.empty());
        System.out.printf(
                Locale.ROOT, "engine start (MaryTTS + soundfont): %.2f s%n", (System.nanoTime() - started) / 1e9);
        // a warm-up song, so the JIT has compiled the DSP before anything is timed
        new SongEngine(mary, instruments).make(SongSpec.of(BenchCommand.LYRICS, "pop", 60.0, 1000), Progress.NONE);
        for (String style : styles) {
            Song song = new SongEngine(mary, instruments)
                    .make(SongSpec.of(BenchCommand.LYRICS, style, 95.0, 3), Progress.NONE);
            print(style, song, ProductionReport.of(song, style, 3));
        }
        List<Double> walls = new ArrayList<>();
        Map<String, Long> stages = Map.of();
        for (int r = 0; r < Math.max(1, runs); r++) {
            // a fresh engine each time: a singer caches the phrases it sang, which would make later runs free
            SongEngine engine = new SongEngine(mary, instruments);
            long t = System.nanoTime();
            Song song = engine.make(SongSpec.of(BenchCommand.LYRICS, "pop rock", 95.0, 3), Progress.NONE);
            walls.add((System.nanoTime() - t) / 1e9);
            stages = song.metadata().timingsMs();
        }
        double wall = BenchCommand.median(
                walls.stream().mapToDouble(Double::doubleValue).toArray());
        System.out.printf(
                Locale.ROOT,
                "95 s pop rock song: %.1f s wall (median of %d: %s); last run's stages (ms) %s%n",
                wall,
                walls.size(),
                walls.stream().map(w -> String.format(Locale.ROOT, "%.1f", w)).toList(),
                stages);
        return 0;
    }

    private static void print(String style, Song song, ProductionReport.Report r) {
        StringBuilder roles = new StringBuilder();
        r.roles()
                .forEach((role, s) -> roles.append(String.format(
                        Locale.ROOT,
                        " %s %.1f/%+.1f ms v±%.0f",
                        role,
                        1000 * s.timingSd(),
                        1000 * s.timingMean(),
                        s.velocitySd())));
        StringBuilder stems = new StringBuilder();
        r.stems()
                .forEach((stem, h) -> stems.append(String.format(
                        Locale.ROOT,
                        " %s dc %.4f <20Hz %.0f dB clip %d;",
                        stem.wireName(),
                        h.dc(),
                        h.below20Db(),
                        h.clipped())));
        System.out.printf(
                Locale.ROOT,
                "%-16s %s: chorus over verse %s dB, correlation %.2f, LRA %.1f LU, strum %.0f ms, voice leading %.1f"
                        + " st/change, bass slides %d, named instruments %s%n  timing σ/mean, velocity σ:%s%n  stems:%s%n",
                style,
                java.util.Objects.requireNonNull(song.metadata().genre(), "a made song names its genre")
                        .wireName(),
                r.chorusOverVerse().stream()
                        .map(d -> String.format(Locale.ROOT, "%+.1f", d))
                        .toList(),
                r.correlation(),
                r.loudnessRange(),
                1000 * r.strumSpread(),
                r.voiceLeading(),
                r.bassSlides(),
                r.namedPresent() ? "play" : "MISSING",
                roles,
                stems);
    }
}
