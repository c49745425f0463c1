package dev.cantata.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class MandarinTest {

    @Test
    void polyphonesAreReadAsInTheirWords() {
        assertThat(Mandarin.syllables("银行")).containsExactly("yin2", "hang2");
        assertThat(Mandarin.syllables("长城")).containsExactly("chang2", "cheng2");
        assertThat(Mandarin.syllables("音乐")).containsExactly("yin1", "yue4");
        assertThat(Mandarin.syllables("快乐")).containsExactly("kuai4", "le4");
    }

    @Test
    void everyHanziIsOneSyllable() {
        String line = "我们一起唱这首歌，直到天亮";
        String hanzi = line.replace("，", "");

        assertThat(Mandarin.syllables(hanzi)).hasSize(hanzi.codePointCount(0, hanzi.length()));
        assertThat(Mandarin.syllables("學習中文")).containsExactly("xue2", "xi2", "zhong1", "wen2");
    }

    @Test
    void textBecomesPinyinWithAsciiPausesAndDigitsLeftForTheEngine() {
        assertThat(Mandarin.pinyin("你好，世界。我有3个苹果！")).isEqualTo("ni3 hao3 , shi4 jie4 . wo3 you3 3 ge4 ping2 guo3 !");
    }

    @Test
    void latinWordsStayAsTheyAre() {
        assertThat(Mandarin.pinyin("我爱Cantata")).isEqualTo("wo3 ai4 Cantata");
    }
}
