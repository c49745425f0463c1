package dev.cantata.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cantata.CantataServer;
import dev.cantata.config.Settings;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a live server started in this JVM: the seed's flow, the DiffRhythm calls, speech, errors. */
final class CantataClientTest {
    static final String LYRICS =
            "[Verse 1]\nCruel flames of war engulf this land\nBattlefields filled with death and dread"
                    + "\n\n[Chorus]\nSilent battlegrounds, no birds' song\n";

    @TempDir
    static Path data;

    static CantataServer server;
    static CantataClient cantata;

    @BeforeAll
    static void start() {
        server = CantataServer.start(Settings.loopback(data), Map.of(), List.of(), InstantSource.system());
        cantata = CantataClient.builder()
                .baseUrl("http://127.0.0.1:" + server.port())
                .apiKey("client-test")
                .timeout(Duration.ofMinutes(5))
                .build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theSeedsExampleGeneratesTwoClipsPollsUntilStreamingAndDownloadsThem(@TempDir Path downloads) {
        Quota before = cantata.getQuotaInformation();

        List<Clip> data = cantata.customGenerateAudio(
                SongRequest.lyrics(LYRICS, "pop metal male melancholic", "Silent Battlefield"));
        List<Clip> playing = cantata.awaitPlayable(data, Duration.ofSeconds(1), 300);
        Path first = cantata.downloadAudio(playing.get(0).audioUrl(), downloads, "first.mp3");
        Path second = cantata.downloadAudio(playing.get(1).audioUrl(), downloads, "second.mp3");

        assertThat(data).hasSize(2).allSatisfy(c -> assertThat(c.status()).isEqualTo("submitted"));
        assertThat(playing).allSatisfy(c -> assertThat(c.audioUrl()).startsWith("http://127.0.0.1:"));
        assertThat(first).isRegularFile();
        assertThat(second).isRegularFile();
        assertThat(mp3(first)).isTrue();
        assertThat(mp3(second)).isTrue();
        assertThat(cantata.getQuotaInformation().creditsLeft()).isEqualTo(before.creditsLeft() - 10);
        assertThat(midiTracks(cantata.clipMidi(playing.get(0).id()))).isGreaterThanOrEqualTo(4);
        assertThatThrownBy(() -> cantata.clipMidi("00000000-0000-0000-0000-000000000000"))
                .isInstanceOfSatisfying(
                        CantataException.class, e -> assertThat(e.status()).isEqualTo(404));

        List<Clip> extended = cantata.extendAudio(
                SongRequest.extend(playing.get(0).id(), "[Verse 3]\nThrough the ashes, we will rise", 4.0)
                        .withWaitAudio(true));
        assertThat(extended).hasSize(2).allSatisfy(c -> assertThat(c.playable()).isTrue());
        assertThat(extended.get(0).type()).isEqualTo("extend");
    }

    /** The tracks of a Standard MIDI File, as the JDK reads it. */
    static int midiTracks(byte[] file) {
        try {
            return javax.sound.midi.MidiSystem.getSequence(new java.io.ByteArrayInputStream(file))
                    .getTracks()
                    .length;
        } catch (javax.sound.midi.InvalidMidiDataException | java.io.IOException e) {
            throw new AssertionError("not a MIDI file: " + e.getMessage(), e);
        }
    }

    static boolean mp3(Path file) {
        try {
            byte[] b = Files.readAllBytes(file);
            return b.length > 1000
                    && ((b[0] == 'I' && b[1] == 'D' && b[2] == '3')
                            || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aDescriptionComesBackWithWrittenLyrics() {
        List<Clip> clips =
                cantata.generateAudioByPrompt(SongRequest.description("an upbeat disco song about dancing on a rooftop")
                        .withWaitAudio(true));
        WrittenLyrics lyrics = cantata.generateLyrics("a song about trains");

        assertThat(clips).hasSize(2).allSatisfy(c -> assertThat(c.lyric()).contains("\n"));
        assertThat(lyrics.text()).contains("[Chorus]");
    }

    @Test
    void aDiffRhythmSongIsQueuedAwaitedDownloadedEditedAndDeleted() {
        String lrc = "[00:05.00]Morning rain upon the window\n[00:40.00]Hold on, the light is coming through\n";

        String task = cantata.generateSong(SongUpload.prompt(lrc, "folk, acoustic guitar", 95));
        SongTask done = cantata.awaitSong(task, Duration.ofMinutes(5));
        byte[] wav = cantata.downloadSong(task, 0);
        String edit = cantata.editSong(SongUpload.prompt(lrc, "folk", 95).editing(wav, List.of(new double[] {30, 50})));
        cantata.awaitSong(edit, Duration.ofMinutes(5));
        byte[] editedMidi = cantata.downloadSongMidi(edit, 0);
        cantata.deleteSong(task);

        assertThat(done.progress()).isEqualTo(100);
        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getInt(24)).isEqualTo(44_100);
        assertThat(cantata.downloadSong(edit, 0)).hasSameSizeAs(wav);
        assertThat(midiTracks(editedMidi)).as("an edited song has its MIDI too").isGreaterThanOrEqualTo(4);
        assertThatThrownBy(() -> cantata.songStatus(task))
                .isInstanceOfSatisfying(
                        CantataException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessage("Task not found");
    }

    @Test
    void speechComesBackInTheFormatAsked() {
        byte[] wav = cantata.speech("Hello from the Java client.", "alloy", "wav", 1.0);

        assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    }

    @Test
    void errorsCarryTheServersStatusAndMessage() {
        assertThatThrownBy(
                        () -> cantata.extendAudio(SongRequest.extend("00000000-0000-0000-0000-000000000000", "", null)))
                .isInstanceOfSatisfying(
                        CantataException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining("Clip not found");
        assertThatThrownBy(() -> cantata.generateSong(SongUpload.prompt("no time tag", "pop", 95)))
                .isInstanceOfSatisfying(
                        CantataException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("LRC line 1");
        CantataClient nowhere =
                CantataClient.builder().baseUrl("http://127.0.0.1:1").build();
        assertThatThrownBy(nowhere::getQuotaInformation)
                .isInstanceOfSatisfying(
                        CantataException.class, e -> assertThat(e.status()).isZero());
    }
}
