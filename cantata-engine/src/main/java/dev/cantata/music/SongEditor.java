package dev.cantata.music;

import dev.cantata.audio.Loudness;
import dev.cantata.audio.Pcm;
import dev.cantata.audio.TempoEstimator;
import dev.cantata.speech.SpeechException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Changes songs that exist: {@link #extend} continues one from a point, {@link #edit} regenerates spans of one (a
 * Cantata song, from its {@link Score}) and {@link #editRecording} does the same for any uploaded recording, from its
 * measured tempo, beat phase and key.
 *
 * <p>The promise of all three: every sample outside what was asked to change is the input's sample, bit for bit. The
 * only blending is a {@value #SEAM_MS} ms linear crossfade just inside each seam, and seams sit on beats, so the new
 * material enters in time. A linear crossfade of two signals never exceeds the louder of them, so the seams keep the
 * master's true-peak ceiling.
 */
public final class SongEditor {
    static final int SEAM_MS = 30;
    private static final int SEAM = Song.RATE * SEAM_MS / 1000;

    private final SongEngine engine;

    public SongEditor(SongEngine engine) {
        this.engine = engine;
    }

    /**
     * Continues {@code source} at the first beat at or after {@code continueAt} with the song {@code next} describes
     * (its lyrics; its style words added to the source's, which keeps tempo, key and instruments unless those words
     * name others). The result is the source up to that beat, sample for sample, then the new material.
     *
     * @throws IllegalArgumentException when {@code continueAt} is outside the song
     */
    public Song extend(Song source, double continueAt, SongSpec next, Progress progress)
            throws SpeechException, IOException {
        double length = source.seconds();
        if (!(continueAt > 0 && continueAt <= length + 1e-6)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "continue_at must be between 0 and the song's length (%.2f s), not %s",
                    length,
                    continueAt));
        }
        Score score = source.score();
        // continuing at the very end may put the join a little after it: silence until the beat keeps the tempo
        double join = score.nextBeat(continueAt);
        Style own = Style.parse(next.style());
        String sourceStyle = source.metadata().style();
        // the new words first: the first genre, tempo and key named win, the source's instruments stay
        Style style = Style.parse((next.style() + " " + sourceStyle).strip());
        Score.Tempo beat = score.tempoAt(join);
        style = style.pinned(
                own.tempo() != null ? own.tempo() : beat.bpm(),
                own.key() != null ? own.key() : score.keyAt(join),
                own.minor() != null ? own.minor() : score.minor());
        // an extended song is a song: at most SongSpec.MAX_LENGTH long, whatever the new lyrics would take
        double room = SongSpec.MAX_LENGTH - join;
        if (room < SongSpec.MIN_LENGTH) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "continuing at %.2f s leaves less than %d s before a song's longest length (%d s)",
                    join,
                    SongSpec.MIN_LENGTH,
                    SongSpec.MAX_LENGTH));
        }
        if (next.length() != null && next.length() > room) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%.1f s more from %.2f s would make the song longer than %d s; at most %.1f s can be added",
                    next.length(),
                    join,
                    SongSpec.MAX_LENGTH,
                    Math.floor(room * 10) / 10));
        }
        Lyrics lyrics = next.instrumental() ? Lyrics.NONE : Lyrics.parse(next.lyrics());
        Song tail = engine.render(lyrics, style, next, true, room, phrase -> true, progress);

        int at = frameOf(join);
        int total = Math.min(at + tail.master().length / 2, SongSpec.MAX_LENGTH * Song.RATE);
        float[] master = joined(source.master(), tail.master(), at, total);
        EnumMap<Stem, float[]> stems = new EnumMap<>(Stem.class);
        for (Map.Entry<Stem, float[]> stem : tail.stems().entrySet()) {
            float[] before = source.stems().get(stem.getKey());
            stems.put(stem.getKey(), joined(before != null ? before : new float[0], stem.getValue(), at, total));
        }
        double seconds = total / (double) Song.RATE;
        Score combined = Score.merge(
                List.of(
                        score.window(0, join),
                        tail.score().shifted(join, seconds).window(join, seconds)),
                List.of(0.0, join),
                seconds);

        Song.Metadata metadata = source
                .metadata()
                .withTitle(
                        next.title() != null ? next.title() : source.metadata().title())
                .withStyle(style.text())
                .withExtendedAt(join)
                .withDroppedLines(combined.dropped())
                .toBuilder()
                .unsungLines(lyrics.unsung())
                .build();
        Arranger.Arrangement played = Arrangements.merge(List.of(
                Arrangements.window(source.arrangement(), 0, join),
                Arrangements.window(Arrangements.shifted(tail.arrangement(), join), join, seconds)));
        return new Song(master, stems, combined, loudness(metadata, master), played);
    }

    /**
     * Regenerates {@code segments} of a Cantata song: a new song with the same beat grid, key and length is made from
     * {@code spec} (its LRC lines sing where they fall inside the segments; its style defaults to the source's) and its
     * audio, stems and score replace the source's inside the segments.
     */
    public Song edit(Song source, List<Segments.Segment> segments, SongSpec spec, Progress progress)
            throws SpeechException, IOException {
        Score score = source.score();
        String sourceStyle = source.metadata().style();
        Style style = Style.parse(spec.style().isBlank() ? sourceStyle : spec.style() + " " + sourceStyle);
        Replacements replacements = new Replacements(segments, score, style, spec, progress);
        Splice splice = splice(source.master(), segments, score::beatAtOrAfter, score::beatAtOrBefore, replacements);
        EnumMap<Stem, float[]> stems = new EnumMap<>(Stem.class);
        for (Stem stem : Stem.values()) {
            // a song made before a stem existed (the backing) gains it where a segment is sung again
            float[] before = source.stems().get(stem);
            float @Nullable [] after = splice.apply(before, source.master().length, replacements, stem);
            if (after != null) {
                stems.put(stem, after);
            }
        }
        List<Score> pieces = new ArrayList<>();
        List<Arranger.Arrangement> parts = new ArrayList<>();
        List<Double> starts = new ArrayList<>();
        double cursor = 0;
        double length = score.length();
        for (Seam seam : splice.seams()) {
            if (seam.from() > cursor) {
                pieces.add(score.window(cursor, seam.from()));
                parts.add(Arrangements.window(source.arrangement(), cursor, seam.from()));
                starts.add(cursor);
            }
            pieces.add(replacements.score(seam).window(seam.from(), seam.to()));
            parts.add(Arrangements.window(replacements.song(seam.from()).arrangement(), seam.from(), seam.to()));
            starts.add(seam.from());
            cursor = seam.to();
        }
        if (cursor < length) {
            pieces.add(score.window(cursor, length));
            parts.add(Arrangements.window(source.arrangement(), cursor, length));
            starts.add(cursor);
        }
        Score edited = Score.merge(pieces, starts, length);
        Song.Metadata metadata =
                source.metadata().withEditedSegments(splice.edits()).withDroppedLines(edited.dropped()).toBuilder()
                        .unsungLines(unsung(spec))
                        .build();
        return new Song(splice.master(), stems, edited, loudness(metadata, splice.master()), Arrangements.merge(parts));
    }

    /**
     * Regenerates {@code segments} of any recording (interleaved stereo at {@link Song#RATE}): its tempo, beat phase
     * and key are measured, new material in that tempo, on those beats and in that key is made from {@code spec} (plus
     * the style heard), and it replaces the recording inside the segments, matched to the loudness around them. The
     * result has no stems; its score holds what was sung in the segments.
     */
    public Song editRecording(float[] stereo, List<Segments.Segment> segments, SongSpec spec, Progress progress)
            throws SpeechException, IOException {
        progress.report(1, "listening to the song");
        float[] mono = new float[stereo.length / 2];
        for (int i = 0; i < mono.length; i++) {
            mono[i] = 0.5f * (stereo[2 * i] + stereo[2 * i + 1]);
        }
        ReferenceStyle.Analysis heard = ReferenceStyle.analyze(new Pcm(mono, Song.RATE));
        TempoEstimator.Beats beats = heard.beats();
        double length = mono.length / (double) Song.RATE;
        Style style = heard.style(spec.style());
        Score grid = new Score(
                beats.bpm(),
                heard.key(),
                heard.minor(),
                length,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(new Score.Tempo(beats.phase(), beats.bpm())));
        Replacements replacements = new Replacements(segments, grid, style, spec, progress);
        Splice splice = splice(stereo, segments, grid::beatAtOrAfter, grid::beatAtOrBefore, replacements);
        List<Score> pieces = new ArrayList<>();
        List<Arranger.Arrangement> parts = new ArrayList<>();
        List<Double> starts = new ArrayList<>();
        for (Seam seam : splice.seams()) {
            pieces.add(replacements.score(seam).window(seam.from(), seam.to()));
            parts.add(Arrangements.window(replacements.song(seam.from()).arrangement(), seam.from(), seam.to()));
            starts.add(seam.from());
        }
        Score sung = Score.merge(pieces, starts, length);
        Song.Metadata metadata = new Song.Metadata(
                spec.title() != null ? spec.title() : "Edited recording",
                null,
                style.text(),
                null,
                null,
                null,
                Math.round(beats.bpm() * 10) / 10.0,
                Math.round(beats.phase() * 1000) / 1000.0,
                SongEngine.keyName(heard.key(), heard.minor()),
                null,
                null,
                unsung(spec),
                null,
                0,
                0,
                null,
                null,
                splice.edits());
        // the notes played inside the segments; the recording's own are not known
        return new Song(
                splice.master(), Map.of(), sung, loudness(metadata, splice.master()), Arrangements.merge(parts));
    }

    /** What of an edit's lyrics the voices cannot sing. */
    private static List<Lyrics.Unsung> unsung(SongSpec spec) {
        return spec.instrumental() ? List.of() : Lyrics.parse(spec.lyrics()).unsung();
    }

    // ---------------------------------------------------------------- the new material

    /**
     * The new material for an edit: one song per beat grid and key the segments start in (one, unless the source
     * changed tempo or key), made as long as the source and shifted so its beats land on the grid's. A segment that
     * reaches over a key change is made in the key it starts in.
     */
    private final class Replacements {
        /** Where a segment starts: the beat grid and the tonic in force there. */
        private record Region(Score.Tempo tempo, int key) {}

        private final Map<Region, Song> songs = new LinkedHashMap<>();
        private final Score grid;

        Replacements(List<Segments.Segment> segments, Score grid, Style style, SongSpec spec, Progress progress)
                throws SpeechException, IOException {
            this.grid = grid;
            Lyrics lyrics = spec.instrumental() ? Lyrics.NONE : Lyrics.parse(spec.lyrics());
            List<Region> needed = new ArrayList<>();
            for (Segments.Segment s : segments) {
                // where the seam will start: a segment that begins just before a change of tempo or key starts after it
                Region region = region(seamFrom(s, grid::beatAtOrAfter));
                if (!needed.contains(region)) {
                    needed.add(region);
                }
            }
            for (int i = 0; i < needed.size(); i++) {
                Region region = needed.get(i);
                int base = 5 + 80 * i / needed.size();
                int span = 80 / needed.size();
                Progress scaled = (percent, stage) -> progress.report(base + span * percent / 100, stage);
                songs.put(
                        region,
                        aligned(
                                lyrics,
                                style.pinned(region.tempo().bpm(), region.key(), grid.minor()),
                                spec,
                                region.tempo(),
                                grid.length(),
                                segments,
                                scaled));
            }
        }

        private Region region(double time) {
            return new Region(grid.tempoAt(time), grid.keyAt(time));
        }

        private Song aligned(
                Lyrics lyrics,
                Style style,
                SongSpec spec,
                Score.Tempo region,
                double length,
                List<Segments.Segment> segments,
                Progress progress)
                throws SpeechException, IOException {
            double beat = region.beat();
            double lead = Math.floorMod(Math.round(-region.at() * 1e6), Math.round(beat * 1e6)) / 1e6;
            // made `lead` seconds longer and read from `lead` on, its beats fall on the region's grid
            SongSpec longer = new SongSpec(
                    spec.lyrics(),
                    style.text(),
                    Math.max(5, length + lead),
                    spec.seed(),
                    spec.instrumental(),
                    spec.title(),
                    spec.singer(),
                    spec.singerMedianF0());
            // only lines that reach into a segment are heard in the result, so only they are sung
            java.util.function.Predicate<Score.Phrase> heard = phrase -> segments.stream()
                    .anyMatch(s -> phrase.start() - lead < s.end() + 0.5 && phrase.end() - lead > s.start() - 0.5);
            Song made = engine.render(lyrics.shifted(lead), style, longer, false, SongSpec.MAX_LENGTH, heard, progress);
            int skip = frameOf(lead);
            int frames = frameOf(length);
            EnumMap<Stem, float[]> stems = new EnumMap<>(Stem.class);
            made.stems().forEach((stem, audio) -> stems.put(stem, from(audio, skip, frames)));
            return new Song(
                    from(made.master(), skip, frames),
                    stems,
                    made.score().shifted(-lead, length),
                    made.metadata(),
                    Arrangements.window(Arrangements.shifted(made.arrangement(), -lead), 0, length));
        }

        Song song(double time) {
            return java.util.Objects.requireNonNull(songs.get(region(time)), "a song made for every region");
        }

        Score score(Seam seam) {
            return song(seam.from()).score();
        }
    }

    // ---------------------------------------------------------------- splicing

    /** One regenerated span after snapping to beats: {@code from}–{@code to}, with a crossfade on the inner sides. */
    record Seam(double from, double to, boolean fadeIn, boolean fadeOut, double gain) {}

    @FunctionalInterface
    private interface Snap {
        double to(double time);
    }

    /** The spliced master and where the seams went. */
    private record Splice(float[] master, List<Seam> seams) {
        /** The seams as the metadata records them. */
        List<Song.Metadata.Edit> edits() {
            return seams.stream()
                    .map(s -> new Song.Metadata.Edit(s.from(), s.to()))
                    .toList();
        }

        /**
         * {@code source} (or silence {@code length} long when it has no such stem) with the replacements' {@code stem}
         * blended in at the seams; null when neither has it.
         */
        float @Nullable [] apply(float @Nullable [] source, int length, Replacements replacements, Stem stem) {
            float @Nullable [] out = source == null ? null : source.clone();
            for (Seam seam : seams) {
                float[] material = replacements.song(seam.from()).stems().get(stem);
                if (material != null) {
                    if (out == null) {
                        out = new float[length];
                    }
                    blend(out, material, seam);
                }
            }
            return out;
        }
    }

    /** Where the seam of segment {@code s} starts: the song's start, or the first beat at or after the segment's. */
    private static double seamFrom(Segments.Segment s, Snap up) {
        return s.start() <= 1e-6 ? 0 : up.to(s.start());
    }

    private static Splice splice(
            float[] source, List<Segments.Segment> segments, Snap up, Snap down, Replacements replacements) {
        double length = source.length / 2.0 / Song.RATE;
        List<Seam> seams = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segments.Segment s = segments.get(i);
            boolean atStart = s.start() <= 1e-6;
            boolean atEnd = s.end() >= length - 1e-6;
            double from = seamFrom(s, up);
            double to = atEnd ? length : down.to(s.end());
            if (to - from < 2.0 * SEAM / Song.RATE + 0.05) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "edit_segments segment %d (%.2f–%.2f s) holds no whole beat of this song; the beats nearest it are at "
                                + "%.2f s and %.2f s",
                        i + 1,
                        s.start(),
                        s.end(),
                        down.to(s.start()),
                        up.to(s.end())));
            }
            float[] material = replacements.song(from).master();
            double gain = matchingGain(source, material, from, to, length);
            seams.add(new Seam(from, to, !atStart, !atEnd, gain));
        }
        float[] out = source.clone();
        for (Seam seam : seams) {
            blend(out, replacements.song(seam.from()).master(), seam);
        }
        return new Splice(out, List.copyOf(seams));
    }

    /**
     * Writes {@code material} (scaled by the seam's gain) over {@code out} between the seam's ends, crossfading
     * linearly over {@link #SEAM} frames just inside each end that borders kept audio.
     */
    private static void blend(float[] out, float[] material, Seam seam) {
        int from = frameOf(seam.from());
        int to = Math.min(frameOf(seam.to()), out.length / 2);
        float gain = (float) seam.gain();
        for (int f = from; f < to; f++) {
            double g = 1;
            if (seam.fadeIn() && f - from < SEAM) {
                g = (f - from + 0.5) / SEAM;
            }
            if (seam.fadeOut() && to - f <= SEAM) {
                g = Math.min(g, (to - f - 0.5) / SEAM);
            }
            for (int c = 0; c < 2; c++) {
                int i = 2 * f + c;
                float m = i < material.length ? material[i] * gain : 0;
                out[i] = (float) (out[i] * (1 - g) + m * g);
            }
        }
    }

    /**
     * The gain that brings {@code material} inside {@code from}–{@code to} to the loudness of the source around it
     * (up to 15 s either side; the span itself when there is nothing around it), within ±12 dB.
     */
    private static double matchingGain(float[] source, float[] material, double from, double to, double length) {
        double before = Math.max(0, from - 15);
        double after = Math.min(length, to + 15);
        float[] around = concat(slice(source, before, from), slice(source, to, after));
        if (around.length < 2 * Song.RATE * 2) { // under a second of surroundings: too little to measure
            around = slice(source, from, to);
        }
        double target = Loudness.integrated(around, 2, Song.RATE);
        double made = Loudness.integrated(slice(material, from, to), 2, Song.RATE);
        if (!Double.isFinite(target) || !Double.isFinite(made) || target < -60 || made < -60) {
            return 1;
        }
        double db = Math.max(-12, Math.min(12, target - made));
        return Math.pow(10, db / 20);
    }

    // ---------------------------------------------------------------- joining

    /** {@code head} up to frame {@code at}, then {@code tail} crossfaded in over {@link #SEAM} frames, {@code total} long. */
    private static float[] joined(float[] head, float[] tail, int at, int total) {
        float[] out = new float[total * 2];
        System.arraycopy(head, 0, out, 0, Math.min(head.length, at * 2));
        for (int f = 0; f < total - at; f++) {
            double g = f < SEAM ? (f + 0.5) / SEAM : 1;
            for (int c = 0; c < 2; c++) {
                int h = 2 * (at + f) + c;
                float old = h < head.length ? head[h] : 0;
                float fresh = 2 * f + c < tail.length ? tail[2 * f + c] : 0;
                out[h] = (float) (old * (1 - g) + fresh * g);
            }
        }
        return out;
    }

    /** {@code metadata} with the loudness and true peak of {@code master}. */
    private static Song.Metadata loudness(Song.Metadata metadata, float[] master) {
        return metadata.withLoudness(
                Math.round(Loudness.integrated(master, 2, Song.RATE) * 10) / 10.0,
                Math.round(Loudness.truePeak(master, 2, Song.RATE) * 10) / 10.0);
    }

    static int frameOf(double seconds) {
        return (int) Math.round(seconds * Song.RATE);
    }

    private static float[] from(float[] stereo, int skip, int frames) {
        float[] out = new float[frames * 2];
        System.arraycopy(
                stereo,
                Math.min(stereo.length, skip * 2),
                out,
                0,
                Math.max(0, Math.min(frames * 2, stereo.length - skip * 2)));
        return out;
    }

    private static float[] slice(float[] stereo, double from, double to) {
        int a = Math.min(stereo.length / 2, frameOf(from));
        int b = Math.min(stereo.length / 2, frameOf(to));
        return java.util.Arrays.copyOfRange(stereo, 2 * a, 2 * Math.max(a, b));
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
