package dev.cantata.http.suno;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.cantata.music.Score;
import dev.cantata.music.Stem;
import dev.cantata.speech.Voice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON bodies of the Suno dialect, field for field as suno-api sends them (snake_case names). */
final class SunoReplies {
    private SunoReplies() {}

    /**
     * suno-api's normalised clip ({@code AudioInfo}). It comes in two variants: the immediate reply to a generation
     * carries {@code negative_tags} and no {@code error_message}; everything else carries {@code error_message} and no
     * {@code negative_tags}.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AudioInfo(
            String id,
            String title,
            String imageUrl,
            String lyric,
            String audioUrl,
            String videoUrl,
            String createdAt,
            String modelName,
            ClipStatus status,
            String gptDescriptionPrompt,
            String prompt,
            ClipType type,
            String tags,
            @Nullable Double duration,
            @JsonIgnore Map<String, @Nullable Object> variant) {

        /** The clip as the reply to its generation shows it. */
        static AudioInfo submitted(Clips.Clip c, String base) {
            return of(
                    c,
                    base,
                    ClipStatus.SUBMITTED,
                    Map.of("negative_tags", c.info().negativeTags()));
        }

        /** The clip as polling shows it. */
        static AudioInfo polled(Clips.Clip c, String base) {
            Map<String, @Nullable Object> error = new LinkedHashMap<>();
            error.put("error_message", c.status() == ClipStatus.ERROR ? c.task().error() : null);
            // Cantata's: the song task behind it, how far it is in the engine's own stage words, its place in the
            // queue, and when the clip retention will delete it (Suno shows none of these; its clients ignore fields
            // they do not know)
            error.put("task_id", c.info().task().toString()); // its master WAV: /api/download/{task_id}
            error.put("progress", c.task().progress());
            error.put("stage", c.task().stage());
            error.put("queue_position", c.queuePosition());
            error.put("expires_at", c.expiresAt() == null ? null : c.expiresAt().toString());
            // where this version of a song comes from, in Suno's own words: its line's first clip
            // (root_ancestor_id, null for a first clip), the clip it remakes (edited_clip_id, is_remix) and the step
            // that made it (history)
            Lineage line = c.info().lineage();
            error.put("root_ancestor_id", line == null ? null : line.root().toString());
            error.put(
                    "edited_clip_id",
                    line == null || line.kind() == Lineage.Kind.EXTEND
                            ? null
                            : line.parent().toString());
            error.put("is_remix", line != null && line.kind() == Lineage.Kind.VARIATION);
            error.put("history", line == null ? null : List.of(Step.of(line)));
            return of(c, base, c.status(), error);
        }

        private static AudioInfo of(
                Clips.Clip c, String base, ClipStatus status, Map<String, @Nullable Object> variant) {
            String id = c.id().toString();
            // the URL works from the moment the clip exists: asked early, it answers once the song is made; a stem
            // clip's audio is the stem its clip was mixed from, kept lossless
            Stem stem = c.info().stem();
            String audio = c.status() == ClipStatus.ERROR
                    ? ""
                    : stem != null
                            ? base + "/api/stems/" + c.info().task() + "/" + stem.wireName() + ".flac"
                            : base + "/api/audio/" + id + ".mp3";
            String lyric = c.info()
                    .lyrics()
                    .lines()
                    .filter(l -> !l.isBlank())
                    .reduce((a, b) -> a + "\n" + b)
                    .orElse("");
            return new AudioInfo(
                    id,
                    c.title(),
                    base + "/api/image/" + id + ".png",
                    lyric,
                    audio,
                    "",
                    c.info().createdAt().toString(),
                    c.info().model(),
                    status,
                    c.info().description(),
                    c.info().lyrics(),
                    c.info().type(),
                    c.info().tags(),
                    c.duration(),
                    withMidi(variant, c, base));
        }

