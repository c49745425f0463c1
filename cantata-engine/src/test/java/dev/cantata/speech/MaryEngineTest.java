package dev.cantata.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.audio.Pcm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real MaryTTS engine (started once for the process). */
final class MaryEngineTest {
    static MaryEngine engine;

    @BeforeAll
    static void start() throws SpeechException {
        engine = MaryEngine.start();
    }

    /** Waits, without a clock, until {@code condition} holds; the test's own timeout bounds it. */
    static void await(BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000); // a poll, not a timing
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(120) // a safety net, not a measurement: a broken lock would wait forever
    void aShortRequestIsSpokenBetweenThePiecesOfALongOne() throws Exception {
        String longText = "This is one sentence of a long text that takes its turns. ".repeat(6);
        List<String> finished = Collections.synchronizedList(new ArrayList<>());
        // a thread each: the common pool may have a single thread, which the long job would hold while it waits
        ExecutorService threads = Executors.newFixedThreadPool(2);
        AtomicReference<CompletableFuture<Pcm>> longJob = new AtomicReference<>();
        AtomicReference<CompletableFuture<Pcm>> shortJob = new AtomicReference<>();

        // while the test holds the engine, the long job queues first and the short one behind it
        engine.withMary(mary -> {
            longJob.set(CompletableFuture.supplyAsync(() -> speak(longText, "long", finished), threads));
            await(() -> engine.waiting() == 1);
            shortJob.set(CompletableFuture.supplyAsync(() -> speak("Hi there.", "short", finished), threads));
            await(() -> engine.waiting() == 2);
            return null;
        });
        Pcm longAudio = longJob.get().get();
        shortJob.get().get();
        threads.shutdown();

        // the fair lock gives the long job its first sentence, then the short request, then the long job's rest
        assertThat(finished).containsExactly("short", "long");
        assertThat(longAudio.samples().length / (double) longAudio.sampleRate())
                .as("all six sentences were spoken")
                .isGreaterThan(12);
    }

    private static Pcm speak(String text, String name, List<String> finished) {
        try {
            Pcm pcm = engine.synthesize(text, VoiceProfile.NEUTRAL);
            finished.add(name);
            return pcm;
        } catch (SpeechException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void textWithNoncharactersAndLoneSurrogatesIsSpokenNotRefused() throws SpeechException {
        Pcm pcm = engine.synthesize("\ufffe hi \ud800 there\u0001", VoiceProfile.NEUTRAL);

        assertThat(pcm.samples().length).isGreaterThan(pcm.sampleRate() / 4);
    }

    @Test
    void markupInTheTextIsSpokenAsText() throws SpeechException {
        Pcm pcm =
                engine.synthesize("</prosody><prosody rate=\"+900%\">a b c</prosody> ]]> &amp;", VoiceProfile.NEUTRAL);

        assertThat(pcm.samples().length).isGreaterThan(pcm.sampleRate());
    }
}
