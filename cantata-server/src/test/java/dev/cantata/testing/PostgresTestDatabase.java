package dev.cantata.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PostgreSQL that {@code ./cantata test} starts on loopback, named by {@code CANTATA_TEST_PG_URL}. Outside CI a test
 * run without it skips the PostgreSQL tests; in CI (where {@code CI} is set) their absence is a failure.
 */
public final class PostgresTestDatabase {
    private PostgresTestDatabase() {}

    public static String url() {
        String url = System.getenv("CANTATA_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if (System.getenv("CI") != null) {
                fail("CANTATA_TEST_PG_URL is not set: run the tests with ./cantata test, which starts PostgreSQL");
            }
            assumeTrue(false, "CANTATA_TEST_PG_URL is not set; run ./cantata test for the PostgreSQL tests");
        }
        return url;
    }
}
