/**
 * Which language a text is in and how its letters become sounds beyond English: the languages the installed espeak-ng
 * speaks ({@link dev.cantata.language.Languages}), detection ({@link dev.cantata.language.LanguageDetector}), the split
 * of mixed text into runs of one language each ({@link dev.cantata.language.Run}), and Mandarin's Hanzi as pinyin
 * syllables ({@link dev.cantata.language.Mandarin}).
 */
@NullMarked
package dev.cantata.language;

import org.jspecify.annotations.NullMarked;
