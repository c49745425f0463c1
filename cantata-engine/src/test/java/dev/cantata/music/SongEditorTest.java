package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cantata.audio.Loudness;
import dev.cantata.speech.MaryEngine;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Extending and editing songs, measured sample by sample against their sources. */
final class SongEditorTest {
    static final String LRC = """
      [00:02.00]Morning rain upon the window
      [00:06.50]Coffee cooling in my hand
      [00:11.00]Every street I used to walk with you
      [00:15.50]Is a road I don't understand
      """;
    static final String NEW_LRC = "[00:08.90]Silver birds are flying over\n[00:12.40]Carry me across the sea\n";

    static SongEngine engine;
    static SongEditor editor;
    static Song source;

    @BeforeAll
    static void makeASong() throws Exception {
        engine = new SongEngine(MaryEngine.start(), InstrumentRenderer.load(Optional.empty()));
        editor = new SongEditor(engine);
        source = engine.make(SongSpec.of(LRC, "pop female piano", 24.0, 5), Progress.NONE);
    }

    @Test
    void anExtendedSongIsItsSourceUpToTheJoinThenNewMaterialOnABeat() throws Exception {
        double continueAt = 10.3;

        Song extended = editor.extend(
                source,
                continueAt,
                SongSpec.of("[Verse]\nSilver birds are flying over\nCarry me across the sea", "", null, 6),
                Progress.NONE);

        double join = extended.metadata().extendedAt();
        double beat = source.score().beatSeconds();
        assertThat(join).isBetween(continueAt, continueAt + beat);
        assertThat(Math.abs(Math.IEEEremainder(join, beat)))
                .as("the join is on a beat")
                .isLessThan(1e-6);
        int before = (int) Math.round(join * Song.RATE) * 2;
        for (int i = 0; i < before; i++) {
            assertThat(extended.master()[i]).as("sample %d", i).isEqualTo(source.master()[i]);
        }
        assertThat(extended.seconds()).isGreaterThan(join + 10);
        assertThat(extended.score().tempo()).isEqualTo(source.score().tempo());
        assertThat(extended.score().key()).isEqualTo(source.score().key());
        assertThat(extended.score().words()).extracting(Score.Word::word).contains("Silver", "sea");
        assertThat(extended.score().words().stream()
                        .filter(w -> w.word().equals("Silver"))
                        .findFirst()
                        .orElseThrow()
                        .start())
                .isGreaterThan(join);
        assertThat(jumpAround(extended.master(), before / 2))
                .as("no click at the join")
                .isLessThan(3 * typicalJump(extended.master()) + 0.05);
        assertThat(Loudness.truePeak(extended.master(), 2, Song.RATE)).isLessThanOrEqualTo(-1.0);
        assertThat(played(extended, 0, join))
                .as("the notes played before the join are the source's")
                .isEqualTo(played(source, 0, join))
                .isNotEmpty();
        assertThat(played(extended, join, extended.seconds()))
                .as("and new ones after it")
                .isNotEmpty();
    }

    /** The notes {@code song}'s instruments start in {@code [from, to)}, cut off at {@code to}. */
    static List<Arranger.Event> played(Song song, double from, double to) {
        Arranger.Arrangement a = Arrangements.window(song.arrangement(), from, to);
        List<Arranger.Event> all = new java.util.ArrayList<>();
        all.addAll(a.drums());
        all.addAll(a.bass());
        all.addAll(a.other());
        all.sort(java.util.Comparator.comparingDouble(Arranger.Event::start)
                .thenComparingInt(Arranger.Event::channel)
                .thenComparingInt(Arranger.Event::pitch));
        return all;
    }

    @Test
    void newMaterialAfterALiftedChorusIsInTheLiftedKey() throws Exception {
        // the source as if its key had lifted a whole tone on the beat at 8 s
        double at = source.score().beatAtOrAfter(8);
        int up = (source.score().key() + 2) % 12;
        Score score = source.score();
        Song lifted = new Song(
                source.master(),
                source.stems(),
                new Score(
                        score.tempo(),
                        score.key(),
                        score.minor(),
                        score.length(),
                        score.sections(),
                        score.chords(),
                        score.phrases(),
                        score.dropped(),
                        score.grid(),
                        score.voices(),
                        List.of(new Score.Modulation(at, up))),
                source.metadata(),
                source.arrangement());

        Song extended = editor.extend(
                lifted, 10.3, SongSpec.of("[Verse]\nCarry me across the sea", "", null, 6), Progress.NONE);
        // a segment that starts just before the lift snaps up to its beat, so it is made in the lifted key too
        Song edited = editor.edit(
                lifted,
                Segments.parse("[[" + (at - 0.1) + ",20]]", source.seconds()),
                SongSpec.of(NEW_LRC, "", null, 9),
                Progress.NONE);

        assertThat(extended.score().modulations())
                .as("the continuation goes on in the lifted key: no change back at the join")
                .containsExactly(new Score.Modulation(at, up));
        assertThat(edited.score().modulations()).containsExactly(new Score.Modulation(at, up));
    }

