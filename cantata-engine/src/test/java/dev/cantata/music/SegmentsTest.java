package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
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

    @Test
    void aTextTooLongForAnyEditIsRefusedBeforeItIsRead() {
        assertThatThrownBy(() -> Segments.parse("[" + "[1,2],".repeat(10_000) + "[3,4]]", 95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + Segments.MAX_CHARACTERS);
    }

    // ---------------------------------------------------------------- fuzz (jqwik)

    @Provide
    Arbitrary<String> segmentTexts() {
        Arbitrary<String> number = Arbitraries.oneOf(
                Arbitraries.doubles().between(-2, 200).ofScale(3).map(String::valueOf),
                Arbitraries.of(
                        "-1", "0", "1e9", "99999999999999999999999", "-0", "NaN", "Infinity", ".5", "5.", "1,5"));
        Arbitrary<String> pair = net.jqwik.api.Combinators.combine(number, number, Arbitraries.of(",", " , ", ";", ""))
                .as((a, b, comma) -> "[" + a + comma + b + "]");
        Arbitrary<String> lists = pair.list().ofMaxSize(40).map(pairs -> "[" + String.join(",", pairs) + "]");
        Arbitrary<String> noise = Arbitraries.strings()
                .withChars("[],.-0123456789 \t\n\ud800\ufffe\u0000e")
                .ofMaxLength(300);
        Arbitrary<String> nested =
                Arbitraries.integers().between(1, 20_000).map(n -> "[".repeat(n) + "1,2" + "]".repeat(n));
        return Arbitraries.frequencyOf(Tuple.of(5, lists), Tuple.of(4, noise), Tuple.of(1, nested));
    }

    @Property(tries = 3000)
    void anyTextGivesOrderedSegmentsInsideTheSongOrAnIllegalArgument(
            @ForAll("segmentTexts") String text, @ForAll @DoubleRange(min = 5, max = 600) double length) {
        List<Segments.Segment> segments;
        try {
            segments = Segments.parse(text, length);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(segments).isNotEmpty().hasSizeLessThanOrEqualTo(Segments.MAX);
        double previousEnd = 0;
        for (Segments.Segment s : segments) {
            assertThat(s.start()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(s.end() - s.start()).isGreaterThanOrEqualTo(Segments.MIN_SECONDS);
            assertThat(s.end()).isLessThanOrEqualTo(length + 1e-6);
            previousEnd = s.end();
        }
    }
}
