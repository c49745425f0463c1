package dev.cantata.speech;

import dev.cantata.audio.Pcm;
import dev.cantata.audio.Resampler;
import dev.cantata.audio.TimeStretch;
import dev.cantata.language.Language;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Speaks text sentence by sentence: splits it ({@link Tokenizer}), synthesises each piece, stretches it to the
 * requested speed, resamples it to the output rate, and hands it on before starting the next, so a streaming client
 * hears the first sentence while the rest is still being made. A sink that throws (a client that went away) or an
 * interrupt stops the work at the next piece. A speaker is one client of its engine ({@link SpeechEngine#client}): its
 * pieces take turns with other speakers' a piece at a time, so one speaker is made per request.
 */
public final class Speaker {
    /** Pieces longer than this are split at commas or spaces; MaryTTS and listeners both prefer shorter units. */
    static final int MAX_PIECE = 280;
    /** A long first sentence is split early so the first audio leaves sooner. */
    static final int FIRST_PIECE = 120;

    private final SpeechEngine engine;

    /** A speaker that is one new {@link Priority#SPEECH} client of {@code engine}. */
    public Speaker(SpeechEngine engine) {
        this.engine = engine.client(Priority.SPEECH);
    }

    /** Receives each piece of audio as soon as it is ready. */
    @FunctionalInterface
    public interface Sink {
        void accept(Pcm piece) throws IOException;
    }

    /** The most text one request may speak: about an hour of speech. */
    public static final int MAX_TEXT = 50_000;

    /**
     * What to say and how, in {@code language} (null: the language of the text, {@link SpeechEngine#languageOf}). The
     * text is cleaned ({@link SpeechText#clean}: noncharacters and stray controls dropped,
     * lone surrogates replaced), so any string can be asked for. It throws {@link IllegalArgumentException} when the
     * text is empty (or holds nothing but characters that cannot be spoken), is longer than {@link #MAX_TEXT}, or when
     * speed or pitch is out of range.
     */
    public record Request(
            String text,
            VoiceProfile voice,
            double pitch,
            double speed,
            int sampleRate,
            @Nullable Language language) {
        /** A request whose language is found from its text. */
        public Request(String text, VoiceProfile voice, double pitch, double speed, int sampleRate) {
            this(text, voice, pitch, speed, sampleRate, null);
        }

        public Request {
            if (text.length() > MAX_TEXT) {
                throw new IllegalArgumentException(
                        "the text is " + text.length() + " characters long; at most " + MAX_TEXT + " are spoken");
            }
            text = SpeechText.clean(text).replace('\uFFFD', ' ');
            if (text.isBlank()) {
                throw new IllegalArgumentException("the text is empty: there is nothing to say");
            }
            if (!(speed >= 0.25 && speed <= 4.0)) {
                throw new IllegalArgumentException("speed " + speed + " is outside 0.25–4.0");
            }
            if (!(pitch >= 0.5 && pitch <= 2.0)) {
                throw new IllegalArgumentException("pitch " + pitch + " is outside 0.5–2.0");
            }
        }
    }

    /** Speaks the whole request into {@code sink}, piece by piece. */
    public void speak(Request request, Sink sink) throws SpeechException, IOException {
        speak(request, sink, () -> false);
    }

    /**
     * Speaks the whole request into {@code sink}, piece by piece, for a client that may hang up: once {@code gone} is
     * true the piece waiting for an engine gives up its place and this throws {@link ClientGone}.
     *
     * <p>With several engines ({@link SpeechEngine#parallelism}) the next pieces are made while the sink takes the
     * current one, as many at once as there are engines, and handed on in order: a long text alone on a node uses every
     * core, and the audio is the same piece for piece. Those pieces are turns of this speaker's one client, so a long
     * text still gets one turn in each round of the waiting clients ({@link EnginePool}).
     */
    public void speak(Request request, Sink sink, BooleanSupplier gone) throws SpeechException, IOException {
        VoiceProfile voice = request.voice().adjusted(request.pitch(), 1);
        List<String> pieces = pieces(request.text());
        // one language for the whole text, found once: a short sentence alone ("Ja.") says too little of its own
        Language language = request.language() != null ? request.language() : engine.languageOf(request.text());
        SpeechEngine engine = this.engine.speaking(language);
        int ahead = Math.min(pieces.size(), Math.max(1, engine.parallelism()));
        if (ahead == 1) {
            for (String piece : pieces) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IOException("speech interrupted");
                }
                sink.accept(make(engine, piece, voice, request, gone));
            }
            return;
        }
        // Abandoned pieces leave the queue through their gone check, not an interrupt: an interrupt inside MaryTTS
        // would leave its audio producer thread blocked on a reader that is no longer there.
        AtomicBoolean abandoned = new AtomicBoolean();
        BooleanSupplier stop = () -> abandoned.get() || gone.getAsBoolean();
        try (ExecutorService makers = Executors.newVirtualThreadPerTaskExecutor()) {
            ArrayDeque<Future<Pcm>> inFlight = new ArrayDeque<>();
            int next = 0;
            try {
                while (next < pieces.size() || !inFlight.isEmpty()) {
                    while (next < pieces.size() && inFlight.size() < ahead) {
                        String piece = pieces.get(next++);
                        inFlight.addLast(makers.submit(() -> make(engine, piece, voice, request, stop)));
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        throw new IOException("speech interrupted");
                    }
                    sink.accept(result(inFlight.removeFirst()));
                }
            } finally {
                abandoned.set(true);
            }
        }
    }

    private static Pcm make(
            SpeechEngine engine, String piece, VoiceProfile voice, Request request, BooleanSupplier gone)
            throws SpeechException {
        Pcm audio = engine.synthesize(piece, voice, gone);
        if (request.speed() != 1.0) {
            audio = TimeStretch.stretch(audio, 1 / request.speed());
        }
        return Resampler.resample(audio, request.sampleRate());
    }

    private static Pcm result(Future<Pcm> piece) throws SpeechException, IOException {
        try {
            return piece.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("speech interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SpeechException se) {
                throw se;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new SpeechException("speech failed: " + cause, e);
        }
    }

    /** Speaks the whole request and returns all of it. */
    public Pcm speak(Request request) throws SpeechException {
        List<Pcm> pieces = new ArrayList<>();
        try {
            speak(request, pieces::add);
        } catch (IOException e) {
            throw new SpeechException("speech interrupted", e);
        }
        return Pcm.concat(pieces, request.sampleRate());
    }

    /** The text in pieces: sentences, long ones split at clause or word boundaries; nothing dropped or repeated. */
    static List<String> pieces(String text) {
        return Tokenizer.pieces(text, FIRST_PIECE, MAX_PIECE);
    }
}
