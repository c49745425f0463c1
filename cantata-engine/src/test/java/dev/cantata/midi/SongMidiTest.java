package dev.cantata.midi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.music.Arranger;
import dev.cantata.music.Lyrics;
import dev.cantata.music.Score;
import dev.cantata.music.Slide;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;

final class SongMidiTest {
    /**
     * Eight bars in E minor at 100 BPM that change to 130 BPM at bar 5 (as an extension that changed tempo does), a
     * line sung over them, and drums, bass and two chord instruments (one of them on two channels).
     */
    static final double BEAT = 0.6;

    static final double CHANGE = 16 * BEAT;
    static final Score SCORE = new Score(
            100,
            4,
            true,
            CHANGE + 16 * 60 / 130.0,
            List.of(
                    new Score.Span(Lyrics.Part.VERSE, "Verse 1", 0, CHANGE, 4),
                    new Score.Span(Lyrics.Part.CHORUS, "Chorus", CHANGE, CHANGE + 16 * 60 / 130.0, 4)),
            List.of(new Score.Chord(0, CHANGE, 4, true, false, 0)),
            List.of(
                    new Score.Phrase(
                            "Morning comes again",
                            Lyrics.Part.VERSE,
                            List.of(
                                    new Score.Note(1.2, 1.5, 64, 0),
                                    new Score.Note(1.5, 1.8, 67, 1),
                                    new Score.Note(1.8, 2.4, 66, 2),
                                    new Score.Note(2.4, 2.7, 64, 3),
                                    new Score.Note(2.7, 3.6, 71, 4)),
                            List.of(
                                    new Score.Word("Morning", 1.2, 1.8),
                                    new Score.Word("comes", 1.8, 2.4),
                                    new Score.Word("again", 2.4, 3.6))),
                    new Score.Phrase(
                            "Hold on",
                            Lyrics.Part.CHORUS,
                            List.of(
                                    new Score.Note(CHANGE + 0.4615, CHANGE + 0.9, 67, 0),
                                    new Score.Note(CHANGE + 0.9231, CHANGE + 1.8, 69, 1)),
                            List.of(
                                    new Score.Word("Hold", CHANGE + 0.4615, CHANGE + 0.9),
                                    new Score.Word("on", CHANGE + 0.9231, CHANGE + 1.8)))),
            List.of(),
            List.of(new Score.Tempo(0, 100), new Score.Tempo(CHANGE, 130)));

    static final Arranger.Arrangement PLAYED = new Arranger.Arrangement(
            List.of(
                    new Arranger.Event(0, 0.1, 9, 0, 36, 110),
                    new Arranger.Event(0.6, 0.1, 9, 0, 38, 90),
                    new Arranger.Event(0.3, 0.1, 9, 0, 42, 60),
                    new Arranger.Event(CHANGE + 0.01, 0.1, 9, 0, 36, 100)),
            List.of(new Arranger.Event(0, 2.4, 1, 33, 40, 90), new Arranger.Event(2.4, 2.4, 1, 33, 43, 88)),
            List.of(
                    new Arranger.Event(0, 2.4, 2, 0, 64, 74),
                    new Arranger.Event(0, 2.4, 2, 0, 67, 74),
                    // struck again before it ended: the first must end where the second starts
                    new Arranger.Event(1.2, 2.4, 2, 0, 64, 70),
                    new Arranger.Event(CHANGE, 2.0, 0, 0, 71, 80),
                    new Arranger.Event(CHANGE, 2.0, 3, 89, 59, 58)));

    static Sequence written() throws Exception {
        byte[] file = SongMidi.bytes(SCORE, PLAYED, "Morning");
        assertThat(MidiSystem.getMidiFileFormat(new ByteArrayInputStream(file)).getType())
                .as("a type 1 file")
                .isEqualTo(1);
        return MidiSystem.getSequence(new ByteArrayInputStream(file));
    }

    static String name(Track track) {
        for (int i = 0; i < track.size(); i++) {
            if (track.get(i).getMessage() instanceof MetaMessage m && m.getType() == 0x03) {
                return new String(m.getData(), StandardCharsets.ISO_8859_1);
            }
        }
        return "";
    }

    static List<MetaMessage> metas(Track track, int type) {
        List<MetaMessage> out = new ArrayList<>();
        for (int i = 0; i < track.size(); i++) {
            if (track.get(i).getMessage() instanceof MetaMessage m && m.getType() == type) {
                out.add(m);
            }
        }
        return out;
    }

    static List<MidiEvent> noteOns(Track track) {
        List<MidiEvent> out = new ArrayList<>();
        for (int i = 0; i < track.size(); i++) {
            if (track.get(i).getMessage() instanceof ShortMessage m
                    && m.getCommand() == ShortMessage.NOTE_ON
                    && m.getData2() > 0) {
                out.add(track.get(i));
            }
        }
        return out;
    }

