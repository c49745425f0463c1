package dev.cantata.music;

import java.util.List;

/**
 * A lyric line as syllables: what the composer needs to write a melody (how many notes, which are stressed, which
 * word each belongs to).
 */
public record LineSyllables(String text, List<Syllable> syllables) {
    public LineSyllables {
        syllables = List.copyOf(syllables);
    }

    /** One syllable: the word it belongs to (its index and text) and whether it carries lexical stress. */
    public record Syllable(int word, String wordText, boolean stressed) {}

    /** Reads a line into syllables. */
    @FunctionalInterface
    public interface Reader {
        LineSyllables read(String line) throws Exception;
    }
}
