package dev.cantata.speech;

import dev.cantata.audio.Pcm;

/**
 * The seam between Cantata and a speech synthesizer: one sentence (or short passage) in, mono audio out. An engine may
 * serialise calls internally; it must be safe to call from several threads.
 */
@FunctionalInterface
public interface SpeechEngine {

    /** Speaks {@code text} with {@code voice}. */
    Pcm synthesize(String text, VoiceProfile voice) throws SpeechException;
}
