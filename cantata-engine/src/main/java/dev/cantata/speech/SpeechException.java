package dev.cantata.speech;

/** The engine could not speak the text; the message says why. */
public sealed class SpeechException extends Exception permits ClientGone {
    private static final long serialVersionUID = 1L;

    public SpeechException(String message, Throwable cause) {
        super(message, cause);
    }

    public SpeechException(String message) {
        super(message);
    }
}
