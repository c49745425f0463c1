package dev.cantata.speech;

/**
 * Text made safe to speak or sing: what reaches MaryTTS is well-formed UTF-16 that XML 1.0 can hold. Noncharacters
 * ({@code U+FFFE}, {@code U+FDD0}…) and the control characters XML forbids are dropped; a lone surrogate, half of a
 * character that was cut, becomes {@code U+FFFD}, the replacement character, which nothing pronounces. Everything else
 * is kept as it is, so cleaning is deterministic and clean text comes back unchanged.
 */
public final class SpeechText {
    private SpeechText() {}

    /** {@code text} with noncharacters and forbidden controls dropped and lone surrogates replaced. */
    public static String clean(String text) {
        if (isClean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(i + 1));
                if (!isNoncharacter(cp)) {
                    out.appendCodePoint(cp);
                }
                i += 2;
                continue;
            }
            if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (!isNoncharacter(c) && !isForbiddenControl(c)) {
                out.append(c);
            }
            i++;
        }
        return out.toString();
    }

    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (isNoncharacter(Character.toCodePoint(c, text.charAt(++i)))) {
                    return false;
                }
            } else if (Character.isSurrogate(c) || isNoncharacter(c) || isForbiddenControl(c)) {
                return false;
            }
        }
        return true;
    }

    /** The 66 code points Unicode reserves as never being characters (the HTTP layer refuses them with this too). */
    public static boolean isNoncharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    /** C0 controls other than tab and line breaks: XML 1.0 cannot carry them even as references. */
    private static boolean isForbiddenControl(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }
}
