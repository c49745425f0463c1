package dev.cantata.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class WavFileTest {

    @Test
    void aWholeFileCarriesExactSizesAndReadsBack() throws Exception {
        Pcm tone = Signals.sine(440, 0.5, 16_000, 0.5);

        byte[] file = WavFile.bytes(tone);
        Pcm back = WavFile.read(file, 60);

        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(4)).isEqualTo(file.length - 8);
        assertThat(b.getInt(40)).isEqualTo(tone.length() * 2);
        assertThat(back.sampleRate()).isEqualTo(16_000);
        assertThat(back.length()).isEqualTo(tone.length());
        for (int i = 0; i < tone.length(); i += 97) {
            assertThat(back.samples()[i]).isCloseTo(tone.samples()[i], within(1e-4f));
        }
    }

    @Test
    void aStreamedFileSaysItsSizesAreUnknownAndStillReads() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Encoder.Sink sink = WavFile.encoder(true).open(out, 16_000, 1)) {
            sink.write(Signals.sine(440, 0.25, 16_000, 0.5).samples());
            sink.write(Signals.sine(440, 0.25, 16_000, 0.5).samples());
            sink.finish();
        }
        ByteBuffer b = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(b.getInt(4)).isEqualTo(-1);
        assertThat(b.getInt(40)).isEqualTo(-1);
        assertThat(WavFile.read(out.toByteArray(), 60).length()).isEqualTo(8000);
    }

    @Test
    void stereoTwentyFourBitIsMixedToMono() throws Exception {
        int frames = 1000;
        ByteBuffer b = ByteBuffer.allocate(44 + frames * 6).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + frames * 6);
        b.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
        b.putShort((short) 1)
                .putShort((short) 2)
                .putInt(8000)
                .putInt(8000 * 6)
                .putShort((short) 6)
                .putShort((short) 24);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(frames * 6);
        for (int i = 0; i < frames; i++) {
            int left = 4_194_304; // +0.5
            int right = 0;
            b.put((byte) left).put((byte) (left >> 8)).put((byte) (left >> 16));
            b.put((byte) right).put((byte) (right >> 8)).put((byte) (right >> 16));
        }

        Pcm mono = WavFile.read(b.array(), 60);

        assertThat(mono.length()).isEqualTo(frames);
        assertThat(mono.samples()[10]).isCloseTo(0.25f, within(1e-6f));
    }

    @Test
    void bytesThatAreNotWavAreRefusedWithAReason() {
        assertThatThrownBy(() -> WavFile.read("hello, this is not audio".getBytes(StandardCharsets.US_ASCII), 60))
                .isInstanceOf(AudioFormatException.class)
                .hasMessageContaining("RIFF");
    }

    @Test
    void readingStopsAtTheTimeLimit() throws Exception {
        Pcm back = WavFile.read(WavFile.bytes(Signals.sine(440, 3, 8000, 0.5)), 1);

        assertThat(back.seconds()).isEqualTo(1.0);
    }

    @org.junit.jupiter.api.Test
    void aCommentRidesInTheInfoChunkAndTheSamplesSurviveARoundTrip() throws Exception {
        float[] stereo = new float[2000];
        for (int i = 0; i < stereo.length; i++) {
            stereo[i] = Math.round((float) Math.sin(i * 0.05) * 30000) / 32768f; // exact 16-bit values
        }

        byte[] file = WavFile.bytes(stereo, 44_100, 2, "Cantata song 42/1");

        org.assertj.core.api.Assertions.assertThat(WavFile.comment(file)).contains("Cantata song 42/1");
        org.assertj.core.api.Assertions.assertThat(WavFile.comment(WavFile.bytes(stereo, 44_100, 2)))
                .isEmpty();
        float[] back = new Codecs(Ffmpeg.locate()).decodeStereo(file, 44_100, 10);
        org.assertj.core.api.Assertions.assertThat(back).containsExactly(stereo);
    }

    @Test
    void aFloatWavKeepsEverySampleExactlyEvenPastFullScale() throws Exception {
        float[] stereo = {0.25f, -0.5f, 1.75f, -2.5f, 1e-7f, 0f};

        byte[] file = WavFile.floatBytes(stereo, 44_100, 2);

        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getShort(20)).as("WAVE_FORMAT_IEEE_FLOAT").isEqualTo((short) 3);
        assertThat(b.getShort(34)).as("bits").isEqualTo((short) 32);
        assertThat(new String(file, 38, 4, StandardCharsets.US_ASCII)).isEqualTo("fact");
        assertThat(b.getInt(46)).as("frames in the fact chunk").isEqualTo(3);
        assertThat(WavFile.read(file, 10).samples()[1])
                .as("read back as the mean of the frame")
                .isCloseTo(-0.375f, within(1e-6f));
        float[] mono = {0.25f, 1.75f, -2.5f};
        assertThat(ReferenceDecoder.decode(WavFile.floatBytes(mono, 44_100, 1), 44_100, false))
                .as("ffmpeg reads the same values")
                .containsExactly(mono);
    }
}
