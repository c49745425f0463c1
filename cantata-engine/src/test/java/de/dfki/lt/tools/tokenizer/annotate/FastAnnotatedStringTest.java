package de.dfki.lt.tools.tokenizer.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class FastAnnotatedStringTest {

    @Test
    void aNewAnnotationReplacesTheRunsItOverlaps() {
        FastAnnotatedString s = new FastAnnotatedString("abcdefghij");
        s.annotate("k", "one", 0, 3);
        s.annotate("k", "two", 3, 5);
        s.annotate("k", "three", 6, 9);

        s.annotate("k", "wide", 2, 7);

        s.setIndex(0);
        assertThat(s.getAnnotation("k")).as("a run cut into is replaced whole").isNull();
        s.setIndex(4);
        assertThat(s.getAnnotation("k")).isEqualTo("wide");
        assertThat(s.getRunStart("k")).isEqualTo(2);
        assertThat(s.getRunLimit("k")).isEqualTo(7);
        s.setIndex(8);
        assertThat(s.getAnnotation("k")).isNull();
        assertThat(s.getRunStart("k")).isEqualTo(7);
        assertThat(s.getRunLimit("k")).isEqualTo(10);
    }

    @Test
    void tensOfThousandsOfTokensAreAnnotatedRunByRun() {
        int n = 50_000;
        FastAnnotatedString s = new FastAnnotatedString("a ".repeat(n));
        for (int i = 0; i < n; i++) {
            s.annotate("class", "WORD", 2 * i, 2 * i + 1);
        }

        int runs = 0;
        for (int at = 0; at < s.length(); at = s.getRunLimit("class")) {
            s.setIndex(at);
            if (s.getAnnotation("class") != null) {
                runs++;
            }
        }
        assertThat(runs).isEqualTo(n);
    }
}
