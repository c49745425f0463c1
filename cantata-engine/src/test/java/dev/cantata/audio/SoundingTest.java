package dev.cantata.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cantata.audio.Sounding.Span;
import org.junit.jupiter.api.Test;

final class SoundingTest {
    @Test
    void twoSoundsFarApartAreTwoSpansEachRunningOnByItsTail() {
        float[] x = new float[1000];
        x[100] = 0.5f;
        x[150] = -0.2f;
        x[700] = 1e-9f;

        assertThat(Sounding.spans(x, 1, 20, 100)).containsExactly(new Span(100, 171), new Span(700, 721));
    }

    @Test
    void soundsCloserThanTheBridgeAreOneSpan() {
        float[] x = new float[1000];
        x[100] = 0.5f;
        x[300] = 0.5f;

        assertThat(Sounding.spans(x, 1, 20, 200)).containsExactly(new Span(100, 321));
        assertThat(Sounding.spans(x, 1, 20, 199)).containsExactly(new Span(100, 121), new Span(300, 321));
    }

    @Test
    void aTailStopsAtTheEndAndSilenceHasNoSpans() {
        float[] x = new float[100];
        x[0] = 1;
        x[95] = 1;

        assertThat(Sounding.spans(x, 1, 50, 51)).containsExactly(new Span(0, 51), new Span(95, 100));
        assertThat(Sounding.spans(new float[100], 1, 10, 11)).isEmpty();
    }

    @Test
    void eachSpanStartsOnTheGridAtOrBeforeItsFirstSound() {
        float[] x = new float[1000];
        x[100] = 0.5f;
        x[700] = 0.5f;

        assertThat(Sounding.spans(x, 32, 20, 100)).containsExactly(new Span(96, 121), new Span(672, 721));
    }

    @Test
    void aBridgeTooShortToKeepSpansApartIsRefused() {
        assertThatThrownBy(() -> Sounding.spans(new float[10], 1, 5, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
