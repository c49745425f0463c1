package dev.cantata.language;

import java.util.Map;

/**
 * The full-width punctuation of Chinese and Japanese as the ASCII marks that engines read as the same pause: MaryTTS
 * logs an error for each full-width mark ("Cannot syllabify empty phone string") and pauses for none, and espeak-ng's
 * pinyin voice reads ASCII marks only.
 */
public final class Punctuation {
    /** Chinese and Japanese punctuation and the ASCII marks that make the same pause. */
    private static final Map<Character, String> PUNCTUATION = Map.ofEntries(
            Map.entry('，', ", "),
            Map.entry('、', ", "),
            Map.entry('；', "; "),
            Map.entry('：', ": "),
            Map.entry('。', ". "),
            Map.entry('．', ". "),
            Map.entry('！', "! "),
            Map.entry('？', "? "),
            Map.entry('…', "... "),
            Map.entry('（', " ("),
            Map.entry('）', ") "),
            Map.entry('「', " \""),
            Map.entry('」', "\" "),
            Map.entry('『', " \""),
            Map.entry('』', "\" "),
            Map.entry('《', " \""),
            Map.entry('》', "\" "),
            Map.entry('“', " \""),
            Map.entry('”', "\" "));

    private Punctuation() {}

    /** {@code codePoint} as text, an ASCII mark (with its space) when it is full-width punctuation. */
    public static String ascii(int codePoint) {
        String mark = codePoint < 0x10000 ? PUNCTUATION.get((char) codePoint) : null;
        return mark != null ? mark : new String(Character.toChars(codePoint));
    }

    /** {@code text} with its full-width punctuation as ASCII marks. */
    public static String ascii(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> out.append(ascii(cp)));
        return out.toString();
    }
}
