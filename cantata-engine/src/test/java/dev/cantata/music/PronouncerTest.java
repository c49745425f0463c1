package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.speech.MaryEngine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class PronouncerTest {
    static Pronouncer pronouncer;
    static MaryEngine engine;

    @BeforeAll
    static void start() throws Exception {
        // one engine: the test below holds it to make the others queue behind it
        engine = MaryEngine.start(1);
        pronouncer = new Pronouncer(engine);
    }

    @Test
    @org.junit.jupiter.api.Timeout(120) // a safety net, not a measurement: a broken lock would wait forever
    void aLongTextIsPronouncedSentenceBySentenceLettingOthersIn() throws Exception {
        String longText = "The morning rain falls on the quiet harbour town. ".repeat(6);
        List<String> finished = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        var longJob =
                new java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Integer>>();
        var shortJob = new java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<?>>();
        // a thread each: the common pool may have a single thread, which the long job would hold while it waits
        var threads = java.util.concurrent.Executors.newFixedThreadPool(2);

        engine.withMary(mary -> {
            longJob.set(java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            int words = pronouncer.pronounce(longText).size();
                            finished.add("long");
                            return words;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    threads));
            await(() -> engine.waiting() == 1);
            shortJob.set(java.util.concurrent.CompletableFuture.runAsync(
                    () -> {
                        try {
                            engine.synthesize("Hi.", dev.cantata.speech.VoiceProfile.NEUTRAL);
                            finished.add("short");
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    threads));
            await(() -> engine.waiting() == 2);
            return null;
        });

        assertThat(longJob.get().get()).isEqualTo(6 * 9);
        shortJob.get().get();
        threads.shutdown();
        assertThat(finished).containsExactly("short", "long");
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000); // a poll, not a timing
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted (the test's timeout) while waiting");
            }
        }
    }

    @Test
    void markupInTheTextIsPronouncedAsWords() throws Exception {
        List<Pronouncer.Word> words = pronouncer.pronounce("<t ph=\"x\">night</t> & day \ufffe\ud800");

        assertThat(words).extracting(Pronouncer.Word::text).contains("night", "day");
    }

    @Test
    void wordsThatRhymeShareTheirStressedVowelAndWhatFollows() throws Exception {
        Map<String, Pronouncer.Word> w = pronouncer.lookUp(
                List.of("night", "light", "tonight", "sea", "free", "morning", "warning", "home", "heart"));

        assertThat(w.get("night").rhyme())
                .isEqualTo(w.get("light").rhyme())
                .isEqualTo(w.get("tonight").rhyme());
        assertThat(w.get("sea").rhyme()).isEqualTo(w.get("free").rhyme());
        assertThat(w.get("morning").rhyme()).isEqualTo(w.get("warning").rhyme());
        assertThat(w.get("home").rhyme()).isNotEqualTo(w.get("heart").rhyme());
        assertThat(w.get("sea").rhyme()).isNotEqualTo(w.get("night").rhyme());
    }

    @Test
    void syllablesStressAndPartOfSpeechComeFromTheLexicon() throws Exception {
        List<Pronouncer.Word> words = pronouncer.pronounce("The morning walk along the sea.");

        assertThat(words)
                .extracting(Pronouncer.Word::text)
                .containsExactly("The", "morning", "walk", "along", "the", "sea");
        assertThat(words.get(1).syllables()).hasSize(2);
        assertThat(words.get(1).stressed()).isZero();
        assertThat(words.get(3).stressed()).isEqualTo(1);
        assertThat(words.get(5).pos()).startsWith("NN");
    }
}
