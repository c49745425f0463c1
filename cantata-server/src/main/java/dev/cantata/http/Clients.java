package dev.cantata.http;

import dev.cantata.hash.Sha256;
import io.javalin.http.Context;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who is asking: the account a request's credits are counted against, and the client its share of the song queue is.
 * An account is a bearer key's hash ({@code key:…}); when the node lists its account keys, any other bearer is treated
 * as no bearer, so a made-up key cannot mint a fresh account. Requests without an account share the {@code default}
 * credits, and each address is its own client in the queue.
 */
public final class Clients {
    /** The account of requests that carry no account key. */
    public static final String ANONYMOUS = "default";

    private final @Nullable Set<String> accounts;

    /** @param accounts the bearer keys that are accounts; null when every bearer key is its own */
    public Clients(@Nullable Set<String> accounts) {
        this.accounts = accounts == null ? null : Set.copyOf(accounts);
    }

    /** The account credits are counted against: {@code key:} and the key's hash, or {@link #ANONYMOUS}. */
    public String account(Context ctx) {
        String key = bearer(ctx);
        if (key == null || (accounts != null && !accounts.contains(key))) {
            return ANONYMOUS;
        }
        return "key:" + new Sha256().update(key).hex(12);
    }

    /** The client whose songs are counted together: its account, or {@code ip:} and its address without one. */
    public String client(Context ctx) {
        String account = account(ctx);
        return account.equals(ANONYMOUS) ? "ip:" + ctx.ip() : account;
    }

    private static @Nullable String bearer(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String key = auth.substring(7).strip();
        return key.isEmpty() ? null : key;
    }
}
