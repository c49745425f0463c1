package dev.cantata.db;

/** The databases Cantata speaks; each has its own migrations and its own SQL where they differ. */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** The classpath folder of this dialect's Flyway migrations. */
    String migrations() {
        return "classpath:db/" + folder;
    }

    /** How a UUID is bound as a statement parameter: SQLite keeps ids as text, PostgreSQL as {@code uuid}. */
    public Object id(java.util.UUID id) {
        return this == SQLITE ? id.toString() : id;
    }

    /** The dialect of a JDBC URL. */
    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported JDBC URL: " + jdbcUrl);
    }
}
