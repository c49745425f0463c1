package dev.cantata.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class FfmpegTest {
    @Test
    void aReasonDropsTheComponentsHeapAddress() {
        assertThat(Ffmpeg.reason("[mp3 @ 0x55d5c6a3b2c0] Failed to read frame size: Could not seek to 1026.\n"
                        + "pipe:0: Invalid argument"))
                .isEqualTo("Failed to read frame size: Could not seek to 1026.");
    }

    @Test
    void aReasonHidesAnyOtherAddressAndStaysShort() {
        assertThat(Ffmpeg.reason("bad packet at 0x7ffd1234abcd")).isEqualTo("bad packet at 0x…");
        assertThat(Ffmpeg.reason("x".repeat(1000))).hasSize(201);
    }
}
