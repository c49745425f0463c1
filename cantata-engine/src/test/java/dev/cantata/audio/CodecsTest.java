package dev.cantata.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every codec's output is decoded by ffmpeg, a decoder that is not ours, and must give back the tone that went in. In
 * CI ffmpeg is installed by {@code ./cantata test}; elsewhere these tests skip without it.
 */
final class CodecsTest {
    static Codecs codecs;

    @TempDir
    Path dir;

    @BeforeAll
    static void findFfmpeg() {
        Optional<Ffmpeg> ffmpeg = Ffmpeg.locate();
        if (System.getenv("CI") == null) {
            assumeTrue(ffmpeg.isPresent(), "ffmpeg is not installed");
        }
        assertThat(ffmpeg).as("ffmpeg (./cantata test installs it)").isPresent();
        codecs = new Codecs(ffmpeg);
    }

    /** Decodes with the ffmpeg binary, independently of {@link Codecs#decode}. */
    static Pcm independentDecode(byte[] bytes, Codec codec, int rate) throws Exception {
        return new Pcm(ReferenceDecoder.decode(bytes, rate, codec == Codec.PCM), rate);
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void everyFormatDecodesWithAnIndependentDecoderToTheSameToneAndLength(Codec codec) throws Exception {
        Pcm tone = Signals.sine(440, 2, 24_000, 0.5);

        byte[] bytes = codecs.encode(tone, codec);
        Pcm back = independentDecode(bytes, codec, 24_000);

        assertThat(back.seconds()).as(codec + " duration").isCloseTo(2.0, within(0.12));
        assertThat(Signals.pitch(back.slice(0.3, 1.7))).as(codec + " pitch").isCloseTo(440, within(2.0));
        assertThat(back.slice(0.3, 1.7).rms()).as(codec + " level").isCloseTo(0.354, within(0.04));
    }

    @ParameterizedTest
    @EnumSource(
            value = Codec.class,
            names = {"MP3", "OPUS", "AAC", "FLAC", "WAV"})
    void streamedEncodingsDecodeToo(Codec codec) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Encoder.Sink sink = codecs.encoder(codec, true).open(out, 16_000, 1)) {
            for (int i = 0; i < 4; i++) {
                sink.write(Signals.sine(440, 0.5, 16_000, 0.5).samples());
            }
            sink.finish();
        }

        Pcm back = independentDecode(out.toByteArray(), codec, 16_000);

