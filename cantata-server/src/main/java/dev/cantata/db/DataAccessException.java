package dev.cantata.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** A database operation failed; the message says which one. Thrown once, where the {@code SQLException} is caught. */
public final class DataAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean unreachable;

    DataAccessException(String message, Throwable cause) {
        this(message, cause, false);
    }

    DataAccessException(String message, Throwable cause, boolean unreachable) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    /**
     * Whether it failed because the database is out of reach (no connection, or the connection was lost), which a
     * retry may cure, rather than because of the statement, which it would not.
     */
    public boolean unreachable() {
        return unreachable;
    }

    /** Whether a statement failed because its connection broke: JDBC's connection exceptions, SQLSTATE class 08. */
    static boolean lostConnection(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException
                    || (t instanceof SQLException sql
                            && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }
}
