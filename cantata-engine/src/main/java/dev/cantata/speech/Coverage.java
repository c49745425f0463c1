package dev.cantata.speech;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How much of a text the voices can pronounce. Cantata's voices (MaryTTS's US English, for speech and for singing)
 * read Latin letters, with or without accents, and digits; letters of any other script reach MaryTTS as nothing it can
 * say and come out as silence (measured: Chinese, Japanese, Russian and Greek text gave 0.0 s of audio, "Café crème,
 * naïve Müller" 3.0 s), and so do emoji and other pictographs. Counting them before any work lets a request that holds
 * nothing speakable be refused with a reason instead of answered with silence, and lets mixed text say what it
 * skipped.
 *
 * @param spoken letters and digits the voices pronounce
 * @param unspoken letters the voices cannot pronounce, counted by script, in the order first met
 * @param pictographs emoji and other pictographic symbols ({@link Character#OTHER_SYMBOL}), which nothing reads
 */
public record Coverage(int spoken, Map<UnicodeScript, Integer> unspoken, int pictographs) {

    public Coverage {
        unspoken = Collections.unmodifiableMap(new LinkedHashMap<>(unspoken));
    }

    /** The scripts MaryTTS reads: Latin alone. */
    public static final Set<UnicodeScript> LATIN = Set.of(UnicodeScript.LATIN);

    /** The scripts songs are sung in: Latin (MaryTTS, English) and Han (espeak-ng, Mandarin). */
    public static final Set<UnicodeScript> SUNG = Set.of(UnicodeScript.LATIN, UnicodeScript.HAN);

    /**
     * Counts the letters, digits and pictographs of {@code text} that MaryTTS (Latin script) reads; punctuation,
     * spaces and marks count as nothing.
     */
    public static Coverage of(CharSequence text) {
        return of(text, LATIN);
    }

    /**
     * Counts the letters, digits and pictographs of {@code text}, letters of {@code scripts} as spoken (the scripts the
     * node's languages read, {@link dev.cantata.language.LanguageDetector#scripts}).
     */
    public static Coverage of(CharSequence text, Set<UnicodeScript> scripts) {
        int spoken = 0;
        int pictographs = 0;
        Map<UnicodeScript, Integer> unspoken = new LinkedHashMap<>();
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            switch (kind(cp, scripts)) {
                case SPOKEN -> spoken++;
                case PICTOGRAPH -> pictographs++;
                case UNSPOKEN -> unspoken.merge(UnicodeScript.of(cp), 1, Integer::sum);
                case SILENT -> {}
            }
        }
        return new Coverage(spoken, unspoken, pictographs);
    }

    /** True when nothing in the text would be heard: no letter or digit the voices read. */
    public boolean nothingSpoken() {
        return spoken == 0;
    }

    /** True when every letter, digit and pictograph is pronounced. */
    public boolean complete() {
        return unspoken.isEmpty() && pictographs == 0;
    }

    /**
     * What is not pronounced, for people: e.g. {@code "12 characters in Han script (Chinese, Japanese), 2 emoji or
     * symbols"}; empty when {@linkplain #complete() complete}. ASCII only, so it fits an HTTP header.
     */
    public String unspokenSummary() {
        List<String> parts = new ArrayList<>();
        unspoken.forEach((script, count) ->
                parts.add(count + (count == 1 ? " character" : " characters") + " in " + scriptName(script)));
        if (pictographs > 0) {
            parts.add(pictographs + (pictographs == 1 ? " emoji or symbol" : " emoji or symbols"));
        }
        return String.join(", ", parts);
    }

    /**
     * Why a text with {@linkplain #nothingSpoken() nothing spoken} cannot be spoken, in a sentence that names what it
     * holds and what the voices read.
     */
    public String whyNothingSpoken() {
        if (complete()) {
            return "it has no letters or digits, so there is nothing to say";
        }
        return "nothing in it can be spoken: it holds " + unspokenSummary() + ", which none of this server's voices"
                + " reads (with espeak-ng installed Cantata speaks about a hundred languages; without it, English)";
    }

    /**
     * Why lyrics with {@linkplain #nothingSpoken() nothing spoken} (counted over {@link #SUNG}) cannot be sung: songs
     * are sung in English and Mandarin, while speech reads every language espeak-ng knows.
     */
    public String whyNothingSung() {
        if (complete()) {
            return "it has no letters or digits, so there is nothing to sing";
        }
        return "nothing in it can be sung: it holds " + unspokenSummary() + ", and Cantata sings English and Chinese"
                + " (Mandarin) lyrics so far; other languages are spoken (/speak, /v1/audio/speech) but not yet sung";
    }

    /** The characters of {@code text} that are not pronounced, runs joined by a space, e.g. {@code "你好 世界"}. */
    public static String unspokenText(CharSequence text) {
        return unspokenText(text, LATIN);
    }

    /** The characters of {@code text} that no script of {@code scripts} reads, runs joined by a space. */
    public static String unspokenText(CharSequence text, Set<UnicodeScript> scripts) {
        StringBuilder out = new StringBuilder();
        boolean gap = false;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            Kind kind = kind(cp, scripts);
            if (kind == Kind.UNSPOKEN || kind == Kind.PICTOGRAPH) {
                if (gap && !out.isEmpty()) {
                    out.append(' ');
                }
                out.appendCodePoint(cp);
                gap = false;
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    /**
     * {@code text} with every character the voices do not pronounce replaced by a space, one per UTF-16 unit so that
     * offsets into the text still hold. MaryTTS says nothing for them either way, but logs an error for each such
     * token ("Cannot syllabify empty phone string"); this keeps them out of its input.
     */
    public static String withoutUnspoken(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            Kind kind = kind(cp, LATIN);
            if (kind == Kind.UNSPOKEN || kind == Kind.PICTOGRAPH) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                for (int k = 0; k < n; k++) {
                    out.setCharAt(i + k, ' ');
                }
            }
            i += n;
        }
        return out == null ? text : out.toString();
    }

    private enum Kind {
        SPOKEN,
        UNSPOKEN,
        PICTOGRAPH,
        SILENT
    }

    private static Kind kind(int cp, Set<UnicodeScript> scripts) {
        if (Character.isLetterOrDigit(cp)) {
            UnicodeScript script = UnicodeScript.of(cp);
            // MaryTTS's English front end reads Latin letters (accents are stripped) and the digits 0-9; the digits
            // of other scripts belong to those scripts' languages; kana are read where Hanzi are (Japanese)
            boolean read = scripts.contains(script)
                    || (cp >= '0' && cp <= '9')
                    || ((script == UnicodeScript.HIRAGANA || script == UnicodeScript.KATAKANA)
                            && scripts.contains(UnicodeScript.HIRAGANA));
            return read ? Kind.SPOKEN : script == UnicodeScript.COMMON ? Kind.SILENT : Kind.UNSPOKEN;
        }
        return Character.getType(cp) == Character.OTHER_SYMBOL ? Kind.PICTOGRAPH : Kind.SILENT;
    }

    /** A script's name with the languages people know it by, where a hint helps. */
    private static String scriptName(UnicodeScript script) {
        String name = script.name().charAt(0)
                + script.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        String languages = switch (script) {
            case HAN -> "Chinese, Japanese";
            case HIRAGANA, KATAKANA -> "Japanese";
            case HANGUL -> "Korean";
            case CYRILLIC -> "Russian, Ukrainian, Bulgarian, Serbian";
            case GREEK -> "Greek";
            case ARABIC -> "Arabic, Persian, Urdu";
            case HEBREW -> "Hebrew";
            case DEVANAGARI -> "Hindi, Marathi, Nepali";
            case THAI -> "Thai";
            default -> "";
        };
        return name + " script" + (languages.isEmpty() ? "" : " (" + languages + ")");
    }
}
