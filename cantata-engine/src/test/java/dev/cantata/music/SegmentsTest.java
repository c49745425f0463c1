package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class SegmentsTest {

    @Test
    void minusOneMeansTheSongsStartOrEnd() {
        assertThat(Segments.parse("[[-1,25],[50.0,-1]]", 95))
                .containsExactly(new Segments.Segment(0, 25), new Segments.Segment(50, 95));
    }

    @Test
    void whitespaceAndDecimalsAreAccepted() {
        assertThat(Segments.parse(" [ [ 10.5 , 20.25 ] ] ", 95)).containsExactly(new Segments.Segment(10.5, 20.25));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "10,20|list of [start, end] pairs",
                "[]|is empty",
                "[[10,20],]|ends with a comma",
                "[[10,20] [30,40]]|expected a comma after segment 1",
                "[[10]]|segment 1 is not a [start, end] pair",
                "[[a,b]]|segment 1 is not a [start, end] pair",
                "[[20,10]]|segment 1 ends (10.00 s) before it starts (20.00 s)",
                "[[10,120]]|ends at 120.00 s, after the song's end (95.00 s)",
                "[[-2,10]]|-1 for the song's start or end",
                "[[30,40],[10,20]]|segment 2 starts before segment 1",
                "[[10,30],[20,40]]|segment 2 overlaps segment 1",
                "[[10,10.2]]|needs at least 0.5 s"
            })
    void badSegmentsAreRefusedSayingWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> Segments.parse(text, 95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
