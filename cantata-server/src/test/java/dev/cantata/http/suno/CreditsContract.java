package dev.cantata.http.suno;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.db.Database;
import dev.cantata.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Credits on every database Cantata supports: spending, refusing, months, and no double spending under races. */
abstract class CreditsContract {
    final SettableClock clock = new SettableClock(Instant.parse("2026-03-31T23:59:00Z"));
    Database database;
    Credits credits;

    abstract Database openDatabase();

    @BeforeEach
    void setUp() {
        database = openDatabase();
        database.jdbc().update("emptying credits", "DELETE FROM credits");
        credits = new Credits(database, clock, 50);
    }

    @AfterEach
    void tearDown() {
        if (database != null) { // null when the database was not there to open (PostgreSQL outside ./cantata test)
            database.close();
        }
    }

    @Test
    void anAccountSpendsUpToItsMonthlyCreditsAndNoFurther() {
        assertThat(credits.spend("a", 30)).isTrue();
        assertThat(credits.spend("a", 30)).isFalse();
        assertThat(credits.spend("a", 20)).isTrue();

        assertThat(credits.balance("a")).isEqualTo(new Credits.Balance(0, 50, 50, "2026-03"));
        assertThat(credits.balance("b").left()).isEqualTo(50);
    }

    @Test
    void aNewMonthStartsAfresh() {
        credits.spend("a", 50);

        clock.advance(Duration.ofMinutes(2));

        assertThat(credits.balance("a")).isEqualTo(new Credits.Balance(50, 0, 50, "2026-04"));
    }

    @Test
    void aRefundGivesBackWhatWasSpent() {
        credits.spend("a", 40);

        credits.refund("a", 10, credits.period());

        assertThat(credits.balance("a").used()).isEqualTo(30);
    }

    @Test
    void requestsRacingForTheLastCreditsSpendThemOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> spends = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                spends.add(() -> credits.spend("race", 5));
            }
            int granted = 0;
            for (Future<Boolean> f : pool.invokeAll(spends)) {
                granted += f.get() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(10);
            assertThat(credits.balance("race").used()).isEqualTo(50);
        } finally {
            pool.shutdownNow();
        }
    }
}
