package dev.cantata.language;

/**
 * A stretch of text in one language.
 *
 * @param language the language it is in
 * @param text the text, as it was written (not yet pinyin)
 * @param start where it starts in the text it was cut from
 */
public record Run(Language language, String text, int start) {}