        /**
         * Cantata's {@code midi_url} after a song clip's own fields (Suno has none; its clients ignore what they do not
         * know): the song as a Standard MIDI File, from the moment the clip exists (404 until it is complete).
         */
        private static Map<String, @Nullable Object> withMidi(
                Map<String, @Nullable Object> variant, Clips.Clip c, String base) {
            if (c.info().stem() != null || c.status() == ClipStatus.ERROR) {
                return variant;
            }
            Map<String, @Nullable Object> fields = new LinkedHashMap<>(variant);
            fields.put("midi_url", base + "/api/midi/" + c.id() + ".mid");
            return fields;
        }

        @JsonAnyGetter
        Map<String, @Nullable Object> variantFields() {
            return variant;
        }
    }

    /** Suno's own clip object ({@code /api/clip}, {@code /api/concat}): metadata nested, the fields its web app shows. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RawClip(
            String id,
            String videoUrl,
            String audioUrl,
            String imageUrl,
            String imageLargeUrl,
            String majorModelVersion,
            String modelName,
            RawMetadata metadata,
            boolean isLiked,
            boolean isPublic,
            boolean isTrashed,
            String createdAt,
            ClipStatus status,
            String title,
            int playCount,
            int upvoteCount) {

        /** @param history the chain an extension continues, oldest first, for {@code concat}; null otherwise */
        static RawClip of(Clips.Clip c, String base, @Nullable List<ChainLink> history) {
            AudioInfo flat = AudioInfo.polled(c, base);
            SunoClip info = c.info();
            boolean extension = info.type() == ClipType.EXTEND;
            boolean stem = info.type() == ClipType.STEM;
            RawMetadata metadata = new RawMetadata(
                    flat.tags(),
                    info.negativeTags(),
                    flat.prompt(),
                    flat.gptDescriptionPrompt(),
                    history != null ? ClipType.CONCAT : flat.type(),
                    flat.duration(),
                    (String) flat.variant().get("error_message"),
                    extension ? info.continueAt() : null,
                    extension ? String.valueOf(info.source()) : null,
                    stem ? String.valueOf(info.source()) : null,
                    history,
                    (String) flat.variant().get("edited_clip_id"),
                    (String) flat.variant().get("root_ancestor_id"),
                    info.lineage() == null ? null : List.of(Step.of(info.lineage())));
            return new RawClip(
                    flat.id(),
                    "",
                    flat.audioUrl(),
                    flat.imageUrl(),
                    flat.imageUrl(),
                    "cantata",
                    flat.modelName(),
                    metadata,
                    false,
                    false,
                    false,
                    flat.createdAt(),
                    flat.status(),
                    flat.title(),
                    0,
                    0);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RawMetadata(
            String tags,
            String negativeTags,
            String prompt,
            String gptDescriptionPrompt,
            ClipType type,
            @Nullable Double duration,
            @Nullable String errorMessage,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            Double continueAt,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String continueClipId,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String stemFromId,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            List<ChainLink> concatHistory,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String editedClipId,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String rootAncestorId,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            List<Step> history) {}

    /**
     * The step that made a version from its parent, as Suno's clip {@code history} lists it: a replaced section
     * ({@code infill_start_s}, {@code infill_end_s}, {@code infill_lyrics}), an extension ({@code continue_at}) or a
     * variation (only the parent).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Step(
            String id,
            Lineage.Kind type,
            @Nullable Double continueAt,
            @Nullable Double infillStartS,
            @Nullable Double infillEndS,
            @Nullable String infillLyrics) {
        static Step of(Lineage line) {
            boolean replace = line.kind() == Lineage.Kind.REPLACE;
            return new Step(
                    line.parent().toString(),
                    line.kind(),
                    line.kind() == Lineage.Kind.EXTEND ? line.start() : null,
                    replace ? line.start() : null,
                    replace ? line.end() : null,
                    replace ? line.lyrics() : null);
        }
    }

    /** One clip of an extension chain: the clip continued, and where. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ChainLink(String id, double continueAt) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Limit(int creditsLeft, String period, int monthlyLimit, int monthlyUsage) {
        static Limit of(Credits.Balance b) {
            return new Limit(b.left(), "month", b.monthly(), b.used());
        }
    }

    /** A stem clip as {@code generate_stems} answers with it: upstream's fields, then its stem and audio. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StemClip(
            String id,
            ClipStatus status,
            String createdAt,
            String title,
            String stemFromId,
            @Nullable Double duration,
            String stem,
            String audioUrl) {
        static StemClip of(Clips.Clip c, String base) {
            AudioInfo flat = AudioInfo.polled(c, base);
            return new StemClip(
                    flat.id(),
                    flat.status(),
                    flat.createdAt(),
                    flat.title(),
                    String.valueOf(c.info().source()),
                    flat.duration(),
                    Objects.requireNonNull(c.info().stem()).wireName(),
                    flat.audioUrl());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AlignedWord(String word, double startS, double endS, boolean success, double pAlign) {
        /** A word of the score: its timing is what was sung, so alignment is certain. */
        static AlignedWord of(Score.Word w) {
            return new AlignedWord(w.word(), millis(w.start()), millis(w.end()), true, 1.0);
        }
    }

    /** {@code seconds} to the millisecond, as times go on the wire. */
    private static double millis(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** A song's form from its score ({@code /api/get_sections}): the studio marks these on its timeline. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Sections(
            double tempo, String key, String mode, double length, List<Section> sections, List<KeyChange> keyChanges) {
        private static final String[] KEYS = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};

        static Sections of(Score score) {
            return new Sections(
                    Math.round(score.tempo() * 100) / 100.0,
                    KEYS[Math.floorMod(score.key(), 12)],
                    score.minor() ? "minor" : "major",
                    millis(score.length()),
                    score.sections().stream().map(Section::of).toList(),
                    score.modulations().stream()
                            .map(m -> new KeyChange(millis(m.at()), KEYS[Math.floorMod(m.key(), 12)]))
                            .toList());
        }
    }

    /** Where the song changes key (a lifted last chorus), and to which tonic; the mode stays the song's. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record KeyChange(double atS, String key) {}

    /** One section: its label as the lyrics named it, its part in the song's vocabulary, and where it lies. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Section(String label, String part, double startS, double endS, int bars) {
        static Section of(Score.Span span) {
            return new Section(
                    span.label(),
                    span.part().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    millis(span.start()),
                    millis(span.end()),
                    span.bars());
        }
    }

    /** A page of a persona, as Suno's {@code get-persona-paginated} gives it: {@code current_page} is a number. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PersonaPage(Persona persona, int totalResults, int currentPage, boolean isFollowing) {}

    /**
     * A voice that can sing, as a Suno persona. Personas here are voices, not made from a clip: no root clip, no clips
     * of their own and no picture. Built-in voices are the service's own ({@code is_suno_persona}); added speakers are
     * this server's users' ({@code is_owned}). Every voice is usable by every caller, so each is public.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Persona(
            String id,
            String name,
            String description,
            String imageS3Id,
            @Nullable String rootClipId,
            @Nullable Object clip,
            String userDisplayName,
            String userHandle,
            String userImageUrl,
            List<Object> personaClips,
            boolean isSunoPersona,
            boolean isTrashed,
            boolean isOwned,
            boolean isPublic,
            boolean isPublicApproved,
            boolean isLoved,
            int upvoteCount,
            int clipCount) {

        static Persona of(Voice voice, boolean builtIn) {
            return new Persona(
                    voice.name(),
                    voice.name(),
                    voice.description(),
                    "",
                    null,
                    null,
                    "Cantata",
                    "cantata",
                    "",
                    List.of(),
                    builtIn,
                    false,
                    !builtIn,
                    true,
                    true,
                    false,
                    0,
                    0);
        }
    }

    /** What {@code DELETE /api/clip} and {@code POST /api/delete} did. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Deleted(List<String> deleted, List<String> notFound) {
        static Deleted of(ClipLibrary.Deleted d) {
            return new Deleted(d.deleted().stream().map(UUID::toString).toList(), d.notFound());
        }
    }

    record Lyrics(String text, String title, String status) {}
}
