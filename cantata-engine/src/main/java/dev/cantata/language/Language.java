package dev.cantata.language;

import java.util.Locale;

/**
 * A language Cantata speaks.
 *
 * @param tag what clients call it: a lower-case BCP 47 tag ({@code en}, {@code zh} for Mandarin, {@code yue}, {@code
 *     de}, {@code pt-br}, {@code es-419})
 * @param espeakVoice the espeak-ng voice that speaks it ({@code cmn-latn-pinyin} for Mandarin, which Cantata gives
 *     pinyin: espeak-ng 1.51's own Hanzi dictionary reads many tone digits aloud in English, measured: 你 as "ni
 *     three"); unused for English, which MaryTTS speaks
 */
public record Language(String tag, String espeakVoice) {
    /** US English, spoken and sung by MaryTTS. */
    public static final Language ENGLISH = new Language("en", "en-us");
    /** Mandarin Chinese: Hanzi read as pinyin by {@link Mandarin}, then spoken by espeak-ng. */
    public static final Language MANDARIN = new Language("zh", "cmn-latn-pinyin");

    public Language {
        if (tag.isBlank() || !tag.equals(tag.toLowerCase(Locale.ROOT)) || espeakVoice.isBlank()) {
            throw new IllegalArgumentException("a language needs a lower-case tag and a voice: " + tag);
        }
    }

    /** Whether MaryTTS speaks it (English), rather than espeak-ng. */
    public boolean english() {
        return tag.equals("en") || tag.startsWith("en-");
    }

    /** Whether its text is Hanzi that {@link Mandarin} turns into pinyin first. */
    public boolean mandarin() {
        return tag.equals(MANDARIN.tag);
    }

    /** Its name in English, for listings: "German", "Chinese (Mandarin)", "Portuguese (Brazil)". */
    public String name() {
        if (mandarin()) {
            return "Chinese (Mandarin)";
        }
        return Locale.forLanguageTag(tag).getDisplayName(Locale.ENGLISH);
    }
}
