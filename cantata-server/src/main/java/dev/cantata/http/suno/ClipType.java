package dev.cantata.http.suno;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Suno's {@code type} of a clip: made from scratch, a continuation, a stem of another clip, or (in a reply only) the
 * whole of a chain.
 */
enum ClipType {
    GEN,
    EXTEND,
    STEM,
    CONCAT;

    @JsonValue
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ClipType ofWire(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