        // MP3 without a gapless tag keeps the encoder delay and last-frame padding: about 0.11 s at 16 kHz.
        assertThat(back.seconds()).isCloseTo(2.0, within(0.15));
        assertThat(Signals.pitch(back.slice(0.3, 1.7))).isCloseTo(440, within(2.0));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2})
    void aWholeFlacSaysHowManySamplesItHoldsAndDecodesToExactlyThoseWithTheSignalsMd5(int channels) throws Exception {
        int frames = 2 * 44_100 + 777; // not a whole number of FLAC blocks
        float[] interleaved = new float[frames * channels];
        for (int c = 0; c < channels; c++) {
            float[] tone =
                    Signals.sine(440 + 220 * c, frames / 44_100.0, 44_100, 0.5).samples();
            for (int i = 0; i < frames; i++) {
                interleaved[i * channels + c] = tone[i];
            }
        }

        byte[] flac = codecs.encode(interleaved, 44_100, channels, Codec.FLAC);

        StreamInfo info = StreamInfo.of(flac);
        assertThat(info.totalSamples()).isEqualTo(frames);
        assertThat(info.sampleRate()).isEqualTo(44_100);
        assertThat(info.channels()).isEqualTo(channels);
        assertThat(info.bitsPerSample()).isEqualTo(16);
        assertThat(info.minFrameSize()).isPositive();
        assertThat(info.maxFrameSize()).isGreaterThanOrEqualTo(info.minFrameSize());
        // FLAC's MD5 is of the samples as signed little-endian interleaved: exactly the s16le ffmpeg was fed
        String md5 = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("MD5").digest(Encoder.toS16le(interleaved)));
        assertThat(info.md5()).isEqualTo(md5);
        assertThat(ReferenceDecoder.decode(flac, 44_100, false)).hasSize(frames);
    }

    @Test
    void aWholeFlacLeavesNoTemporaryFileBehindFinishedOrAbandoned() throws Exception {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = encoderTemporaries(temp);

        codecs.encode(Signals.sine(440, 1, 16_000, 0.5), Codec.FLAC);
        try (Encoder.Sink abandoned = codecs.encoder(Codec.FLAC, false).open(new ByteArrayOutputStream(), 16_000, 1)) {
            abandoned.write(Signals.sine(440, 1, 16_000, 0.5).samples());
            assertThat(encoderTemporaries(temp)).as("while encoding").isEqualTo(before + 1);
        }

        assertThat(encoderTemporaries(temp)).isEqualTo(before);
    }

    private static long encoderTemporaries(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("cantata-encode-"))
                    .count();
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Codec.class,
            names = {"MP3", "OPUS", "FLAC", "WAV", "AAC"})
    void uploadsInCommonFormatsAreRecognisedAndDecoded(Codec codec) throws Exception {
        byte[] upload = codecs.encode(Signals.sine(440, 2, 24_000, 0.5), codec);

        Pcm decoded = codecs.decode(upload, 16_000, 60);

        assertThat(decoded.sampleRate()).isEqualTo(16_000);
        assertThat(Signals.pitch(decoded.slice(0.3, 1.7))).isCloseTo(440, within(2.0));
    }

    @ParameterizedTest
    @EnumSource(
            value = Codec.class,
            names = {"FLAC", "WAV"})
    void aStereoUploadKeepsItsTwoSidesAndItsTimeLimit(Codec codec) throws Exception {
        float[] left = Signals.sine(440, 3, 44_100, 0.5).samples();
        float[] right = Signals.sine(660, 3, 44_100, 0.5).samples();
        float[] both = new float[left.length * 2];
        for (int i = 0; i < left.length; i++) {
            both[2 * i] = left[i];
            both[2 * i + 1] = right[i];
        }
        byte[] upload = codecs.encode(both, 44_100, 2, codec);

        float[] decoded = codecs.decodeStereo(upload, 44_100, 2);

        assertThat(decoded.length / 2.0 / 44_100).isCloseTo(2.0, within(0.05));
        float[] l = new float[decoded.length / 2];
        float[] r = new float[decoded.length / 2];
        for (int i = 0; i < l.length; i++) {
            l[i] = decoded[2 * i];
            r[i] = decoded[2 * i + 1];
        }
        assertThat(Signals.pitch(new Pcm(l, 44_100).slice(0.3, 1.7))).isCloseTo(440, within(2.0));
        assertThat(Signals.pitch(new Pcm(r, 44_100).slice(0.3, 1.7))).isCloseTo(660, within(3.0));
    }

    @Test
    void aDecodedUploadIsCutAtTheTimeLimit() throws Exception {
        byte[] upload = codecs.encode(Signals.sine(440, 5, 24_000, 0.5), Codec.MP3);

        assertThat(codecs.decode(upload, 16_000, 2).seconds()).isCloseTo(2.0, within(0.05));
    }

    @Test
    void textIsNotAudio() {
        assertThatThrownBy(
                        () -> codecs.decode("just some text, not audio".getBytes(StandardCharsets.UTF_8), 16_000, 60))
                .isInstanceOf(AudioFormatException.class)
                .hasMessageContaining("not a recognisable audio file");
    }

    @Test
    void aPlaylistThatPointsAtLocalFilesIsRefusedBeforeFfmpegSeesIt() {
        byte[] playlist = "#EXTM3U\n#EXTINF:1,\nfile:///etc/passwd\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codecs.decode(playlist, 16_000, 60)).isInstanceOf(AudioFormatException.class);
    }

    @Test
    void aTruncatedMp3WithAValidHeaderIsAClearError() throws IOException {
        byte[] mp3 = codecs.encode(Signals.sine(440, 1, 24_000, 0.5), Codec.MP3);
        byte[] broken = java.util.Arrays.copyOf(mp3, 3);
        broken[0] = 'I';
        broken[1] = 'D';
        broken[2] = '3';

        assertThatThrownBy(() -> codecs.decode(broken, 16_000, 60)).isInstanceOf(AudioFormatException.class);
    }

    static byte[] anHourOfSilence() throws Exception {
        return Signals.anHourOfSilenceFlac();
    }

    @Test
    void aSmallFileHoldingAnHourIsMeasuredAsLongerThanTheCapWithoutBeingHeld() throws Exception {
        byte[] flac = anHourOfSilence();
        assertThat(flac.length).isLessThan(1 << 20);
        Codecs measured = new Codecs(Ffmpeg.locate(), new DecodeBudget(64 << 20, 0));

        double seconds = measured.seconds(flac, 590);

        assertThat(seconds).isGreaterThan(590).isLessThan(592);
        assertThat(measured.budget().heldBytes()).as("no PCM was kept").isZero();
    }

    @Test
    void aWavIsMeasuredFromItsHeader() throws Exception {
        byte[] wav = WavFile.bytes(Pcm.silence(12.5, 16_000));
        Codecs measured = new Codecs(Optional.empty(), new DecodeBudget(1 << 20, 0));

        assertThat(measured.seconds(wav, 590)).isCloseTo(12.5, within(1e-3));
        assertThat(measured.budget().heldBytes()).isZero();
    }

    @Test
    void aDecodeThatFindsTheBudgetInUseIsRefusedAndRunsOnceItIsFree() throws Exception {
        DecodeBudget budget = new DecodeBudget(4 << 20, 0);
        Codecs limited = new Codecs(Ffmpeg.locate(), budget);
        byte[] wav = WavFile.bytes(Pcm.silence(2, 16_000));

        DecodeBudget.Reservation everything = budget.reserve(4L << 20);
        assertThatThrownBy(() -> limited.decode(wav, 16_000, 10)).isInstanceOf(AudioBusyException.class);
        assertThatThrownBy(() -> limited.decodeStereo(wav, 16_000, 10)).isInstanceOf(AudioBusyException.class);
        everything.close();
        assertThat(limited.decode(wav, 16_000, 10).seconds()).isCloseTo(2, within(1e-3));
        assertThat(budget.heldBytes()).isEqualTo(2 * 16_000 * 4);
    }

    @Test
    void aDecodeLargerThanTheWholeBudgetStillRunsAlone() throws Exception {
        DecodeBudget budget = new DecodeBudget(64 << 10, 0);
        Codecs limited = new Codecs(Ffmpeg.locate(), budget);
        byte[] wav = WavFile.bytes(Pcm.silence(3, 16_000));

        assertThat(limited.decodeStereo(wav, 16_000, 10).length).isEqualTo(2 * 3 * 16_000);
    }
}
