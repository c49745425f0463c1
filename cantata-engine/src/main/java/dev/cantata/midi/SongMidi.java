package dev.cantata.midi;

import dev.cantata.music.Arranger;
import dev.cantata.music.InstrumentRenderer;
import dev.cantata.music.Score;
import dev.cantata.music.Song;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * A song as a Standard MIDI File of type 1, what a DAW opens to re-orchestrate it: a conductor track (the title,
 * tempo map from the score's beat grid, 4/4, the key signature, a marker per section), then the sung melody as
 * {@value #VOCALS} (one note per syllable, each with its syllable as a lyric event, on a channel no instrument uses),
 * then a track for each role of the voices around the lead ({@link #trackName}: the harmonies and the pads), then one
 * track per part the instruments played: the drums (channel 10), then each instrument of the bass and of the
 * other stem (chords, pad, leads), named after its General MIDI program ("Bass: Electric Bass (finger)", "Pad 2
 * (warm)") and on the channels the arrangement gave it, with a program change wherever a channel changes instrument.
 * Times are the song's to the tick ({@value #RESOLUTION} a quarter note).
 */
public final class SongMidi {
    /** Ticks per quarter note: 0.52 ms at 120 BPM, finer than any timing the engine makes. */
    public static final int RESOLUTION = 960;
    /** The vocal melody's track name. */
    public static final String VOCALS = "Vocals";
    /** The vocal melody's program: General MIDI 54, Voice Oohs, the sung-vowel sound every GM synthesizer has. */
    static final int VOICE_PROGRAM = 53;
    /** The backing pads' program: General MIDI 53, Choir Aahs. */
    static final int CHOIR_PROGRAM = 52;
    /** Channel 10 (9 counted from 0) is General MIDI's percussion channel. */
    static final int DRUM_CHANNEL = 9;

    private static final int TRACK_NAME = 0x03;
    private static final int INSTRUMENT_NAME = 0x04;
    private static final int LYRIC = 0x05;
    private static final int MARKER = 0x06;
    private static final int END_OF_TRACK = 0x2F;
    private static final int TEMPO = 0x51;
    private static final int TIME_SIGNATURE = 0x58;
    private static final int KEY_SIGNATURE = 0x59;

    private SongMidi() {}

    /** The Standard MIDI File (type 1) of {@code song}. */
    public static byte[] bytes(Song song) throws IOException {
        return bytes(song.score(), song.arrangement(), song.metadata().title());
    }

    /** The Standard MIDI File (type 1) of a score, the notes played over it and a title. */
    public static byte[] bytes(Score score, Arranger.Arrangement arrangement, String title) throws IOException {
        Sequence sequence = sequence(score, arrangement, title);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MidiSystem.write(sequence, 1, out);
        return out.toByteArray();
    }

    /** The tracks of {@link #bytes}, for a score, the notes played over it and a title. */
    public static Sequence sequence(Score score, Arranger.Arrangement arrangement, String title) {
        try {
            Sequence sequence = new Sequence(Sequence.PPQ, RESOLUTION);
            conductor(sequence.createTrack(), score, title);
            List<Part> parts = parts(arrangement);
            List<Integer> free = freeChannels(parts);
            if (!score.phrases().isEmpty()) {
                vocals(sequence.createTrack(), score, free.get(0));
            }
            int next = 1;
            for (Score.Role role : Score.Role.values()) {
                List<Score.Voice> sung =
                        score.voices().stream().filter(v -> v.role() == role).toList();
                if (!sung.isEmpty()) {
                    // each role on a channel of its own where one is free, so no voice's note-off ends another's note
                    voices(sequence.createTrack(), score, role, sung, free.get(Math.min(next, free.size() - 1)));
                    next++;
                }
            }
            Map<Integer, List<long[]>> changes = programChanges(score, parts);
            for (int i = 0; i < parts.size(); i++) {
                instrument(sequence.createTrack(), score, parts.get(i), changes.getOrDefault(i, List.of()));
            }
            return sequence;
        } catch (InvalidMidiDataException e) {
            // every message here is built from checked ranges: this is a bug, not bad input
            throw new IllegalStateException("a MIDI message out of range: " + e.getMessage(), e);
        }
    }

    /**
     * The tick {@code seconds} into the song falls on, by the score's beat grid: each grid entry's tempo holds from its
     * start to the next one's (the first from 0).
     */
    public static long tick(Score score, double seconds) {
        List<Score.Tempo> grid = score.grid();
        double ticks = 0;
        double time = 0;
        double bpm = grid.get(0).bpm();
        for (Score.Tempo t : grid.subList(1, grid.size())) {
            if (seconds <= t.at()) {
                break;
            }
            ticks += (t.at() - time) * bpm / 60 * RESOLUTION;
            time = t.at();
            bpm = t.bpm();
        }
        return Math.round(ticks + (seconds - time) * bpm / 60 * RESOLUTION);
    }

    private static void conductor(Track track, Score score, String title) throws InvalidMidiDataException {
        track.add(meta(TRACK_NAME, text(title), 0));
        // 4/4, a metronome click every quarter (24 clocks), 8 thirty-seconds a quarter
        track.add(meta(TIME_SIGNATURE, new byte[] {4, 2, 24, 8}, 0));
        track.add(meta(KEY_SIGNATURE, keySignature(score.key(), score.minor()), 0));
        for (Score.Modulation m : score.modulations()) {
            track.add(meta(KEY_SIGNATURE, keySignature(m.key(), score.minor()), tick(score, m.at())));
        }
        List<Score.Tempo> grid = score.grid();
        for (int i = 0; i < grid.size(); i++) {
            int micros = (int) Math.round(60_000_000 / grid.get(i).bpm());
            byte[] data = {(byte) (micros >> 16), (byte) (micros >> 8), (byte) micros};
            track.add(meta(TEMPO, data, i == 0 ? 0 : tick(score, grid.get(i).at())));
        }
        for (Score.Span section : score.sections()) {
            track.add(meta(MARKER, text(section.label()), tick(score, section.start())));
        }
        track.add(meta(END_OF_TRACK, new byte[0], tick(score, score.length())));
    }

    /** A key signature event's data: sharps (or flats, negative) and the mode (1 minor). */
    private static byte[] keySignature(int key, boolean minor) {
        return new byte[] {(byte) sharps(key, minor), (byte) (minor ? 1 : 0)};
    }

    /**
     * The key signature's count of sharps (positive) or flats (negative) for tonic pitch class {@code key}: its major
     * key's place on the circle of fifths, or its relative major's, between 6 flats and 6 sharps.
     */
    static int sharps(int key, boolean minor) {
        int major = minor ? (key + 3) % 12 : key;
        int fifths = (major * 7) % 12;
        return fifths > 6 ? fifths - 12 : fifths;
    }

    private static void vocals(Track track, Score score, int channel) throws InvalidMidiDataException {
        track.add(meta(TRACK_NAME, text(VOCALS), 0));
        track.add(meta(INSTRUMENT_NAME, text(GeneralMidi.name(VOICE_PROGRAM)), 0));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, VOICE_PROGRAM, 0), 0));
        List<Timed> timed = new ArrayList<>();
        for (Score.Phrase phrase : score.phrases()) {
            List<String> lyrics = Syllables.lyrics(phrase);
            for (int i = 0; i < phrase.notes().size(); i++) {
                Score.Note n = phrase.notes().get(i);
                long on = tick(score, n.start());
                long off = Math.max(on + 1, tick(score, n.end()));
                timed.add(new Timed(on, 1, meta(LYRIC, text(lyrics.get(i)), on).getMessage()));
                timed.add(new Timed(on, 2, new ShortMessage(ShortMessage.NOTE_ON, channel, n.pitch(), 96)));
                timed.add(new Timed(off, 0, new ShortMessage(ShortMessage.NOTE_OFF, channel, n.pitch(), 0)));
            }
        }
        add(track, timed);
    }

    /**
     * One part the instruments play: the drums, or one instrument (a program) of a stem, on whichever channels the
     * arrangement gave it.
     */
    record Part(String name, int program, List<Arranger.Event> events) {
        boolean drums() {
            return program < 0;
        }
    }

    static List<Part> parts(Arranger.Arrangement arrangement) {
        List<Part> parts = new ArrayList<>();
        parts.addAll(byProgram("", arrangement.drums()));
        parts.addAll(byProgram("Bass: ", arrangement.bass()));
        parts.addAll(byProgram("", arrangement.other()));
        return parts;
    }

    private static List<Part> byProgram(String role, List<Arranger.Event> events) {
        Map<Integer, List<Arranger.Event>> programs = new TreeMap<>();
        for (Arranger.Event e : events) {
            programs.computeIfAbsent(e.channel() == DRUM_CHANNEL ? -1 : e.program(), c -> new ArrayList<>())
                    .add(e);
        }
        List<Part> parts = new ArrayList<>();
        for (Map.Entry<Integer, List<Arranger.Event>> program : programs.entrySet()) {
            List<Arranger.Event> sorted = program.getValue().stream()
                    .sorted(Comparator.comparingDouble(Arranger.Event::start))
                    .toList();
            int p = program.getKey();
            parts.add(new Part(p < 0 ? "Drums" : role + GeneralMidi.name(p), p, sorted));
        }
        return parts;
    }

    /** The channels no instrument uses, lowest first; the last channel when every one is taken (the voices share it). */
    private static List<Integer> freeChannels(List<Part> parts) {
        List<Integer> free = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            int channel = c;
            if (c != DRUM_CHANNEL
                    && parts.stream().flatMap(p -> p.events().stream()).noneMatch(e -> e.channel() == channel)) {
                free.add(c);
            }
        }
        return free.isEmpty() ? List.of(15) : List.copyOf(free);
    }

    /** The track name of the voices of {@code role}. */
    public static String trackName(Score.Role role) {
        return switch (role) {
            case HIGH_HARMONY -> "Harmony (high)";
            case LOW_HARMONY -> "Harmony (low)";
            case PAD -> "Backing (pads)";
        };
    }

    /**
     * The voices sung around the lead in {@code role}, as one track: harmonies as Voice Oohs like the lead, the held
     * pads as General MIDI 53, Choir Aahs; no lyrics (the lead's track carries the words).
     */
    private static void voices(Track track, Score score, Score.Role role, List<Score.Voice> voices, int channel)
            throws InvalidMidiDataException {
        int program = role == Score.Role.PAD ? CHOIR_PROGRAM : VOICE_PROGRAM;
        track.add(meta(TRACK_NAME, text(trackName(role)), 0));
        track.add(meta(INSTRUMENT_NAME, text(GeneralMidi.name(program)), 0));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, program, 0), 0));
        List<Timed> timed = new ArrayList<>();
        for (Score.Voice voice : voices) {
            for (Score.Note n : voice.phrase().notes()) {
                long on = tick(score, n.start());
                long off = Math.max(on + 1, tick(score, n.end()));
                timed.add(new Timed(on, 2, new ShortMessage(ShortMessage.NOTE_ON, channel, n.pitch(), 80)));
                timed.add(new Timed(off, 0, new ShortMessage(ShortMessage.NOTE_OFF, channel, n.pitch(), 0)));
            }
        }
        add(track, timed);
    }

    /**
     * Where each part needs a program change: before its first note on a channel, and wherever another part played a
     * different program on that channel since, so a General MIDI player sounds every note with its own instrument.
     * Keyed by part index; each change is {tick, channel, program}.
     */
    private static Map<Integer, List<long[]>> programChanges(Score score, List<Part> parts) {
        record Use(long tick, int part, int channel, int program) {}
        List<Use> uses = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (!parts.get(i).drums()) {
                for (Arranger.Event e : parts.get(i).events()) {
                    uses.add(new Use(tick(score, e.start()), i, e.channel(), e.program()));
                }
            }
        }
        uses.sort(Comparator.comparingLong(Use::tick));
        int[] current = new int[16];
        java.util.Arrays.fill(current, -1);
        Map<Integer, List<long[]>> changes = new HashMap<>();
        for (Use u : uses) {
            if (current[u.channel()] != u.program()) {
                current[u.channel()] = u.program();
                changes.computeIfAbsent(u.part(), k -> new ArrayList<>())
                        .add(new long[] {u.tick(), u.channel(), u.program()});
            }
        }
        return changes;
    }

    private static void instrument(Track track, Score score, Part part, List<long[]> programChanges)
            throws InvalidMidiDataException {
        track.add(meta(TRACK_NAME, text(part.name()), 0));
        if (!part.drums()) {
            track.add(meta(INSTRUMENT_NAME, text(GeneralMidi.name(part.program())), 0));
        }
        List<Timed> timed = new ArrayList<>();
        for (long[] change : programChanges) {
            timed.add(new Timed(
                    change[0], 1, new ShortMessage(ShortMessage.PROGRAM_CHANGE, (int) change[1], (int) change[2], 0)));
        }
        // a note struck again before it ended ends there: one note-off must not silence the new note
        Map<Integer, long[]> sounding = new HashMap<>();
        List<long[]> notes = new ArrayList<>();
        java.util.BitSet ranged = new java.util.BitSet(16);
        for (Arranger.Event e : part.events()) {
            long on = tick(score, e.start());
            InstrumentRenderer.slide(
                    e,
                    ranged,
                    (m, atSongStart, afterNote) ->
                            timed.add(new Timed(atSongStart ? 0 : tick(score, e.start() + afterNote), 1, m)));
            int key = e.channel() * 128 + e.pitch();
            long[] previous = sounding.get(key);
            if (previous != null && previous[1] > on) {
                previous[1] = Math.max(previous[0] + 1, on);
            }
            long[] note = {
                on, Math.max(on + 1, tick(score, e.start() + e.duration())), e.channel(), e.pitch(), e.velocity()
            };
            sounding.put(key, note);
            notes.add(note);
        }
        for (long[] n : notes) {
            int channel = (int) n[2];
            int pitch = (int) n[3];
            timed.add(new Timed(n[0], 2, new ShortMessage(ShortMessage.NOTE_ON, channel, pitch, (int) n[4])));
            timed.add(new Timed(n[1], 0, new ShortMessage(ShortMessage.NOTE_OFF, channel, pitch, 0)));
        }
        add(track, timed);
    }

    /** A message at a tick; at one tick, lower {@code order} first (note-offs, then programs and lyrics, then notes). */
    private record Timed(long tick, int order, MidiMessage message) {}

    private static void add(Track track, List<Timed> timed) {
        // Track.add keeps the order of events added at one tick, so sorting first fixes it
        timed.stream()
                .sorted(Comparator.comparingLong(Timed::tick).thenComparingInt(Timed::order))
                .forEach(t -> track.add(new MidiEvent(t.message(), t.tick())));
    }

    private static MidiEvent meta(int type, byte[] data, long tick) throws InvalidMidiDataException {
        return new MidiEvent(new MetaMessage(type, data, data.length), tick);
    }

    /**
     * Text as ISO 8859-1, what SMF readers assume (mido, most DAWs) and what Latin-script lyrics fit in; a character
     * outside it becomes {@code ?}.
     */
    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
