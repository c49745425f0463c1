package dev.cantata.http.suno;

import dev.cantata.db.Database;
import dev.cantata.db.Jdbc;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Credits per account and calendar month (UTC), kept in the database so every node sees the same balance. A charge is
 * one conditional UPDATE, so two requests cannot both spend the last credits.
 */
final class Credits {
    static final int PER_CLIP = 5;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final Jdbc jdbc;
    private final InstantSource clock;
    private final int monthly;

    Credits(Database database, InstantSource clock, int monthly) {
        this.jdbc = database.jdbc();
        this.clock = clock;
        this.monthly = monthly;
    }

    /** An account's month. */
    record Balance(int left, int used, int monthly, String period) {}

    String period() {
        return MONTH.format(clock.instant().atOffset(ZoneOffset.UTC));
    }

    Balance balance(String account) {
        String period = period();
        int used = jdbc.queryOne(
                        "reading credits",
                        "SELECT used FROM credits WHERE account = ? AND period = ?",
                        row -> row.getInt(1),
                        account,
                        period)
                .orElse(0);
        return new Balance(Math.max(0, monthly - used), used, monthly, period);
    }

    /** Spends {@code amount} if the account has it; false (and nothing spent) if not. */
    boolean spend(String account, int amount) {
        String period = period();
        jdbc.update(
                "opening a credit month",
                "INSERT INTO credits (account, period, used) VALUES (?, ?, 0)"
                        + " ON CONFLICT (account, period) DO NOTHING",
                account,
                period);
        return jdbc.update(
                        "spending credits",
                        "UPDATE credits SET used = used + ? WHERE account = ? AND period = ?" + " AND used + ? <= ?",
                        amount,
                        account,
                        period,
                        amount,
                        monthly)
                == 1;
    }

    /** Gives back what a request spent but could not use. */
    void refund(String account, int amount, String period) {
        jdbc.update(
                "refunding credits",
                "UPDATE credits SET used = CASE WHEN used > ? THEN used - ? ELSE 0 END"
                        + " WHERE account = ? AND period = ?",
                amount,
                amount,
                account,
                period);
    }
}
