package dev.cantata.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class TimeStretchTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.25, 0.5, 0.8, 1.25, 2.0, 4.0})
    void stretchingChangesTheDurationExactlyAndKeepsThePitch(double factor) {
        Pcm voice = Signals.vowel(140, 2, 16_000, 0);

        Pcm out = TimeStretch.stretch(voice, factor);

        assertThat(out.length()).isEqualTo((int) Math.round(voice.length() * factor));
        assertThat(Signals.pitch(out)).isCloseTo(Signals.pitch(voice), within(Signals.pitch(voice) * 0.02));
        assertThat(out.peak()).isLessThanOrEqualTo(1.0);
    }
}
