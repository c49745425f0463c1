package dev.cantata.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits English text into tokens, sentences and paragraphs: the job of DFKI's JTok, whose artifact is not on Maven
 * Central. MaryTTS reaches it through the small {@code de.dfki.lt.tools.tokenizer} shim; Cantata uses it directly to
 * stream speech sentence by sentence.
 *
 * <p>Tokens are words (with inner apostrophes, hyphens and periods of abbreviations), numbers (with decimal points and
 * thousands separators), and single punctuation marks ({@code ...} stays one token). A sentence ends after {@code . ! ?
 * …} (and closing quotes or brackets) when what follows starts a new sentence, unless the period belongs to a known
 * abbreviation, an initial, or a number. A blank line starts a paragraph.
 */
public final class Tokenizer {

    /** A token: its text span, and whether it starts a sentence or a paragraph. */
    public record Token(int start, int end, Kind kind, boolean sentenceStart, boolean paragraphStart) {}

    /** What a token is. */
    public enum Kind {
        WORD,
        NUMBER,
        PUNCT
    }

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "vs", "etc", "inc", "ltd", "co", "corp", "mt", "ft",
            "no", "vol", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "gen", "col", "capt", "lt", "sgt", "rev", "hon", "approx", "dept", "est", "e.g", "i.e", "a.m", "p.m", "u.s",
            "u.k", "ph.d");

    private Tokenizer() {}

    /** The tokens of {@code text}, in order. */
    public static List<Token> tokenize(String text) {
        List<Span> spans = spans(text);
        List<Token> tokens = new ArrayList<>(spans.size());
        boolean newSentence = true;
        boolean newParagraph = true;
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            if (i > 0 && blankLineBetween(text, spans.get(i - 1).end, span.start)) {
                newSentence = true;
                newParagraph = true;
            }
            tokens.add(new Token(span.start, span.end, span.kind, newSentence, newParagraph));
            newSentence = endsSentence(text, spans, i);
            newParagraph = false;
        }
        return tokens;
    }

    /** The sentences of {@code text}, each trimmed, none empty, together holding every token of the text. */
    public static List<String> sentences(String text) {
        List<Token> tokens = tokenize(text);
        List<String> sentences = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (Token token : tokens) {
            if (token.sentenceStart() && start >= 0) {
                sentences.add(text.substring(start, end).strip());
                start = -1;
            }
            if (start < 0) {
                start = token.start();
            }
            end = token.end();
        }
        if (start >= 0) {
            sentences.add(text.substring(start, end).strip());
        }
        return sentences;
    }

    /**
     * The text in pieces of at most {@code limit} characters ({@code first} for the first piece): its sentences, long
     * ones split at clause marks, else at spaces, else inside a word; nothing dropped or repeated but the spaces at
     * the cuts. Linear in the text.
     */
    public static List<String> pieces(String text, int first, int limit) {
        if (first < 8 || limit < 8) {
            throw new IllegalArgumentException("pieces of at least 8 characters, not " + Math.min(first, limit));
        }
        List<String> pieces = new ArrayList<>();
        for (String sentence : sentences(text)) {
            int max = pieces.isEmpty() ? first : limit;
            int from = 0;
            while (sentence.length() - from > max) {
                int cut = cutPoint(sentence, from, max);
                String piece = sentence.substring(from, cut).strip();
                if (!piece.isEmpty()) {
                    pieces.add(piece);
                }
                from = cut;
                while (from < sentence.length() && Character.isWhitespace(sentence.charAt(from))) {
                    from++;
                }
                max = limit;
            }
            String rest = sentence.substring(from).strip();
            if (!rest.isEmpty()) {
                pieces.add(rest);
            }
        }
        return pieces;
    }

    /** Where to cut {@code text} after {@code from} to leave at most {@code limit} characters: late in the window. */
    private static int cutPoint(String text, int from, int limit) {
        for (String marks : List.of(";:；：", ",，、", " ")) {
            for (int i = from + limit - 1; i >= from + limit / 3; i--) {
                if (marks.indexOf(text.charAt(i)) >= 0) {
                    return i + 1;
                }
            }
        }
        int cut = from + limit; // one very long word: cut it, never between the halves of a surrogate pair
        return Character.isLowSurrogate(text.charAt(cut)) ? cut - 1 : cut;
    }

    private record Span(int start, int end, Kind kind) {}

    private static List<Span> spans(String text) {
        List<Span> spans = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                i++;
                continue;
            }
            int start = i;
            if (Character.isDigit(c)) {
                i++;
                while (i < n
                        && (Character.isDigit(text.charAt(i))
                                || ((text.charAt(i) == '.' || text.charAt(i) == ',' || text.charAt(i) == ':')
                                        && i + 1 < n
                                        && Character.isDigit(text.charAt(i + 1))))) {
                    i++;
                }
                // 1990s, 3rd, 10am: letters glued to a number stay with it
                while (i < n && Character.isLetter(text.charAt(i))) {
                    i++;
                }
                spans.add(new Span(start, i, Kind.NUMBER));
            } else if (Character.isLetter(c)) {
                i++;
                // whether the word so far is single ASCII letters joined by periods ("e.g", "U.S"), kept as the word
                // grows so that deciding it at each period costs nothing: tokenizing stays linear in the text
                boolean dotted = isAsciiLetter(c);
                int segment = 1;
                while (i < n) {
                    char d = text.charAt(i);
                    if (Character.isLetterOrDigit(d)) {
                        dotted &= isAsciiLetter(d) && segment == 0;
                        segment++;
                        i++;
                    } else if ((d == '\'' || d == '’' || d == '-')
                            && i + 1 < n
                            && Character.isLetter(text.charAt(i + 1))) {
                        dotted = false;
                        segment++;
                        i++;
                    } else if (d == '.'
                            && i + 1 < n
                            && Character.isLetter(text.charAt(i + 1))
                            && (i - start == 1 || (dotted && segment == 1))) {
                        segment = 0;
                        i++;
                    } else {
                        break;
                    }
                }
                // the final period of an abbreviation or an initial belongs to the word
                if (i < n && text.charAt(i) == '.' && isAbbreviation(text.substring(start, i))) {
                    i++;
                }
                spans.add(new Span(start, i, Kind.WORD));
            } else if (c == '.' && text.startsWith("...", i)) {
                i += 3;
                spans.add(new Span(start, i, Kind.PUNCT));
            } else {
                i += Character.charCount(text.codePointAt(i));
                spans.add(new Span(start, i, Kind.PUNCT));
            }
        }
        return spans;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAbbreviation(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (ABBREVIATIONS.contains(lower)) {
            return true;
        }
        // an initial ("J. Smith") or dotted letters ("U.S.")
        return (word.length() == 1 && Character.isUpperCase(word.charAt(0))) || word.matches("([A-Za-z]\\.)+[A-Za-z]");
    }

    private static boolean endsSentence(String text, List<Span> spans, int i) {
        Span span = spans.get(i);
        if (span.kind != Kind.PUNCT) {
            return false;
        }
        String mark = text.substring(span.start, span.end);
        boolean closing =
                mark.equals("\"") || mark.equals("”") || mark.equals("’") || mark.equals(")") || mark.equals("'");
        if (closing) {
            // a closing quote or bracket ends the sentence if the mark before it did
            return i > 0
                    && isTerminal(text, spans.get(i - 1))
                    && spans.get(i - 1).end == span.start
                    && startsNext(text, spans, i);
        }
        if (!isTerminal(text, span)) {
            return false;
        }
        if (i + 1 < spans.size()) {
            Span next = spans.get(i + 1);
            String nextText = text.substring(next.start, next.end);
            boolean glued = next.start == span.end;
            if (glued
                    && (isTerminal(text, next)
                            || nextText.equals("\"")
                            || nextText.equals("”")
                            || nextText.equals(")")
                            || nextText.equals("'")
                            || nextText.equals("’"))) {
                return false; // "?!", '."' : the last mark decides
            }
        }
        return startsNext(text, spans, i);
    }

    private static boolean isTerminal(String text, Span span) {
        if (span.kind != Kind.PUNCT) {
            return false;
        }
        String mark = text.substring(span.start, span.end);
        return mark.equals(".")
                || mark.equals("!")
                || mark.equals("?")
                || mark.equals("…")
                || mark.equals("...")
                || isFullWidthTerminal(mark);
    }

    /** The sentence ends of Chinese and Japanese, which need no space after them. */
    private static boolean isFullWidthTerminal(String mark) {
        return mark.equals("。") || mark.equals("！") || mark.equals("？") || mark.equals("．") || mark.equals("｡");
    }

    /** True when the token after {@code i} can start a sentence (or there is none). */
    private static boolean startsNext(String text, List<Span> spans, int i) {
        if (i + 1 >= spans.size()) {
            return false; // the last sentence needs no border after it
        }
        Span next = spans.get(i + 1);
        String mark = text.substring(spans.get(i).start, spans.get(i).end);
        if (isFullWidthTerminal(mark)) {
            return true; // "你好。我很好。": Chinese and Japanese put no space after a full stop
        }
        if (next.start == spans.get(i).end) {
            return false; // "3.5", "a.b": no space, no new sentence
        }
        char first = text.charAt(next.start);
        if (mark.equals("...") || mark.equals("…")) {
            return Character.isUpperCase(first); // an ellipsis inside a sentence is followed by lower case
        }
        return !Character.isLowerCase(first);
    }

    private static boolean blankLineBetween(String text, int from, int to) {
        int newlines = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                newlines++;
                if (newlines >= 2) {
                    return true;
                }
            } else if (c == '\u2029') {
                return true;
            } else if (!Character.isWhitespace(c)) {
                newlines = 0;
            }
        }
        return false;
    }
}
