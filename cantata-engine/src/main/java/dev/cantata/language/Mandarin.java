package dev.cantata.language;

import com.github.houbb.pinyin.constant.enums.PinyinStyleEnum;
import com.github.houbb.pinyin.util.PinyinHelper;
import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.List;

/**
 * Mandarin Hanzi as pinyin with tone numbers ({@code 你好 → ni3 hao3}), which espeak-ng's {@code cmn-latn-pinyin} voice
 * reads with the right tones and tone sandhi. The pinyin comes from a word dictionary (houbb's pinyin), so a polyphone
 * reads as in its word (银行 yin2 hang2, 长城 chang2 cheng2, 音乐 yin1 yue4, 还钱 huan2 qian2: measured; a per-character
 * table, ICU's Han-Latin among them, reads all four wrong), and 一 and 不 change tone before the next syllable as
 * spoken Mandarin does. Digits are left to espeak-ng, which reads them as Chinese numbers.
 */
public final class Mandarin {
    private Mandarin() {}

    /** Whether {@code codePoint} is a Hanzi (a Han ideograph). */
    public static boolean isHanzi(int codePoint) {
        return UnicodeScript.of(codePoint) == UnicodeScript.HAN && Character.isLetter(codePoint);
    }

    /**
     * {@code text} with its Hanzi as pinyin syllables and its Chinese punctuation as the ASCII marks that make the same
     * pauses; everything else (digits, Latin letters, spaces) as it was.
     */
    public static String pinyin(String text) {
        StringBuilder out = new StringBuilder(text.length() * 4);
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (isHanzi(cp)) {
                int end = i;
                while (end < text.length() && isHanzi(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
                if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
                for (String syllable : syllables(text.substring(i, end))) {
                    if (!syllable.isEmpty()) {
                        out.append(syllable).append(' ');
                    }
                }
                i = end;
                continue;
            }
            out.append(Punctuation.ascii(cp));
            i += Character.charCount(cp);
        }
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    /**
     * The pinyin of each Hanzi of {@code hanzi} (Hanzi only), one syllable per character, read as words: {@code
     * 银行 → [yin2, hang2]}. A neutral tone is 5; a character the dictionary cannot read is an empty syllable.
     */
    public static List<String> syllables(String hanzi) {
        int count = hanzi.codePointCount(0, hanzi.length());
        List<String> words = split(PinyinHelper.toPinyin(hanzi, PinyinStyleEnum.NUM_LAST));
        if (words.size() == count) {
            return words;
        }
        // the dictionary merged or dropped a character (a rare or private-use ideograph): read each alone, so the
        // syllables still line up with the characters, one each
        List<String> each = new ArrayList<>(count);
        hanzi.codePoints().forEach(cp -> {
            List<String> one =
                    split(PinyinHelper.toPinyin(new String(Character.toChars(cp)), PinyinStyleEnum.NUM_LAST));
            each.add(one.size() == 1 && one.get(0).matches("[a-zü]+[1-5]?") ? one.get(0) : "");
        });
        return each;
    }

    private static List<String> split(String pinyin) {
        List<String> out = new ArrayList<>();
        for (String word : pinyin.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                out.add(word);
            }
        }
        return out;
    }
}
