package de.dfki.lt.tools.tokenizer.annotate;

import java.text.CharacterIterator;

/**
 * The annotated-string API that MaryTTS's {@code JTokeniser} compiles against (DFKI JTok, not on Maven Central).
 * Cantata's own implementation, of exactly the operations MaryTTS uses: a string whose ranges carry annotations under
 * keys, walked like a {@link CharacterIterator}. A run is the range of one {@link #annotate} call, so two adjacent
 * tokens stay two runs even when their values are equal.
 */
public interface AnnotatedString {
    char DONE = CharacterIterator.DONE;

    /** Moves to {@code index} and returns the character there, or {@link #DONE} at or past the end. */
    char setIndex(int index);

    int getIndex();

    /** The annotation under {@code key} at the current index, or null. */
    Object getAnnotation(String key);

    /** Where the run of {@code key} at the current index starts (a run without the annotation counts as one too). */
    int getRunStart(String key);

    /** Where that run ends, exclusive. */
    int getRunLimit(String key);

    /** Annotates {@code [start, end)} with {@code value} under {@code key}. */
    void annotate(String key, Object value, int start, int end);

    String substring(int start, int end);

    int length();
}
