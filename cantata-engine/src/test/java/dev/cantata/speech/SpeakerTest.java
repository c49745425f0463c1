package dev.cantata.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cantata.audio.Pcm;
import dev.cantata.audio.PitchTracker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The speaker on the real MaryTTS engine (started once for the class). */
final class SpeakerTest {
    static final String TEXT = "Hello, world! This is a test of the speech server.";
    static Speaker speaker;

    @BeforeAll
    static void startEngine() throws SpeechException {
        speaker = new Speaker(MaryEngine.start());
    }

    static Pcm say(String text, VoiceProfile voice, double pitch, double speed) throws SpeechException {
        return speaker.speak(new Speaker.Request(text, voice, pitch, speed, 16_000));
    }

    static double medianF0(Pcm pcm) {
        return PitchTracker.median(new PitchTracker(50, 500).track(pcm));
    }

    @Test
    void theBuiltInVoicesAreMeasurablyDifferent() throws SpeechException {
        Map<String, double[]> measured = new HashMap<>();
        for (Voice voice : BuiltInVoices.all()) {
            Pcm pcm = say(TEXT, voice.profile(), 1, 1);
            measured.put(
                    voice.name(),
                    new double[] {medianF0(pcm), pcm.seconds(), voice.profile().tract()});
        }

        assertThat(measured).hasSizeGreaterThanOrEqualTo(8);
        assertThat(measured.get("male")[0]).as("male median F0").isLessThan(130);
        assertThat(measured.get("male")[2]).as("male tract").isGreaterThan(measured.get("female")[2]);
        assertThat(measured.get("female")[0]).isBetween(150.0, 190.0);
        List<String> names = new ArrayList<>(measured.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                double[] a = measured.get(names.get(i));
                double[] b = measured.get(names.get(j));
                boolean differ = Math.abs(a[0] - b[0]) / Math.min(a[0], b[0]) > 0.04
                        || Math.abs(a[1] - b[1]) / Math.min(a[1], b[1]) > 0.05
                        || Math.abs(a[2] - b[2]) > 0.04;
                assertThat(differ).as(names.get(i) + " vs " + names.get(j)).isTrue();
            }
        }
    }

    @Test
    void pitchStepsRaiseTheMedianF0Monotonically() throws SpeechException {
        double previous = 0;
        for (Level level : Level.values()) {
            double f0 = medianF0(say(TEXT, VoiceProfile.NEUTRAL, level.pitch(), 1));
            assertThat(f0).as(level.wire()).isGreaterThan(previous * 1.04);
            previous = f0;
        }
    }

    @Test
    void speedStepsShortenTheDurationMonotonically() throws SpeechException {
        double previous = Double.MAX_VALUE;
        for (Level level : Level.values()) {
            double seconds = say(TEXT, VoiceProfile.NEUTRAL, 1, level.speed()).seconds();
            assertThat(seconds).as(level.wire()).isLessThan(previous * 0.95);
            previous = seconds;
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.25, 0.5, 1.5, 2.0, 4.0})
    void openAiSpeedGivesADurationWithinTenPercentOfTheInverse(double speed) throws SpeechException {
        double normal = say(TEXT, VoiceProfile.NEUTRAL, 1, 1).seconds();

        double fast = say(TEXT, VoiceProfile.NEUTRAL, 1, speed).seconds();

        assertThat(fast).isCloseTo(normal / speed, within(0.1 * normal / speed));
    }

    @Test
    void speedDoesNotChangeThePitch() throws SpeechException {
        double normal = medianF0(say(TEXT, VoiceProfile.NEUTRAL, 1, 1));

        assertThat(medianF0(say(TEXT, VoiceProfile.NEUTRAL, 1, 2))).isCloseTo(normal, within(normal * 0.05));
    }

    @Test
    void longTextIsSpokenPieceByPieceWithNoWordDroppedOrRepeated() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            text.append("Sentence number ").append(i).append(" says something short, and then it ends. ");
        }
        List<String> pieces = Speaker.pieces(text.toString());
        List<Pcm> audio = new ArrayList<>();

        speaker.speak(new Speaker.Request(text.toString(), VoiceProfile.NEUTRAL, 1, 1, 16_000), audio::add);

        assertThat(String.join(" ", pieces).replaceAll("\\s+", " ").strip())
                .isEqualTo(text.toString().replaceAll("\\s+", " ").strip());
        assertThat(audio).hasSize(pieces.size());
        assertThat(audio).allSatisfy(piece -> assertThat(piece.rms()).isGreaterThan(0.01));
    }

    @Test
    void aLongFirstSentenceIsSplitSoTheFirstAudioComesSooner() {
        String text = "This first sentence goes on and on, with clause after clause, and it keeps going for a long"
                + " while, because it wants to test the splitter. Short one.";

        List<String> pieces = Speaker.pieces(text);

        assertThat(pieces.get(0).length()).isLessThanOrEqualTo(Speaker.FIRST_PIECE);
        assertThat(pieces).last().isEqualTo("Short one.");
    }

    @Test
    void markupAndControlCharactersAreSpokenAsTextNotParsed() throws SpeechException {
        Pcm pcm = say("Tom & Jerry <b>said</b> \"hi\" \u0001 to 3 < 4.", VoiceProfile.NEUTRAL, 1, 1);

        assertThat(pcm.seconds()).isGreaterThan(1);
    }

    @Test
    void aRequestCleansItsTextOrSaysThereIsNothingToSay() {
        assertThat(new Speaker.Request("\ufffe hi", VoiceProfile.NEUTRAL, 1, 1, 16_000).text())
                .isEqualTo(" hi");
        for (String nothing : List.of("\ud800", "\ufffe", "\u0000\u0001", "\udc00 \uffff")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> new Speaker.Request(nothing, VoiceProfile.NEUTRAL, 1, 1, 16_000))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("nothing to say");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new Speaker.Request("a".repeat(Speaker.MAX_TEXT + 1), VoiceProfile.NEUTRAL, 1, 1, 16_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + Speaker.MAX_TEXT);
    }

    @Test
    void aNoncharacterBeforeTheWordsIsDroppedAndTheWordsSpoken() throws SpeechException {
        assertThat(say("\ufffe hi", VoiceProfile.NEUTRAL, 1, 1).samples().length)
                .isGreaterThan(16_000 / 5);
    }

    /** A fake engine of {@code parallelism} engines whose audio is one sample: the piece's index in {@code pieces}. */
    private record Indexing(List<String> pieces, int parallelism, java.util.function.IntConsumer called)
            implements SpeechEngine {
        @Override
        public Pcm synthesize(String text, VoiceProfile voice) {
            int index = pieces.indexOf(text);
            called.accept(index);
            return new Pcm(new float[] {index}, 24_000);
        }
    }

    private static final String SIX =
            "The first one. The second one. The third one. The fourth one. The fifth one." + " The sixth one.";

    @Test
    @org.junit.jupiter.api.Timeout(60) // a safety net: without pieces made ahead, the first would wait forever
    void withSeveralEnginesThePiecesAheadAreMadeAtOnceAndHandedOnInOrder() throws Exception {
        List<String> pieces = Speaker.pieces(SIX);
        java.util.concurrent.CountDownLatch secondStarted = new java.util.concurrent.CountDownLatch(1);
        Speaker ahead = new Speaker(new Indexing(pieces, 2, index -> {
            if (index == 1) {
                secondStarted.countDown();
            } else if (index == 0) {
                try {
                    secondStarted.await(); // the first piece finishes only once the second is being made
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
        List<Float> heard = new ArrayList<>();

        ahead.speak(new Speaker.Request(SIX, VoiceProfile.NEUTRAL, 1, 1, 24_000), p -> heard.add(p.samples()[0]));

        assertThat(pieces).hasSize(6);
        assertThat(heard).containsExactly(0f, 1f, 2f, 3f, 4f, 5f);
    }

    @Test
    void aSinkThatFailsStopsThePiecesAheadOfIt() {
        List<String> pieces = Speaker.pieces(SIX);
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        Speaker ahead = new Speaker(new Indexing(pieces, 2, index -> made.incrementAndGet()));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ahead.speak(new Speaker.Request(SIX, VoiceProfile.NEUTRAL, 1, 1, 24_000), p -> {
                            throw new java.io.IOException("the client went away");
                        }))
                .isInstanceOf(java.io.IOException.class);
        assertThat(made.get())
                .as("the failed piece and the one made ahead of it")
                .isLessThanOrEqualTo(2);
    }
}
