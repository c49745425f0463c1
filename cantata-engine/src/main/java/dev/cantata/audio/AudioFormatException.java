package dev.cantata.audio;

/** Bytes that are not audio Cantata can read; the message says what is wrong, for the caller's 400. */
public final class AudioFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public AudioFormatException(String message) {
        super(message);
    }
}
