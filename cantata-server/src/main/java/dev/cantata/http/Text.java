package dev.cantata.http;

import dev.cantata.speech.SpeechText;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the HTTP layer accepts as text. JSON escapes can carry what no text holds: a lone surrogate ({@code "\ud800"})
 * cannot be written as UTF-8 or read back by a JSON writer, and noncharacters ({@code U+FFFE}) and C0 controls other
 * than tab and line breaks are not allowed in XML, which the speech engine is fed. Both used to reach the engine and
 * end in a 500; every dialect now refuses them when it reads a field, before any work.
 */
public final class Text {
    private Text() {}

    /** Where {@code text} holds a character that is not text, e.g. {@code U+D800 (a lone surrogate) at character 3}. */
    public static @Nullable String badCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String what = null;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int code = text.codePointAt(i);
                if (SpeechText.isNoncharacter(code)) {
                    what = "a noncharacter";
                }
                i++;
                if (what != null) {
                    return String.format(Locale.ROOT, "U+%X (%s) at character %d", code, what, i - 1);
                }
                continue;
            }
            if (Character.isSurrogate(c)) {
                what = "a lone surrogate";
            } else if (SpeechText.isNoncharacter(c)) {
                what = "a noncharacter";
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                what = "a control character";
            }
            if (what != null) {
                return String.format(Locale.ROOT, "U+%04X (%s) at character %d", (int) c, what, i);
            }
        }
        return null;
    }

    /**
     * {@code text} as it may be shown back in an error: characters that are not text replaced with U+FFFD (a JSON writer
     * would fail on a lone surrogate) and at most 100 characters.
     */
    public static String echo(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 100; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(badCharacter(String.valueOf(c)) == null ? c : '\uFFFD');
            }
        }
        return out.length() < text.length() ? out + "…" : out.toString();
    }
}
