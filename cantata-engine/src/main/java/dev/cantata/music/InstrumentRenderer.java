package dev.cantata.music;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders note events to 44.1 kHz stereo with the JDK's Gervill synthesizer, offline (faster than real time, no sound
 * device), from an SF2 soundfont: Debian's FluidR3 when installed, else the file named by the caller, else Gervill's
 * own small bank (with a warning, and {@link #soundfont()} saying so). Gervill's offline stream is reached through its
 * {@code AudioSynthesizer} interface, which needs {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED}.
 */
public final class InstrumentRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(InstrumentRenderer.class);
    public static final int RATE = 44_100;
    /** Where Debian's fluid-soundfont-gm puts FluidR3. */
    public static final Path DEBIAN_FLUID = Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2");

    private final @Nullable Soundbank soundbank;
    private final String soundfont;

    private InstrumentRenderer(@Nullable Soundbank soundbank, String soundfont) {
        this.soundbank = soundbank;
        this.soundfont = soundfont;
    }

    /** Loads the soundfont at {@code path}, or FluidR3 from Debian, or falls back to Gervill's built-in bank. */
    public static InstrumentRenderer load(Optional<Path> path) {
        Path chosen = path.orElse(DEBIAN_FLUID);
        if (Files.isReadable(chosen)) {
            long started = System.nanoTime();
            try {
                Soundbank bank = MidiSystem.getSoundbank(chosen.toFile());
                LOG.info("soundfont {} loaded in {} ms", chosen, (System.nanoTime() - started) / 1_000_000);
                return new InstrumentRenderer(bank, chosen.getFileName().toString());
            } catch (InvalidMidiDataException | IOException e) {
                LOG.warn("soundfont {} could not be read ({}); using Gervill's built-in bank", chosen, e.getMessage());
            }
        } else {
            LOG.warn(
                    "no soundfont at {} (apt-get install fluid-soundfont-gm); using Gervill's built-in bank, which sounds"
                            + " thin",
                    chosen);
        }
        return new InstrumentRenderer(null, "gervill-builtin");
    }

    /** Which soundfont the instruments come from ({@code FluidR3_GM.sf2}, or {@code gervill-builtin}). */
    public String soundfont() {
        return soundfont;
    }

    /**
     * How a MIDI channel is mixed inside the synthesizer: pan (0 left, 64 centre, 127 right), and the sends to
     * Gervill's reverb and chorus (0–127; General MIDI's defaults are 40 and 0).
     */
    public record Channel(int pan, int reverb, int chorus) {
        public Channel {
            if (pan < 0 || pan > 127 || reverb < 0 || reverb > 127 || chorus < 0 || chorus > 127) {
                throw new IllegalArgumentException(
                        "pan, reverb and chorus are MIDI values 0-127: " + pan + ", " + reverb + ", " + chorus);
            }
        }
    }

    /** Renders {@code events} to {@code seconds} of interleaved stereo at 44.1 kHz, every channel at GM defaults. */
    public float[] render(List<Arranger.Event> events, double seconds) throws IOException {
        return render(events, seconds, Map.of());
    }

    /**
     * Renders {@code events} to {@code seconds} of interleaved stereo at 44.1 kHz, the channels {@code mix} names
     * panned and sent to the effects as it says (the others at General MIDI's defaults).
     */
    public float[] render(List<Arranger.Event> events, double seconds, Map<Integer, Channel> mix) throws IOException {
        int frames = (int) Math.round(seconds * RATE);
        Synthesizer synth;
        try {
            synth = MidiSystem.getSynthesizer();
        } catch (MidiUnavailableException e) {
            throw new IOException("the JDK's synthesizer is unavailable: " + e.getMessage(), e);
        }
        AudioFormat format = new AudioFormat(RATE, 16, 2, true, false);
        Map<String, Object> info = new HashMap<>();
        info.put("interpolation", "linear");
        info.put("max polyphony", 96);
        info.put("reverb", true);
        info.put("chorus", true);
        // with a soundfont of our own, Gervill's default bank would be loaded only to be unloaded again
        info.put("load default soundbank", soundbank == null);
        AudioInputStream stream = openStream(synth, format, info);
        try {
            if (soundbank != null) {
                loadPlayed(synth, soundbank, events);
            }
            Receiver receiver = synth.getReceiver();
            for (Map.Entry<Integer, Channel> c : mix.entrySet()) {
                int ch = c.getKey();
                receiver.send(
                        new ShortMessage(
                                ShortMessage.CONTROL_CHANGE,
                                ch,
                                10,
                                c.getValue().pan()),
                        0);
                receiver.send(
                        new ShortMessage(
                                ShortMessage.CONTROL_CHANGE,
                                ch,
                                91,
                                c.getValue().reverb()),
                        0);
                receiver.send(
                        new ShortMessage(
                                ShortMessage.CONTROL_CHANGE,
                                ch,
                                93,
                                c.getValue().chorus()),
                        0);
            }
            int[] program = new int[16];
            java.util.Arrays.fill(program, -1);
            List<Arranger.Event> sorted = events.stream()
                    .sorted(java.util.Comparator.comparingDouble(Arranger.Event::start))
                    .toList();
            java.util.BitSet ranged = new java.util.BitSet(16);
            for (Arranger.Event e : sorted) {
                long on = Math.round(e.start() * 1e6);
                long off = Math.round((e.start() + e.duration()) * 1e6);
                if (e.channel() != 9 && program[e.channel()] != e.program()) {
                    receiver.send(new ShortMessage(ShortMessage.PROGRAM_CHANGE, e.channel(), e.program(), 0), on);
                    program[e.channel()] = e.program();
                }
                slide(
                        e,
                        ranged,
                        (m, atSongStart, afterNote) ->
                                receiver.send(m, atSongStart ? 0 : on + Math.round(afterNote * 1e6)));
                receiver.send(new ShortMessage(ShortMessage.NOTE_ON, e.channel(), e.pitch(), e.velocity()), on);
                receiver.send(new ShortMessage(ShortMessage.NOTE_OFF, e.channel(), e.pitch(), 0), off);
            }
            byte[] pcm = readFully(stream, frames * 4);
            float[] out = new float[frames * 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = (short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8)) / 32768f;
            }
            return out;
        } catch (InvalidMidiDataException | MidiUnavailableException e) {
            throw new IOException("rendering the instruments failed: " + e.getMessage(), e);
        } finally {
            synth.close();
        }
    }

    /**
     * Loads the instruments of {@code bank} that {@code events} play: every instrument (of any bank, melodic or
     * percussion) on a program they use, the drum channel's kit being program 0 (it gets no program change). Loading
     * the whole of FluidR3 made a performer for each of its 189 instruments in every render, three a song (4 % of a
     * 285 s song's CPU, measured with JFR); the synthesizer looks up the same instrument either way, so what is played
     * does not change.
     */
    private static void loadPlayed(Synthesizer synth, Soundbank bank, List<Arranger.Event> events) {
        java.util.BitSet programs = new java.util.BitSet(128);
        for (Arranger.Event e : events) {
            programs.set(e.channel() == 9 ? 0 : e.program());
        }
        for (javax.sound.midi.Instrument instrument : bank.getInstruments()) {
            if (programs.get(instrument.getPatch().getProgram())) {
                synth.loadInstrument(instrument);
            }
        }
    }

    /** Where {@link #slide} sends a message: at the song's start, or {@code afterNote} seconds after the note's. */
    @FunctionalInterface
    public interface SlideSink {
        void send(ShortMessage message, boolean atSongStart, double afterNote);
    }

    /**
     * Sends the messages that play {@code e}'s slide to {@code sink} (none when it starts on its pitch): first, on a
     * channel not yet in {@code ranged} (which this marks), the pitch-bend range of {@link Slide#RANGE} semitones at
     * the song's start (registered parameter 0: controllers 101 and 100 at 0, data entry 6 the semitones and 38 no
     * cents, then the parameter closed again, 127 and 127, so no later data entry changes it); then the slide's bends.
     * The renderer and the MIDI file both play slides from here.
     */
    public static void slide(Arranger.Event e, java.util.BitSet ranged, SlideSink sink)
            throws InvalidMidiDataException {
        if (e.slide().none()) {
            return;
        }
        int channel = e.channel();
        if (!ranged.get(channel)) {
            int[][] controls = {{101, 0}, {100, 0}, {6, Slide.RANGE}, {38, 0}, {101, 127}, {100, 127}};
            for (int[] c : controls) {
                sink.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, channel, c[0], c[1]), true, 0);
            }
            ranged.set(channel);
        }
        for (Slide.Bend b : e.slide().bends()) {
            int value = b.value();
            sink.send(new ShortMessage(ShortMessage.PITCH_BEND, channel, value & 0x7F, value >> 7), false, b.at());
        }
    }

    private static AudioInputStream openStream(Synthesizer synth, AudioFormat format, Map<String, Object> info)
            throws IOException {
        try {
            Class<?> audioSynthesizer = Class.forName("com.sun.media.sound.AudioSynthesizer");
            Method open = audioSynthesizer.getMethod("openStream", AudioFormat.class, Map.class);
            return (AudioInputStream) open.invoke(synth, format, info);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IOException("this JDK's synthesizer has no offline stream (Gervill's AudioSynthesizer)", e);
        } catch (IllegalAccessException e) {
            throw new IOException(
                    "run Java with --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED to render"
                            + " instruments offline",
                    e);
        } catch (InvocationTargetException e) {
            throw new IOException("Gervill could not open its stream: " + e.getCause(), e.getCause());
        }
    }

    private static byte[] readFully(InputStream in, int bytes) throws IOException {
        byte[] buffer = new byte[bytes];
        int read = 0;
        while (read < bytes) {
            int n = in.read(buffer, read, bytes - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return buffer;
    }
}
