package dev.cantata.db;

/** A database operation failed; the message says which one. Thrown once, where the {@code SQLException} is caught. */
public final class DataAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
