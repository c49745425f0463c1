package dev.cantata.speech;

import dev.cantata.language.Language;
import org.jspecify.annotations.Nullable;

/**
 * A named voice.
 *
 * @param name what clients call it ({@code female}, {@code narrator}, {@code zh-male}, or an added speaker's name)
 * @param description a line for listings
 * @param profile how it sounds
 * @param language the language it speaks its text in, or null for a voice that follows the text's language
 */
public record Voice(
        String name,
        String description,
        VoiceProfile profile,
        @Nullable Language language) {
    /** A voice that follows the language of the text it is given. */
    public Voice(String name, String description, VoiceProfile profile) {
        this(name, description, profile, null);
    }

    /** The tag of its language, or {@code auto} when it follows the text's. */
    public String languageTag() {
        return language != null ? language.tag() : "auto";
    }
}
