package dev.cantata.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cantata.audio.Codec;
import dev.cantata.audio.Codecs;
import dev.cantata.audio.Ffmpeg;
import dev.cantata.audio.WavFile;
import dev.cantata.midi.SongMidi;
import dev.cantata.music.InstrumentRenderer;
import dev.cantata.music.Song;
import dev.cantata.music.SongEngine;
import dev.cantata.music.SongSpec;
import dev.cantata.music.Stem;
import dev.cantata.speech.BuiltInVoices;
import dev.cantata.speech.MaryEngine;
import dev.cantata.speech.Voice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cantata song --lyrics FILE --style "…" -o out.mp3}: a song from the command line, no server. */
@Command(name = "song", mixinStandardHelpOptions = true, description = "Make a song from lyrics and a style.")
final class SongCommand implements Callable<Integer> {

    @Option(
            names = "--lyrics",
            paramLabel = "FILE",
            description = "Lyrics: Suno section markup or LRC (omit for an instrumental).")
    @Nullable
    Path lyrics;

    @Option(
            names = "--style",
            required = true,
            description = "Genres, moods, instruments, voice, tempo, key: free text.")
    String style = "";

    @Option(names = "--length", paramLabel = "SECONDS", description = "Exact length (default: what the lyrics need).")
    @Nullable
    Double length;

    @Option(names = "--seed", description = "Same inputs and seed, same song (default 1).")
    long seed = 1;

    @Option(names = "--instrumental", description = "Sing nothing.")
    boolean instrumental;

    @Option(names = "--voice", description = "Sing with this built-in voice (default: from the style).")
    @Nullable
    String voice;

    @Option(names = "--title", description = "The song's title (default: its first line).")
    @Nullable
    String title;

    @Option(names = "--soundfont", paramLabel = "SF2", description = "Soundfont (default: Debian's FluidR3).")
    @Nullable
    Path soundfont;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "FILE",
            description = "Output; the extension picks the format (mp3, flac, wav, opus, aac).")
    Path output = Path.of("song.mp3");

    @Option(
            names = "--stems",
            paramLabel = "DIR",
            description = "Also write each stem (32-bit float WAV: they sum to the mix before the limiter) and"
                    + " score.json here.")
    @Nullable
    Path stems;

    @Option(
            names = "--dry-vocals",
            paramLabel = "FILE",
            description = "Also write the lead vocal as sung, before phrasing and effects (mono WAV).")
    @Nullable
    Path dryVocals;

    @Option(
            names = "--midi",
            paramLabel = "FILE",
            description = "Also write the song as a Standard MIDI File (type 1: tempo, key, the melody with its lyrics,"
                    + " a named track per instrument part).")
    @Nullable
    Path midi;

    @Override
    public Integer call() throws Exception {
        Codec codec;
        String text;
        Voice singer = null;
        try {
            String name = output.getFileName().toString();
            codec = Codec.parse(name.substring(name.lastIndexOf('.') + 1));
            text = lyrics == null ? "" : Files.readString(lyrics);
            if (voice != null) {
                singer = BuiltInVoices.find(voice)
                        .orElseThrow(() -> new IllegalArgumentException("no voice \"" + voice + "\""));
            }
            SongSpec probe = new SongSpec(text, style, length, seed, instrumental, title, null, 0);
            dev.cantata.music.Lyrics.parse(probe.lyrics()); // fail on bad LRC before loading anything
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException | java.io.IOException e) {
            System.err.println("cantata song: " + e.getMessage());
            return 2;
        }
        SongEngine engine = new SongEngine(
                MaryEngine.start(),
                dev.cantata.speech.EspeakEngine.find(MaryEngine.defaultEngines())
                        .orElse(null),
                InstrumentRenderer.load(Optional.ofNullable(soundfont)),
                true);
        SongSpec spec = new SongSpec(
                text,
                style,
                length,
                seed,
                instrumental || text.isBlank(),
                title,
                singer == null ? null : singer.profile(),
                singer == null ? 0 : 168 * singer.profile().pitch());
        float[][] dry = new float[1][];
        if (dryVocals != null) {
            engine = engine.tappingDryLead(lead -> dry[0] = lead);
        }
        long started = System.nanoTime();
        Song song = engine.make(spec, SongCommand::bar);
        if (dryVocals != null && dry[0] != null) {
            Files.write(dryVocals, dev.cantata.audio.WavFile.bytes(dry[0], Song.RATE, 1, "Cantata dry lead vocal"));
        }
        System.err.println();
        Codecs codecs = new Codecs(Ffmpeg.locate());
        Files.write(output, codecs.encode(song.master(), Song.RATE, 2, codec));
        if (stems != null) {
            Files.createDirectories(stems);
            for (Map.Entry<Stem, float[]> stem : song.stems().entrySet()) {
                // float, at unity: nothing rounded or clipped, so the stems sum to the mix exactly
                Files.write(
                        stems.resolve(stem.getKey().wireName() + ".wav"),
                        WavFile.floatBytes(stem.getValue(), Song.RATE, 2));
            }
            Map<String, Object> score = new LinkedHashMap<>();
            score.put("metadata", song.metadata());
            score.put("score", song.score());
            score.put("words", song.score().words());
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(stems.resolve("score.json").toFile(), score);
        }
        if (midi != null) {
            Files.write(midi, SongMidi.bytes(song));
        }
        System.err.printf(
                Locale.ROOT,
                "cantata song: %s, %.1f s in %.1f s: %s%n",
                output,
                song.seconds(),
                (System.nanoTime() - started) / 1e9,
                song.metadata());
        return 0;
    }

    private static void bar(int percent, String stage) {
        int filled = percent * 30 / 100;
        System.err.printf(
                Locale.ROOT, "\r[%s%s] %3d%% %-40s", "#".repeat(filled), " ".repeat(30 - filled), percent, stage);
    }
}
