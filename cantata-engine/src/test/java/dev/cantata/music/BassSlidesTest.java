package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cantata.audio.Pcm;
import dev.cantata.audio.PitchTracker;
import dev.cantata.music.Arranger.Event;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bass's slides: which genres make them, where, and that the rendered bass moves as the slide says. */
final class BassSlidesTest {
    private static final double BEAT = 0.625; // 96 bpm

    /** 96 bpm, one verse from {@code from} seconds to 80 s (a song composed to timed lyrics starts it off the grid). */
    private static Score score(double from) {
        return new Score(
                96,
                0,
                false,
                80,
                List.of(new Score.Span(Lyrics.Part.VERSE, "Verse", from, 80, 30)),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    /** Eight bars of hip hop's sparse line: a held root, an answer a fifth up, the next chord a whole step up. */
    private static List<Event> sparse() {
        List<Event> line = new ArrayList<>();
        for (int bar = 0; bar < 8; bar++) {
            int root = bar % 2 == 0 ? 41 : 43;
            double start = bar * 4 * BEAT;
            line.add(new Event(start, 1.5 * BEAT, 1, 38, root, 100));
            line.add(new Event(start + 2.5 * BEAT, 0.8 * BEAT, 1, 38, root + 7, 90));
        }
        return line;
    }

    @Test
    void hipHopGlidesIntoAboutHalfItsChangesFromTheNoteBeforeWhichItHoldsIntoTheGlide() {
        int changes = 0;
        int glides = 0;
        for (long seed = 0; seed < 100; seed++) {
            List<Event> line = sparse();
            List<Event> slid = BassSlides.slide(line, Genre.HIP_HOP, score(0), seed);
            assertThat(slid).hasSameSizeAs(line);
            for (int i = 1; i < slid.size(); i++) {
                Event e = slid.get(i);
                Event before = slid.get(i - 1);
                assertThat(e.start()).isEqualTo(line.get(i).start());
                assertThat(e.pitch()).isEqualTo(line.get(i).pitch());
                assertThat(e.velocity()).isEqualTo(line.get(i).velocity());
                changes++;
                if (!e.slide().none()) {
                    glides++;
                    assertThat(e.slide().semitones()).isEqualTo(before.pitch() - e.pitch());
                    assertThat(e.slide().seconds()).isEqualTo(BassSlides.GLIDE_S);
                    assertThat(before.start() + before.duration())
                            .as("legato into the glide")
                            .isCloseTo(e.start(), within(1e-9));
                    assertThat(e.channel())
                            .isIn(Arranger.SLIDE_CHANNEL, Arranger.SECOND_SLIDE_CHANNEL)
                            .isNotEqualTo(before.channel());
                }
            }
        }
        assertThat(glides / (double) changes).isBetween(0.4, 0.6);
        assertThat(BassSlides.slide(sparse(), Genre.HIP_HOP, score(0), 5))
                .as("the same seed, the same slides")
                .isEqualTo(BassSlides.slide(sparse(), Genre.HIP_HOP, score(0), 5));
    }

    /** Sixteen bars of funk from {@code from} s: a root, a dead note, an octave off the beat, a fifth on beat 3. */
    private static List<Event> funk(double from) {
        List<Event> line = new ArrayList<>();
        for (int bar = 0; bar < 16; bar++) {
            double start = from + bar * 4 * BEAT;
            int root = 40 + bar % 3 * 2;
            line.add(new Event(start, 0.3 * BEAT, 1, 36, root, 100));
            line.add(new Event(start + 0.25 * BEAT, 0.08 * BEAT, 1, 36, root + 5, 38)); // a dead note
            line.add(new Event(start + 0.75 * BEAT, 0.3 * BEAT, 1, 36, root + 12, 100)); // off the beat
            line.add(new Event(start + 2 * BEAT, 0.3 * BEAT, 1, 36, root + 7, 100));
        }
        return line;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1.37})
    void funkScoopsFromAWholeStepBelowOnlyIntoNotesOnTheBeatAndNeverIntoDeadNotes(double from) {
        List<Event> line = funk(from);
        List<Event> slid = BassSlides.slide(line, Genre.FUNK, score(from), 3);
        long scoops = slid.stream().filter(e -> !e.slide().none()).count();
        assertThat(scoops).as("beats counted from the section's start").isBetween(5L, 25L);
        for (int i = 0; i < slid.size(); i++) {
            Event e = slid.get(i);
            assertThat(e.start()).as("in the order given").isEqualTo(line.get(i).start());
            if (!e.slide().none()) {
                assertThat(e.slide()).isEqualTo(new Slide(BassSlides.SCOOP_SEMITONES, BassSlides.SCOOP_S));
                assertThat(Math.abs(Math.IEEEremainder(e.start() - from, BEAT))).isLessThan(1e-9);
                assertThat(e.velocity()).isGreaterThanOrEqualTo(50);
            }
        }
    }

    @Test
    void genresThatPickWalkOrSequenceDoNotSlide() {
        for (Genre g : List.of(Genre.ROCK, Genre.METAL, Genre.PUNK, Genre.JAZZ, Genre.HOUSE, Genre.DISCO)) {
            assertThat(BassSlides.slide(sparse(), g, score(0), 1)).as(g.name()).isEqualTo(sparse());
        }
    }

    @Test
    void aRenderedGlideStartsOnThePitchBeforeAndArrivesOnItsOwn() throws IOException {
        InstrumentRenderer renderer = InstrumentRenderer.load(Optional.empty());
        // a fifth up: past General MIDI's default bend range of 2, so only the range we set reaches it
        List<Event> played = List.of(
                new Event(0, 1.0, 1, 38, 41, 100),
                new Event(1.0, 1.0, 11, 38, 48, 100).sliding(new Slide(-7, 0.09), Arranger.SLIDE_CHANNEL));
        float[] stereo = renderer.render(played, 2.2);
        float[] mono = new float[stereo.length / 2];
        for (int i = 0; i < mono.length; i++) {
            mono[i] = (stereo[2 * i] + stereo[2 * i + 1]) / 2;
        }
        double[] f0 = new PitchTracker(40, 300).track(new Pcm(mono, InstrumentRenderer.RATE));
        // YIN's 25 ms window: the frame starting at 1.00 s hears the glide's first 25 ms
        assertThat(semitones(f0, 0.5, 0.9)).isCloseTo(41, within(0.3));
        assertThat(semitones(f0, 1.0, 1.01))
                .as("the glide starts on the note before")
                .isLessThan(43);
        assertThat(semitones(f0, 1.2, 1.8)).as("and arrives").isCloseTo(48, within(0.3));
    }

    @Test
    void aSlideIsSavedWithItsNoteAndANoteSavedBeforeSlidesReadsAsNone() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Event slid = new Event(1.0, 0.5, 11, 38, 48, 100, new Slide(-7, 0.09));

        assertThat(json.readValue(json.writeValueAsString(slid), Event.class)).isEqualTo(slid);
        Event plain = new Event(1.0, 0.5, 1, 38, 41, 100);
        assertThat(json.writeValueAsString(plain))
                .as("a note that does not slide saves no slide")
                .doesNotContain("slide");
        assertThat(json.readValue(json.writeValueAsString(plain), Event.class)).isEqualTo(plain);
        assertThat(json.readValue(
                                "{\"start\":1.0,\"duration\":0.5,\"channel\":1,\"program\":38,\"pitch\":41,"
                                        + "\"velocity\":100}",
                                Event.class)
                        .slide())
                .isEqualTo(Slide.NONE);
    }

    /** The median pitch, MIDI semitones, of the frames starting in [from, to] seconds (10 ms hops). */
    private static double semitones(double[] f0, double from, double to) {
        double[] voiced = Arrays.stream(f0, (int) Math.round(from * 100), (int) Math.round(to * 100) + 1)
                .filter(f -> f > 0)
                .toArray();
        assertThat(voiced).as("voiced frames in %.2f–%.2f s", from, to).isNotEmpty();
        Arrays.sort(voiced);
        return 69 + 12 * Math.log(voiced[voiced.length / 2] / 440.0) / Math.log(2);
    }
}
