package dev.cantata.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.audio.Pcm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real MaryTTS engine (started once for the process), with one engine and with a pool of two. */
final class MaryEngineTest {
    static MaryEngine engine;
    static MaryEngine two;

    @BeforeAll
    static void start() throws SpeechException {
        engine = MaryEngine.start(1);
        two = MaryEngine.start(2);
    }

    /** Waits, without a clock, until {@code condition} holds; the test's own timeout bounds it. */
    static void await(BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000); // a poll, not a timing
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted (the test's timeout) while waiting");
            }
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

        // round-robin by turn gives the long job its first sentence, then the short request, then the long job's rest
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

    private static final List<String> HARVARD = List.of(
            "The birch canoe slid on the smooth planks.",
            "Glue the sheet to the dark blue background.",
            "It's easy to tell the depth of a well.",
            "These days a chicken leg is a rare dish.",
            "Rice is often served in round bowls.",
            "The juice of lemons makes fine punch.");

    @Test
    @org.junit.jupiter.api.Timeout(300) // a safety net: the assertions are on samples, not on time
    void twoThreadsOnTwoEnginesSpeakTheSamplesOneThreadSpeaks() throws Exception {
        VoiceProfile low = new VoiceProfile(0.8, 1, 1.15, 1.1);
        List<float[]> sequential = new ArrayList<>();
        for (String s : HARVARD) {
            sequential.add(engine.synthesize(s, low).samples());
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<float[]>> parallel = new ArrayList<>();
                for (String s : HARVARD) {
                    parallel.add(threads.submit(() -> two.synthesize(s, low).samples()));
                }
                for (int i = 0; i < HARVARD.size(); i++) {
                    assertThat(parallel.get(i).get())
                            .as("round %d, sentence %d", round, i)
                            .isEqualTo(sequential.get(i));
                }
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(120) // a safety net: one engine would leave the second call waiting forever
    void twoCallsOfWithMaryRunAtTheSameTimeOnTwoEngines() throws Exception {
        CyclicBarrier both = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(threads.submit(() -> two.withMary(mary -> {
                    both.await(); // passes only while both calls hold an engine at once
                    return System.identityHashCode(mary);
                })));
            }
            assertThat(calls.get(0).get())
                    .as("each call has an interface of its own")
                    .isNotEqualTo(calls.get(1).get());
        } finally {
            threads.shutdown();
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(300)
    void singingsAnalysisAndAudioAreTheSameOnParallelEngines() throws Exception {
        MaryEngine.MaryWork<byte[]> sing = mary -> {
            mary.setInputType("RAWMARYXML");
            mary.setOutputType("ACOUSTPARAMS");
            org.w3c.dom.Document params = mary.generateXML(MaryEngine.document("Every street I used to walk with you"));
            mary.setInputType("ACOUSTPARAMS");
            mary.setOutputType("AUDIO");
            float[] samples = MaryEngine.audio(mary.generateAudio(params)).samples();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(samples.length * 4);
            bytes.asFloatBuffer().put(samples);
            return bytes.array();
        };
        byte[] alone = engine.withMary(sing);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<byte[]>> parallel = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                parallel.add(threads.submit(() -> two.withMary(sing)));
            }
            for (Future<byte[]> f : parallel) {
                assertThat(f.get()).isEqualTo(alone);
            }
        } finally {
            threads.shutdown();
        }
        // the interface is left as speech expects it
        assertThat(two.synthesize("Still speaking.", VoiceProfile.NEUTRAL).samples())
                .isNotEmpty();
    }

    @Test
    void aPoolOfAnotherSizeIsItsOwnAndTheSameSizeIsShared() throws SpeechException {
        assertThat(two.engines()).isEqualTo(2);
        assertThat(engine.engines()).isEqualTo(1);
        assertThat(MaryEngine.start(2)).isSameAs(two);
        assertThat(two.lane(Priority.SINGING).engines()).isEqualTo(2);
    }

    @Test
    void aPoolOfNoEnginesIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MaryEngine.start(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("engines must be 1–64");
    }
}
