package dev.cantata.audio;

import java.io.IOException;

/** A decode refused because the memory set aside for decoding is in use; retrying shortly can succeed. */
public final class AudioBusyException extends IOException {
    private static final long serialVersionUID = 1L;

    public AudioBusyException(String message) {
        super(message);
    }
}
