package dev.cantata.http.studio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class AcceptTest {
    @ParameterizedTest(name = "Accept \"{0}\" prefers HTML: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // what browsers send when they navigate (Chromium, Firefox, Safari)
                "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8|true",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8|true",
                // what API clients send: curl, requests, httpx, fetch()
                "*/*|false",
                "application/json|false",
                "application/json, text/plain, */*|false",
                // HTML named but refused or weighed below JSON
                "text/html;q=0|false",
                "application/json, text/html;q=0.5|false",
                "text/html;q=0.5, application/json;q=0.5|true",
                "TEXT/HTML ; Q=0.9|true",
                "text/html;q=abc|false",
                "text/html;q=NaN|false",
                "text/html;q=2|false",
                "text/htmlx|false",
                " |false",
            })
    void aRequestGetsThePageOnlyWhenItPrefersHtml(String header, boolean html) {
        assertThat(Accept.prefersHtml(header)).isEqualTo(html);
    }

    @org.junit.jupiter.api.Test
    void noAcceptHeaderIsAnApiClient() {
        assertThat(Accept.prefersHtml(null)).isFalse();
    }
}
