package dev.cantata.speech;

import dev.cantata.audio.Pcm;
import dev.cantata.audio.Resampler;
import dev.cantata.audio.TimeStretch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Speaks text sentence by sentence: splits it ({@link Tokenizer}), synthesises each piece, stretches it to the
 * requested speed, resamples it to the output rate, and hands it on before starting the next, so a streaming client
 * hears the first sentence while the rest is still being made. A sink that throws (a client that went away) or an
 * interrupt stops the work at the next piece.
 */
public final class Speaker {
    /** Pieces longer than this are split at commas or spaces; MaryTTS and listeners both prefer shorter units. */
    static final int MAX_PIECE = 280;
    /** A long first sentence is split early so the first audio leaves sooner. */
    static final int FIRST_PIECE = 120;

    private final SpeechEngine engine;

    public Speaker(SpeechEngine engine) {
        this.engine = engine;
    }

    /** Receives each piece of audio as soon as it is ready. */
    @FunctionalInterface
    public interface Sink {
        void accept(Pcm piece) throws IOException;
    }

    /** What to say and how. */
    public record Request(String text, VoiceProfile voice, double pitch, double speed, int sampleRate) {
        public Request {
            if (text.isBlank()) {
                throw new IllegalArgumentException("the text is empty");
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
        VoiceProfile voice = request.voice().adjusted(request.pitch(), 1);
        for (String piece : pieces(request.text())) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IOException("speech interrupted");
            }
            Pcm audio = engine.synthesize(piece, voice);
            if (request.speed() != 1.0) {
                audio = TimeStretch.stretch(audio, 1 / request.speed());
            }
            sink.accept(Resampler.resample(audio, request.sampleRate()));
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
        List<String> pieces = new ArrayList<>();
        for (String sentence : Tokenizer.sentences(text)) {
            int limit = pieces.isEmpty() ? FIRST_PIECE : MAX_PIECE;
            String rest = sentence;
            while (rest.length() > limit) {
                int cut = cutPoint(rest, limit);
                pieces.add(rest.substring(0, cut).strip());
                rest = rest.substring(cut).strip();
                limit = MAX_PIECE;
            }
            if (!rest.isEmpty()) {
                pieces.add(rest);
            }
        }
        return pieces;
    }

    private static int cutPoint(String text, int limit) {
        for (String marks : List.of(";:", ",", " ")) {
            int best = -1;
            for (int i = limit / 3; i < limit; i++) {
                if (marks.indexOf(text.charAt(i)) >= 0) {
                    best = i + 1;
                }
            }
            if (best > 0) {
                return best;
            }
        }
        return limit; // one very long word: cut it
    }
}
