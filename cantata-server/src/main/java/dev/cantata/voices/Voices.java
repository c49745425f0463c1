package dev.cantata.voices;

import dev.cantata.audio.AudioFormatException;
import dev.cantata.audio.Codecs;
import dev.cantata.audio.Pcm;
import dev.cantata.hash.Sha256;
import dev.cantata.language.LanguageDetector;
import dev.cantata.language.Languages;
import dev.cantata.speech.BoundedCache;
import dev.cantata.speech.EspeakEngine;
import dev.cantata.speech.Polyglot;
import dev.cantata.speech.Priority;
import dev.cantata.speech.Speaker;
import dev.cantata.speech.SpeechEngine;
import dev.cantata.speech.SpeechException;
import dev.cantata.speech.VoiceAnalysis;
import dev.cantata.speech.VoiceMatcher;
import dev.cantata.speech.VoiceProfile;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The speech side of a node: the engine (started in the background, so the server answers at once), the speaker that
 * streams it, voice matching, codecs, and the speaker library. HTTP dialects and the command line share it.
 */
public final class Voices {
    private static final Logger LOG = LoggerFactory.getLogger(Voices.class);
    /** References are analysed from at most this much audio. */
    public static final double MAX_REFERENCE_SECONDS = 60;

    /** Matches kept by content, so a client that sends the same reference again is answered without re-analysis. */
    private static final int MATCH_CACHE = 64;

    private final CompletableFuture<SpeechEngine> engine;
    private final BoundedCache<String, Match> matches = new BoundedCache<>(MATCH_CACHE);
    private final Codecs codecs;
    private final SpeakerLibrary library;
    private volatile @Nullable VoiceMatcher matcher;
    private final LongAdder spoken = new LongAdder();

    public Voices(CompletableFuture<SpeechEngine> engine, Codecs codecs, SpeakerLibrary library) {
        this.engine = engine;
        this.codecs = codecs;
        this.library = library;
    }

    /**
     * Starts speech on a background thread: MaryTTS with a pool of {@code engines} engines for English, {@code espeak}
     * (when the machine has it) for the other languages, and the detector that tells them apart.
     */
    public static CompletableFuture<SpeechEngine> start(int engines, @Nullable EspeakEngine espeak) {
        CompletableFuture<SpeechEngine> future = new CompletableFuture<>();
        Thread starter = new Thread(
                () -> {
                    try {
                        future.complete(Polyglot.start(engines, espeak));
                    } catch (SpeechException | RuntimeException e) {
                        LOG.error("the speech engine did not start", e);
                        future.completeExceptionally(e);
                    }
                },
                "cantata-speech-start");
        starter.setDaemon(true);
        starter.start();
        return future;
    }

    /** The engine, waiting for it to finish starting (at most a minute). */
    public SpeechEngine engine() throws SpeechException {
        try {
            return engine.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new SpeechException("the speech engine failed to start: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new SpeechException("the speech engine is still starting; try again shortly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechException("interrupted while waiting for the speech engine", e);
        }
    }

    private static final LanguageDetector ENGLISH = LanguageDetector.of(Languages.englishOnly());

    /**
     * The languages the node speaks and how they are told apart, once the engine has started (waiting for it as {@link
     * #engine} does); English alone for an engine that speaks English alone.
     */
    public LanguageDetector detector() throws SpeechException {
        return engine() instanceof Polyglot polyglot ? polyglot.detector() : ENGLISH;
    }

    /** Whether the engine has started. */
    public boolean ready() {
        return engine.isDone() && !engine.isCompletedExceptionally();
    }

    /**
     * A speaker for one request: one client of the engines, whose sentences take turns with other requests' ({@link
     * SpeechEngine#client}); the pieces it synthesises are counted ({@link #piecesSpoken()}).
     */
    public Speaker speaker() throws SpeechException {
        return new Speaker(new Counted(engine().client(Priority.SPEECH), spoken));
    }

    /** A client of the engines whose pieces are counted. */
    private record Counted(SpeechEngine client, LongAdder spoken) implements SpeechEngine {
        @Override
        public Pcm synthesize(String text, VoiceProfile voice) throws SpeechException {
            return synthesize(text, voice, () -> false);
        }

        @Override
        public Pcm synthesize(String text, VoiceProfile voice, BooleanSupplier gone) throws SpeechException {
            Pcm pcm = client.synthesize(text, voice, gone);
            spoken.increment();
            return pcm;
        }

        @Override
        public int parallelism() {
            return client.parallelism();
        }

        @Override
        public SpeechEngine speaking(dev.cantata.language.Language language) {
            return new Counted(client.speaking(language), spoken);
        }

        @Override
        public dev.cantata.language.Language languageOf(String text) {
            return client.languageOf(text);
        }
    }

    /** How many pieces (sentences, or clauses of long ones) speakers have synthesised since the node started. */
    public long piecesSpoken() {
        return spoken.sum();
    }

    public Codecs codecs() {
        return codecs;
    }

    public SpeakerLibrary library() {
        return library;
    }

    /** A matched voice and what it was matched from. */
    public record Match(VoiceProfile profile, VoiceAnalysis analysis) {}

    /**
     * Decodes and analyses a reference recording and matches a profile to it.
     *
     * @throws AudioFormatException when the bytes are not audio, or the recording cannot be matched (too short, silent)
     */
    public Match match(byte[] recording, @Nullable String referenceText)
            throws AudioFormatException, IOException, SpeechException {
        String key = digest(recording, referenceText);
        Match cached = matches.get(key);
        if (cached != null) {
            return cached;
        }
        Match match = analyzeAndMatch(recording, referenceText);
        matches.put(key, match);
        return match;
    }

    private Match analyzeAndMatch(byte[] recording, @Nullable String referenceText)
            throws AudioFormatException, IOException, SpeechException {
        Pcm pcm = codecs.decode(recording, VoiceMatcher.RATE, MAX_REFERENCE_SECONDS);
        VoiceAnalysis analysis;
        try {
            analysis = VoiceMatcher.analyze(pcm);
        } catch (VoiceMatcher.UnusableReference e) {
            throw new AudioFormatException(String.valueOf(e.getMessage()));
        }
        return new Match(matcher().match(analysis, referenceText), analysis);
    }

    private static String digest(byte[] recording, @Nullable String referenceText) {
        Sha256 sha = new Sha256().update(recording);
        if (referenceText != null) {
            // A zero byte between the parts, so a recording with a text never shares the key of the recording alone.
            sha.update((byte) 0).update(referenceText);
        }
        return sha.hex();
    }

    private VoiceMatcher matcher() throws SpeechException {
        VoiceMatcher m = matcher;
        if (m == null) {
            synchronized (this) {
                if (matcher == null) {
                    matcher = new VoiceMatcher(engine());
                }
                m = matcher;
            }
        }
        return m;
    }
}
