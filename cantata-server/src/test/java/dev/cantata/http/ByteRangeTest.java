package dev.cantata.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Range header as RFC 9110 §14 reads it, against a file of 1000 bytes. */
final class ByteRangeTest {
    static final long LENGTH = 1000;

    @ParameterizedTest
    @CsvSource({
        "'bytes=0-99', 0, 99",
        "'bytes=100-', 100, 999",
        "'bytes=-100', 900, 999",
        "'bytes=0-0', 0, 0",
        "'bytes=999-999', 999, 999",
        "'bytes=500-5000', 500, 999",
        "'bytes=-5000', 0, 999",
        "'bytes=0-99999999999999999999999', 0, 999",
        "'Bytes = 10 - 19 ', 10, 19"
    })
    void oneRangeIsThatPartClippedToTheFile(String header, long first, long last) {
        assertThat(ByteRange.of(header, LENGTH)).isEqualTo(new ByteRange.Part(first, last));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-2000", "bytes=-0", "bytes=99999999999999999999-"})
    void aRangeWithNoByteOfTheFileIsUnsatisfiable(String header) {
        assertThat(ByteRange.of(header, LENGTH)).isEqualTo(ByteRange.UNSATISFIABLE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "bytes=",
                "bytes=-",
                "bytes=5-3",
                "bytes=abc",
                "bytes=0-1,5-6",
                "bytes=0-99,",
                "items=0-5",
                "bytes 0-5",
                "bytes=+1-5"
            })
    void severalRangesOtherUnitsAndMalformedHeadersGetTheWholeFile(String header) {
        assertThat(ByteRange.of(header, LENGTH)).isEqualTo(ByteRange.WHOLE);
    }

    @Test
    void noHeaderIsTheWholeFile() {
        assertThat(ByteRange.of(null, LENGTH)).isEqualTo(ByteRange.WHOLE);
    }

    @Test
    void anEmptyFileHasNoRangeToGive() {
        assertThat(ByteRange.of("bytes=0-", 0)).isEqualTo(ByteRange.UNSATISFIABLE);
        assertThat(ByteRange.of("bytes=-10", 0)).isEqualTo(ByteRange.UNSATISFIABLE);
    }

    @Test
    void aPartNamesItselfInContentRange() {
        ByteRange.Part part = new ByteRange.Part(1000, 1999);

        assertThat(part.length()).isEqualTo(1000);
        assertThat(part.contentRange(654_569)).isEqualTo("bytes 1000-1999/654569");
    }
}
