package dev.cantata.http.suno;

import dev.cantata.music.Stem;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the Suno dialect keeps of a clip besides its song task: a row of {@code suno_clips}, or for a stem clip a row of
 * {@code suno_stems} read with the row of the clip it comes from.
 *
 * @param id the clip's id: its task's, or for a stem clip one derived from its clip's and the stem's
 * @param account whose credits paid for it and whose feed lists it
 * @param model the model name the client asked for, echoed
 * @param title as asked (the made song's title wins once there is one)
 * @param tags the style tags as sent
 * @param negativeTags as sent (their words were taken out of the style)
 * @param description the description the lyrics were written from ({@code gpt_description_prompt}), or empty
 * @param type {@link ClipType#GEN}, {@link ClipType#EXTEND} or {@link ClipType#STEM}
 * @param lyrics what is sung ({@code prompt}); empty for an instrumental, and for a stem without the voice
 * @param source the clip an extension continues or a stem comes from, or null
 * @param continueAt where an extension continues its source, seconds (0 when not an extension)
 * @param stem which stem a stem clip is, or null
 * @param lineage the clip it was made from and how, or null for a clip made from scratch (and a stem clip)
 */
record SunoClip(
        UUID id,
        String account,
        String model,
        String title,
        String tags,
        String negativeTags,
        String description,
        ClipType type,
        String lyrics,
        @Nullable UUID source,
        double continueAt,
        Instant createdAt,
        @Nullable Stem stem,
        @Nullable Lineage lineage) {
    SunoClip {
        if (type == ClipType.CONCAT) {
            throw new IllegalArgumentException("concat is a view of a chain, not a stored clip");
        }
        if ((type == ClipType.GEN) != (source == null)) {
            throw new IllegalArgumentException("extensions and stems, and only they, name the clip they come from");
        }
        if ((type == ClipType.STEM) != (stem != null)) {
            throw new IllegalArgumentException("a stem clip, and only a stem clip, names its stem");
        }
        if (type == ClipType.EXTEND && lineage != null && lineage.kind() != Lineage.Kind.EXTEND) {
            throw new IllegalArgumentException("an extension's lineage is an extension");
        }
        if (type == ClipType.STEM && lineage != null) {
            throw new IllegalArgumentException("a stem clip is a view of its clip, not a version of it");
        }
    }

    /** The first clip of this clip's line: its lineage's root, or itself. */
    UUID root() {
        return lineage == null ? id : lineage.root();
    }

    /** The song task whose state and files this clip shows: its own, or for a stem clip its source's. */
    UUID task() {
        return stem != null && source != null ? source : id;
    }
}
