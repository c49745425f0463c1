package dev.cantata.speech;

import dev.cantata.audio.Pcm;
import dev.cantata.language.Language;
import java.util.function.BooleanSupplier;

/**
 * The seam between Cantata and a speech synthesizer: one sentence (or short passage) in, mono audio out. An engine may
 * queue calls internally; it must be safe to call from several threads.
 */
@FunctionalInterface
public interface SpeechEngine {

    /** Speaks {@code text} with {@code voice}. */
    Pcm synthesize(String text, VoiceProfile voice) throws SpeechException;

    /**
     * Speaks {@code text} for a client that may leave while the call waits for an engine: once {@code gone} is true,
     * the call throws {@link ClientGone} instead of synthesising. An engine without a queue only asks before it starts.
     */
    default Pcm synthesize(String text, VoiceProfile voice, BooleanSupplier gone) throws SpeechException {
        if (gone.getAsBoolean()) {
            throw new ClientGone();
        }
        return synthesize(text, voice);
    }

    /**
     * A view of this engine as one client at {@code priority}, whose calls take turns with other clients' (see {@link
     * MaryEngine#client}). An engine that serves calls in arrival order is its own client.
     */
    default SpeechEngine client(Priority priority) {
        return this;
    }

    /**
     * This engine speaking text that is in {@code language} (given by a client, or a voice's own language): words in
     * other scripts are still spoken in theirs. An engine of one language is itself.
     */
    default SpeechEngine speaking(Language language) {
        return this;
    }

    /** The language of {@code text} when no one says: what an engine of one language speaks. */
    default Language languageOf(String text) {
        return Language.ENGLISH;
    }

    /** How many calls this engine makes at once: a caller gains nothing from having more in flight. */
    default int parallelism() {
        return 1;
    }
}
