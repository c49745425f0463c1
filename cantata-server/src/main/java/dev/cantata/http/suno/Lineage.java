package dev.cantata.http.suno;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a version of a song comes from: the clip it was made from, the first clip of its line, and how it was made. A
 * row of {@code suno_lineage}; a clip made from scratch has none.
 *
 * @param parent the clip this one was made from (it may since have been deleted)
 * @param root the first clip of the line (Suno's {@code root_ancestor_id}): the parent's root, or the parent
 * @param start for an extension where it continues the parent, for a replaced section where the section starts
 *     (seconds); null for a variation
 * @param end where a replaced section ends (seconds); null otherwise
 * @param lyrics the new lines the version sings (an extension's or a section's); empty for a variation
 */
record Lineage(
        UUID parent,
        UUID root,
        Kind kind,
        @Nullable Double start,
        @Nullable Double end,
        String lyrics) {

    /** How a version was made from its parent. */
    enum Kind {
        /** The parent up to a point, then new material ({@code /api/extend_audio}). */
        EXTEND,
        /** The parent's lyrics and style from another seed ({@code custom_generate}'s {@code variation_of}). */
        VARIATION,
        /** The parent with one section made anew, the rest sample for sample ({@code /api/replace_section}). */
        REPLACE;

        @JsonValue
        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind ofWire(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT));
        }
    }

    Lineage {
        if ((kind == Kind.VARIATION) != (start == null)) {
            throw new IllegalArgumentException("extensions and replaced sections, and only they, start somewhere");
        }
        if ((kind == Kind.REPLACE) != (end != null)) {
            throw new IllegalArgumentException("a replaced section, and only a replaced section, ends somewhere");
        }
        if (end != null && start != null && !(end > start)) {
            throw new IllegalArgumentException("a replaced section ends after it starts");
        }
    }

    /** A version made from {@code parent}, whose own lineage is {@code parentLineage} (null: it is a root). */
    static Lineage from(
            UUID parent,
            @Nullable Lineage parentLineage,
            Kind kind,
            @Nullable Double start,
            @Nullable Double end,
            String lyrics) {
        return new Lineage(parent, parentLineage == null ? parent : parentLineage.root(), kind, start, end, lyrics);
    }
}
