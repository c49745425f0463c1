package de.dfki.lt.tools.tokenizer;

import de.dfki.lt.tools.tokenizer.annotate.AnnotatedString;
import de.dfki.lt.tools.tokenizer.annotate.FastAnnotatedString;
import dev.cantata.speech.Tokenizer;
import java.util.Properties;

/**
 * The JTok entry point MaryTTS's {@code JTokeniser} calls, backed by Cantata's {@link Tokenizer}. MaryTTS's compiled
 * code inlines these constants and compares the border values by identity, so they must stay exactly these literals.
 */
public class JTok {
    /** Key of the token annotation; any non-null value marks a token. */
    public static final String CLASS_ANNO = "class";
    /** Key of the annotation on the first token of a sentence or paragraph. */
    public static final String BORDER_ANNO = "border";
    /** Border value: the token starts a paragraph (and a sentence). */
    public static final String P_BORDER = "p";
    /** Border value: the token starts a sentence. */
    public static final String S_BORDER = "s";

    /** MaryTTS passes its per-language resource folders; this tokenizer needs none. */
    public JTok(Properties properties) {}

    /** Tokenizes {@code text}; {@code language} is accepted for the API's sake (English rules apply). */
    public AnnotatedString tokenize(String text, String language) {
        FastAnnotatedString result = new FastAnnotatedString(text);
        for (Tokenizer.Token token : Tokenizer.tokenize(text)) {
            result.annotate(CLASS_ANNO, token.kind().name(), token.start(), token.end());
            if (token.paragraphStart()) {
                result.annotate(BORDER_ANNO, P_BORDER, token.start(), token.end());
            } else if (token.sentenceStart()) {
                result.annotate(BORDER_ANNO, S_BORDER, token.start(), token.end());
            }
        }
        return result;
    }
}