    @Test
    void anEditedSongIsItsSourceOutsideTheSegmentsAndNewInside() throws Exception {
        List<Segments.Segment> segments = Segments.parse("[[7.9,15.3]]", source.seconds());

        Song edited = editor.edit(source, segments, SongSpec.of(NEW_LRC, "", null, 9), Progress.NONE);

        assertSplicedOnlyInside(
                source.master(), edited.master(), 7.9, 15.3, source.score().beatSeconds());
        assertThat(edited.stems().keySet()).isEqualTo(source.stems().keySet());
        assertThat(edited.score().words())
                .extracting(Score.Word::word)
                .contains("Silver", "sea", "Morning")
                .doesNotContain("Every");
        double from = source.score().beatAtOrAfter(7.9);
        double to = source.score().beatAtOrBefore(15.3);
        assertThat(played(edited, 0, from)).as("notes before the segment").isEqualTo(played(source, 0, from));
        assertThat(played(edited, to, source.seconds()))
                .as("notes after the segment")
                .isEqualTo(played(source, to, source.seconds()));
        assertThat(played(edited, from, to)).isNotEmpty();
    }

    @Test
    void anUploadedRecordingIsEditedOnItsOwnBeatsAndLoudness() throws Exception {
        float[] recording = source.master().clone();
        for (int i = 0; i < recording.length; i++) {
            recording[i] *= 0.5f; // 6 dB quieter than Cantata masters: the new material must follow it down
        }
        List<Segments.Segment> segments = Segments.parse("[[8,14],[20,-1]]", source.seconds());

        Song edited = editor.editRecording(recording, segments, SongSpec.of(NEW_LRC, "", null, 3), Progress.NONE);

        double heardBeat = 60 / edited.metadata().tempo();
        assertThat(heardBeat)
                .isCloseTo(source.score().beatSeconds(), within(source.score().beatSeconds() * 0.02));
        assertSplicedOnlyInside(recording, edited.master(), 8, 14, heardBeat);
        float[] around = java.util.Arrays.copyOfRange(recording, 2 * Song.RATE * 2, 2 * Song.RATE * 8);
        float[] inside = java.util.Arrays.copyOfRange(edited.master(), 2 * Song.RATE * 9, 2 * Song.RATE * 13);
        assertThat(Loudness.integrated(inside, 2, Song.RATE))
                .isCloseTo(Loudness.integrated(around, 2, Song.RATE), within(3.0));
    }

    @Test
    void aSegmentWithoutAWholeBeatIsRefused() {
        double beat = source.score().beatSeconds();
        double start = 10 * beat + 0.05;
        List<Segments.Segment> tooShort = List.of(new Segments.Segment(start, start + beat * 0.9));

        assertThatThrownBy(() -> editor.edit(source, tooShort, SongSpec.of(NEW_LRC, "", null, 9), Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no whole beat");
    }

    @Test
    void continuingAtTheVeryEndKeepsTheWholeSourceAndTheBeat() throws Exception {
        Song extended = editor.extend(
                source, source.seconds(), SongSpec.of("[Verse]\nCarry me across the sea", "", null, 8), Progress.NONE);

        double join = extended.metadata().extendedAt();
        double beat = source.score().beatSeconds();
        assertThat(join).isBetween(source.seconds(), source.seconds() + beat);
        assertThat(Math.abs(Math.IEEEremainder(join, beat)))
                .as("the join is on the source's beat grid")
                .isLessThan(1e-6);
        for (int i = 0; i < source.master().length; i++) {
            assertThat(extended.master()[i]).as("sample %d", i).isEqualTo(source.master()[i]);
        }
    }

    @Test
    void continuingOutsideTheSongIsRefused() {
        assertThatThrownBy(() -> editor.extend(source, 99, SongSpec.of("", "", null, 1), Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("continue_at must be between 0 and the song's length");
    }

    /** Identical outside [start, end]; seams on beats inside it, at most 50 ms of blending each; different inside. */
    static void assertSplicedOnlyInside(float[] before, float[] after, double start, double end, double beat) {
        assertThat(after).hasSize(before.length);
        int first = -1;
        for (int i = 0; i < before.length; i++) {
            if (Math.abs(after[i] - before[i]) > 1e-4) {
                first = first < 0 ? i / 2 : first;
            }
        }
        int from = (int) Math.round(start * Song.RATE);
        int to = (int) Math.round(end * Song.RATE);
        assertThat(first).as("first changed frame").isGreaterThanOrEqualTo(from);
        // the changes in this segment lie inside it, and begin within one beat of its start
        assertThat(first).isLessThan(from + (int) (beat * Song.RATE) + 1);
        double changed = 0;
        double total = 0;
        for (int f = from; f < to; f++) {
            double d = after[2 * f] - before[2 * f];
            changed += d * d;
            total += before[2 * f] * before[2 * f];
        }
        assertThat(changed / total).as("inside the segment the audio is new").isGreaterThan(0.2);
        for (int f = to; f < before.length / 2; f++) {
            // after the segment: the source again, unless a later segment begins
            if (Math.abs(after[2 * f] - before[2 * f]) > 1e-4) {
                assertThat(f).as("changed frame after the segment").isGreaterThan(to + Song.RATE);
                break;
            }
        }
    }

    /** The largest sample-to-sample step within 5 ms of {@code frame}, on the left channel. */
    static double jumpAround(float[] stereo, int frame) {
        double max = 0;
        for (int f = frame - Song.RATE / 200; f < frame + Song.RATE / 200; f++) {
            max = Math.max(max, Math.abs(stereo[2 * f + 2] - stereo[2 * f]));
        }
        return max;
    }

    /** The 99th percentile sample-to-sample step of the left channel. */
    static double typicalJump(float[] stereo) {
        double[] steps = new double[stereo.length / 2 - 1];
        for (int f = 0; f < steps.length; f++) {
            steps[f] = Math.abs(stereo[2 * f + 2] - stereo[2 * f]);
        }
        java.util.Arrays.sort(steps);
        return steps[(int) (steps.length * 0.99)];
    }
}
