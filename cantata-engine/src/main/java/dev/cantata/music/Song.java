package dev.cantata.music;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A finished song: the master and its {@link Stem stems} as 44.1 kHz interleaved stereo of the same length (a
 * recording that was edited has none), the {@link Score} it was made from (word timings come from it), the notes its
 * instruments played (what a MIDI export of it holds), and its {@link Metadata}.
 *
 * @param stems in {@link Stem} order; not modifiable; they sum to the mix before the master's limiter
 * @param arrangement the instruments' notes as played, in song time (none for a recording that was edited, or a song
 *     stored before they were kept)
 */
public record Song(
        float[] master, Map<Stem, float[]> stems, Score score, Metadata metadata, Arranger.Arrangement arrangement) {
    public static final int RATE = InstrumentRenderer.RATE;

    /** No instrument notes: an edited recording's, or a song's stored before they were kept. */
    public static final Arranger.Arrangement NO_ARRANGEMENT = new Arranger.Arrangement(List.of(), List.of(), List.of());

    public Song {
        EnumMap<Stem, float[]> copy = new EnumMap<>(Stem.class);
        copy.putAll(stems);
        stems = Collections.unmodifiableMap(copy);
    }

    /** A song whose instrument notes are not known. */
    public Song(float[] master, Map<Stem, float[]> stems, Score score, Metadata metadata) {
        this(master, stems, score, metadata, NO_ARRANGEMENT);
    }

    public double seconds() {
        return master.length / 2.0 / RATE;
    }

    /**
     * What is known about a song besides its audio and score. The JSON form (snake_case keys, absent rather than null)
     * is stored with every song and shown to API clients, so its keys are a contract: a key may be added, never renamed.
     * Which fields are set depends on how the song was made: {@link SongEngine} sets all but {@code beatPhase}, {@code
     * extendedAt} and {@code editedSegments}; an edited recording has only a title, style, tempo, beat phase, key,
     * edited segments and loudness.
     *
     * @param style the style text the song was made from (what an extension or an edit starts from)
     * @param unknownStyleWords words of the style not understood
     * @param tempo BPM where the song starts (measured, for an edited recording)
     * @param beatPhase seconds from the start to the first beat, for an edited recording
     * @param key e.g. {@code "Eb minor"}
     * @param singer {@code male}, {@code female}, {@code duet} or {@code custom}
     * @param droppedLines lyric lines left out because the song is too short for them
     * @param unsungLines lyric lines, or parts of them, left out because the voices cannot pronounce their script
     * @param soundfont the file the instruments were played with
     * @param lufs integrated loudness of the master
     * @param truePeakDbtp true peak of the master, dBTP
     * @param timingsMs wall time per stage of making the song
     * @param extendedAt where an extension joined the song it continues, seconds
     * @param editedSegments the spans regenerated, after snapping to beats
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    // a key a later version stops writing must not make the songs it stored unreadable here
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metadata(
            String title,
            @Nullable Long seed,
            String style,
            @Nullable Genre genre,
            @Nullable List<String> moods,
            @JsonProperty("unknown_style_words") @Nullable List<String> unknownStyleWords,
            double tempo,
            @JsonProperty("beat_phase") @Nullable Double beatPhase,
            String key,
            @Nullable String singer,
            @JsonProperty("dropped_lines") @Nullable List<String> droppedLines,
            @JsonProperty("unsung_lines") @Nullable List<Lyrics.Unsung> unsungLines,
            @Nullable String soundfont,
            double lufs,
            @JsonProperty("true_peak_dbtp") double truePeakDbtp,
            @JsonProperty("timings_ms") @Nullable Map<String, Long> timingsMs,
            @JsonProperty("extended_at") @Nullable Double extendedAt,
            @JsonProperty("edited_segments") @Nullable List<Edit> editedSegments) {

        public Metadata {
            // what older code read with getOrDefault: a stored song without these still reads
            title = Objects.requireNonNullElse(title, "Untitled");
            style = Objects.requireNonNullElse(style, "");
            key = Objects.requireNonNullElse(key, "");
            moods = moods == null ? null : List.copyOf(moods);
            unknownStyleWords = unknownStyleWords == null ? null : List.copyOf(unknownStyleWords);
            droppedLines = droppedLines == null ? null : List.copyOf(droppedLines);
            unsungLines = unsungLines == null ? null : List.copyOf(unsungLines);
            // stage order is the order they ran in
            timingsMs = timingsMs == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(timingsMs));
            editedSegments = editedSegments == null ? null : List.copyOf(editedSegments);
        }

        /** A regenerated span, seconds; written as {@code [from, to]}. */
        @JsonFormat(shape = JsonFormat.Shape.ARRAY)
        public record Edit(double from, double to) {}

        public Metadata withTitle(String title) {
            return toBuilder().title(title).build();
        }

        public Metadata withStyle(String style) {
            return toBuilder().style(style).build();
        }

        public Metadata withDroppedLines(List<String> droppedLines) {
            return toBuilder().droppedLines(droppedLines).build();
        }

        public Metadata withLoudness(double lufs, double truePeakDbtp) {
            return toBuilder().lufs(lufs).truePeakDbtp(truePeakDbtp).build();
        }

        public Metadata withExtendedAt(double extendedAt) {
            return toBuilder().extendedAt(extendedAt).build();
        }

        public Metadata withEditedSegments(List<Edit> editedSegments) {
            return toBuilder().editedSegments(editedSegments).build();
        }

        /** A builder holding these values, to change a few. */
        public Builder toBuilder() {
            return new Builder(this);
        }

        /** Metadata with a few parts changed: what the {@code with…} methods use. */
        public static final class Builder {
            private String title;
            private @Nullable Long seed;
            private String style;
            private @Nullable Genre genre;
            private @Nullable List<String> moods;
            private @Nullable List<String> unknownStyleWords;
            private double tempo;
            private @Nullable Double beatPhase;
            private String key;
            private @Nullable String singer;
            private @Nullable List<String> droppedLines;
            private @Nullable List<Lyrics.Unsung> unsungLines;
            private @Nullable String soundfont;
            private double lufs;
            private double truePeakDbtp;
            private @Nullable Map<String, Long> timingsMs;
            private @Nullable Double extendedAt;
            private @Nullable List<Edit> editedSegments;

            private Builder(Metadata m) {
                this.title = m.title();
                this.seed = m.seed();
                this.style = m.style();
                this.genre = m.genre();
                this.moods = m.moods();
                this.unknownStyleWords = m.unknownStyleWords();
                this.tempo = m.tempo();
                this.beatPhase = m.beatPhase();
                this.key = m.key();
                this.singer = m.singer();
                this.droppedLines = m.droppedLines();
                this.unsungLines = m.unsungLines();
                this.soundfont = m.soundfont();
                this.lufs = m.lufs();
                this.truePeakDbtp = m.truePeakDbtp();
                this.timingsMs = m.timingsMs();
                this.extendedAt = m.extendedAt();
                this.editedSegments = m.editedSegments();
            }

            public Builder title(String title) {
                this.title = title;
                return this;
            }

            public Builder seed(@Nullable Long seed) {
                this.seed = seed;
                return this;
            }

            public Builder style(String style) {
                this.style = style;
                return this;
            }

            public Builder genre(@Nullable Genre genre) {
                this.genre = genre;
                return this;
            }

            public Builder moods(@Nullable List<String> moods) {
                this.moods = moods;
                return this;
            }

            public Builder unknownStyleWords(@Nullable List<String> unknownStyleWords) {
                this.unknownStyleWords = unknownStyleWords;
                return this;
            }

            public Builder tempo(double tempo) {
                this.tempo = tempo;
                return this;
            }

            public Builder beatPhase(@Nullable Double beatPhase) {
                this.beatPhase = beatPhase;
                return this;
            }

            public Builder key(String key) {
                this.key = key;
                return this;
            }

            public Builder singer(@Nullable String singer) {
                this.singer = singer;
                return this;
            }

            public Builder droppedLines(@Nullable List<String> droppedLines) {
                this.droppedLines = droppedLines;
                return this;
            }

            public Builder unsungLines(@Nullable List<Lyrics.Unsung> unsungLines) {
                this.unsungLines = unsungLines;
                return this;
            }

            public Builder soundfont(@Nullable String soundfont) {
                this.soundfont = soundfont;
                return this;
            }

            public Builder lufs(double lufs) {
                this.lufs = lufs;
                return this;
            }

            public Builder truePeakDbtp(double truePeakDbtp) {
                this.truePeakDbtp = truePeakDbtp;
                return this;
            }

            public Builder timingsMs(@Nullable Map<String, Long> timingsMs) {
                this.timingsMs = timingsMs;
                return this;
            }

            public Builder extendedAt(@Nullable Double extendedAt) {
                this.extendedAt = extendedAt;
                return this;
            }

            public Builder editedSegments(@Nullable List<Edit> editedSegments) {
                this.editedSegments = editedSegments;
                return this;
            }

            public Metadata build() {
                return new Metadata(
                        title,
                        seed,
                        style,
                        genre,
                        moods,
                        unknownStyleWords,
                        tempo,
                        beatPhase,
                        key,
                        singer,
                        droppedLines,
                        unsungLines,
                        soundfont,
                        lufs,
                        truePeakDbtp,
                        timingsMs,
                        extendedAt,
                        editedSegments);
            }
        }
    }
}
