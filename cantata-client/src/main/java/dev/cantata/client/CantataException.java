package dev.cantata.client;

/**
 * Every failure of a call: the server's answer ({@link #status()} and the error message from its body) or a transport
 * problem ({@link #status()} is 0).
 */
public final class CantataException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public CantataException(int status, String message) {
        super(message);
        this.status = status;
    }

    public CantataException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }
}