    /** Seconds at {@code tick} by the file's own tempo events (read back, not our conversion). */
    static double seconds(Sequence sequence, long tick) {
        List<long[]> tempos = new ArrayList<>(); // tick, µs a quarter
        Track conductor = sequence.getTracks()[0];
        for (int i = 0; i < conductor.size(); i++) {
            if (conductor.get(i).getMessage() instanceof MetaMessage m && m.getType() == 0x51) {
                byte[] d = m.getData();
                tempos.add(new long[] {
                    conductor.get(i).getTick(), ((d[0] & 0xFF) << 16) | ((d[1] & 0xFF) << 8) | (d[2] & 0xFF)
                });
            }
        }
        double t = 0;
        long at = 0;
        long micros = 500_000;
        for (long[] tempo : tempos) {
            if (tempo[0] > tick) {
                break;
            }
            t += (tempo[0] - at) * micros / 1e6 / sequence.getResolution();
            at = tempo[0];
            micros = tempo[1];
        }
        return t + (tick - at) * micros / 1e6 / sequence.getResolution();
    }

    @Test
    void theConductorTrackHoldsTitleTempoMapMeterKeyAndSections() throws Exception {
        Sequence sequence = written();
        Track conductor = sequence.getTracks()[0];

        assertThat(name(conductor)).isEqualTo("Morning");
        assertThat(sequence.getResolution()).isEqualTo(SongMidi.RESOLUTION);
        List<MetaMessage> tempos = metas(conductor, 0x51);
        assertThat(tempos).hasSize(2);
        assertThat(seconds(sequence, 16L * SongMidi.RESOLUTION))
                .as("the tempo changes after 16 beats at 100 BPM")
                .isCloseTo(CHANGE, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(metas(conductor, 0x58).get(0).getData()).containsExactly(4, 2, 24, 8);
        assertThat(metas(conductor, 0x59).get(0).getData())
                .as("E minor: one sharp, minor")
                .containsExactly(1, 1);
        assertThat(metas(conductor, 0x06).stream()
                        .map(m -> new String(m.getData(), StandardCharsets.ISO_8859_1))
                        .toList())
                .containsExactly("Verse 1", "Chorus");
        assertThat(seconds(sequence, sequence.getTickLength()))
                .as("the file lasts as long as the song")
                .isCloseTo(SCORE.length(), org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aLiftedLastChorusGetsTheNewKeySignatureWhereItStarts() throws Exception {
        // the chorus lifted a whole tone: E minor to F sharp minor (three sharps)
        Score lifted = new Score(
                SCORE.tempo(),
                SCORE.key(),
                SCORE.minor(),
                SCORE.length(),
                SCORE.sections(),
                SCORE.chords(),
                SCORE.phrases(),
                SCORE.dropped(),
                SCORE.grid(),
                SCORE.voices(),
                List.of(new Score.Modulation(CHANGE, 6)));
        Sequence sequence = MidiSystem.getSequence(new ByteArrayInputStream(SongMidi.bytes(lifted, PLAYED, "Morning")));
        Track conductor = sequence.getTracks()[0];
        List<Long> ticks = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < conductor.size(); i++) {
            if (conductor.get(i).getMessage() instanceof MetaMessage m && m.getType() == 0x59) {
                ticks.add(conductor.get(i).getTick());
                keys.add(m.getData());
            }
        }

        assertThat(ticks).containsExactly(0L, 16L * SongMidi.RESOLUTION);
        assertThat(keys.get(0)).containsExactly(1, 1);
        assertThat(keys.get(1)).as("F sharp minor: three sharps, minor").containsExactly(3, 1);
    }

    @Test
    void thereIsOneNamedTrackPerPartAfterTheVocals() throws Exception {
        Track[] tracks = written().getTracks();

        assertThat(java.util.Arrays.stream(tracks).map(SongMidiTest::name).toList())
                .containsExactly(
                        "Morning",
                        "Vocals",
                        "Drums",
                        "Bass: Electric Bass (finger)",
                        "Acoustic Grand Piano",
                        "Pad 2 (warm)");
    }

    @Test
    void theVocalsAreTheScoresNotesEachWithItsSyllableAsALyric() throws Exception {
        Sequence sequence = written();
        Track vocals = sequence.getTracks()[1];

        List<MidiEvent> notes = noteOns(vocals);
        List<Score.Note> sung =
                SCORE.phrases().stream().flatMap(p -> p.notes().stream()).toList();
        assertThat(notes).hasSize(sung.size());
        double tick = 60.0 / 130 / SongMidi.RESOLUTION; // the shortest tick of the file
        for (int i = 0; i < sung.size(); i++) {
            assertThat(((ShortMessage) notes.get(i).getMessage()).getData1())
                    .isEqualTo(sung.get(i).pitch());
            assertThat(seconds(sequence, notes.get(i).getTick()))
                    .as("note %d within a tick of the score", i)
                    .isCloseTo(sung.get(i).start(), org.assertj.core.data.Offset.offset(tick));
        }
        List<String> lyrics = metas(vocals, 0x05).stream()
                .map(m -> new String(m.getData(), StandardCharsets.ISO_8859_1))
                .toList();
        assertThat(lyrics).containsExactly("Mor-", "ning", "comes", "a-", "gain", "Hold", "on");
        assertThat(((ShortMessage) notes.get(0).getMessage()).getChannel())
                .as("a channel none of the instruments uses")
                .isNotIn(0, 1, 2, 3, 9);
    }

    @Test
    void instrumentsKeepTheirChannelsProgramsAndNotesAndDrumsAreOnChannelTen() throws Exception {
        Sequence sequence = written();
        Track[] tracks = sequence.getTracks();

        List<MidiEvent> drums = noteOns(tracks[2]);
        assertThat(drums).hasSize(4);
        assertThat(drums).allMatch(e -> ((ShortMessage) e.getMessage()).getChannel() == 9);
        assertThat(seconds(sequence, drums.get(3).getTick()))
                .as("after the tempo change")
                .isCloseTo(CHANGE + 0.01, org.assertj.core.data.Offset.offset(60.0 / 130 / SongMidi.RESOLUTION));
        List<MidiEvent> piano = noteOns(tracks[4]);
        assertThat(piano).hasSize(4);
        assertThat(piano.stream()
                        .map(e -> ((ShortMessage) e.getMessage()).getChannel())
                        .distinct()
                        .toList())
                .containsExactly(2, 0);
        List<Integer> programs = new ArrayList<>();
        for (int i = 0; i < tracks[5].size(); i++) {
            if (tracks[5].get(i).getMessage() instanceof ShortMessage m
                    && m.getCommand() == ShortMessage.PROGRAM_CHANGE) {
                programs.add(m.getData1());
            }
        }
        assertThat(programs).containsExactly(89);
    }

    @Test
    void aNoteStruckAgainEndsWhereItIsStruckAgain() throws Exception {
        Track piano = written().getTracks()[4];

        long firstOff = -1;
        for (int i = 0; i < piano.size(); i++) {
            if (piano.get(i).getMessage() instanceof ShortMessage m
                    && m.getCommand() == ShortMessage.NOTE_OFF
                    && m.getData1() == 64) {
                firstOff = piano.get(i).getTick();
                break;
            }
        }
        assertThat(firstOff).isEqualTo(SongMidi.tick(SCORE, 1.2));
    }

    @Test
    void keySignaturesFollowTheCircleOfFifths() {
        assertThat(SongMidi.sharps(0, false)).isZero();
        assertThat(SongMidi.sharps(9, true)).as("A minor").isZero();
        assertThat(SongMidi.sharps(2, false)).as("D major").isEqualTo(2);
        assertThat(SongMidi.sharps(3, false)).as("Eb major").isEqualTo(-3);
        assertThat(SongMidi.sharps(6, false)).as("F# major").isEqualTo(6);
        assertThat(SongMidi.sharps(1, false)).as("Db major").isEqualTo(-5);
        assertThat(SongMidi.sharps(2, true)).as("D minor").isEqualTo(-1);
    }

    @Test
    void aSlidNoteCarriesItsBendsOnItsChannelWithTheBendRangeSetToAnOctave() throws Exception {
        Arranger.Event slid = new Arranger.Event(2.4, 1.2, 11, 33, 47, 90, new Slide(-7, 0.09));
        Arranger.Arrangement played = new Arranger.Arrangement(
                List.of(), List.of(new Arranger.Event(0, 2.4, 1, 33, 40, 90), slid), List.of());
        Sequence sequence = MidiSystem.getSequence(new ByteArrayInputStream(SongMidi.bytes(SCORE, played, "Morning")));
        Track bass = java.util.Arrays.stream(sequence.getTracks())
                .filter(t -> name(t).startsWith("Bass"))
                .findFirst()
                .orElseThrow();
        List<Integer> controls = new ArrayList<>();
        List<double[]> bends = new ArrayList<>(); // seconds, semitones
        for (int i = 0; i < bass.size(); i++) {
            if (bass.get(i).getMessage() instanceof ShortMessage m && m.getChannel() == 11) {
                if (m.getCommand() == ShortMessage.CONTROL_CHANGE) {
                    controls.add(m.getData1());
                    controls.add(m.getData2());
                } else if (m.getCommand() == ShortMessage.PITCH_BEND) {
                    int value = m.getData1() | (m.getData2() << 7);
                    bends.add(new double[] {
                        seconds(sequence, bass.get(i).getTick()), (value - Slide.CENTRE) * Slide.RANGE / 8192.0
                    });
                }
            }
        }
        assertThat(controls)
                .as("RPN 0 = 12 semitones, then closed")
                .containsExactly(101, 0, 100, 0, 6, 12, 38, 0, 101, 127, 100, 127);
        assertThat(bends.get(0)[0]).isCloseTo(2.4, org.assertj.core.api.Assertions.within(0.002));
        assertThat(bends.get(0)[1]).isCloseTo(-7, org.assertj.core.api.Assertions.within(0.01));
        double[] last = bends.get(bends.size() - 1);
        assertThat(last[0]).isCloseTo(2.49, org.assertj.core.api.Assertions.within(0.002));
        assertThat(last[1]).isZero();
        for (int i = 1; i < bends.size(); i++) {
            assertThat(bends.get(i)[1]).as("rising all the way").isGreaterThanOrEqualTo(bends.get(i - 1)[1]);
        }
    }
}
