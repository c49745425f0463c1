package dev.cantata.http;

import dev.cantata.config.AddressRange;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where this server is, as its client reached it: the base of the absolute URLs the dialects hand out. {@code
 * X-Forwarded-Proto} and {@code X-Forwarded-Host} are believed only from a configured reverse proxy (the connection's
 * peer is in {@code trusted-proxies}), and only when they are a scheme a player can fetch ({@code http}, {@code
 * https}) and a plain {@code host[:port]}; anyone else would use them to make this server hand out
 * {@code javascript://…} or a phishing host in {@code audio_url}. The {@code Host} header is checked the same way.
 */
public final class Forwarded {
    private static final Pattern HOST =
            Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\\.?"
                    + "|\\[[0-9A-Fa-f:.]+\\])(:\\d{1,5})?");

    private final List<AddressRange> trusted;

    public Forwarded(List<AddressRange> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** {@code scheme://host[:port]} of this request, with no trailing slash. */
    public String base(Context ctx) {
        String scheme = ctx.scheme();
        String host = validHost(ctx.host());
        if (host == null) {
            host = "localhost:" + ctx.port();
        }
        if (fromTrustedProxy(ctx)) {
            String proto = first(ctx.header("X-Forwarded-Proto"));
            if (proto != null) {
                String p = proto.toLowerCase(Locale.ROOT);
                if (p.equals("http") || p.equals("https")) {
                    scheme = p;
                }
            }
            String forwardedHost = validHost(first(ctx.header("X-Forwarded-Host")));
            if (forwardedHost != null) {
                host = forwardedHost;
            }
        }
        return scheme + "://" + host;
    }

    private boolean fromTrustedProxy(Context ctx) {
        if (trusted.isEmpty()) {
            return false;
        }
        InetAddress peer;
        try {
            peer = InetAddress.getByName(ctx.req().getRemoteAddr()); // an address literal: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
        return trusted.stream().anyMatch(range -> range.contains(peer));
    }

    /** The first of a comma-separated list (the proxy nearest the client adds the first value). */
    private static @Nullable String first(@Nullable String header) {
        if (header == null) {
            return null;
        }
        int comma = header.indexOf(',');
        String value = (comma < 0 ? header : header.substring(0, comma)).strip();
        return value.isEmpty() ? null : value;
    }

    static @Nullable String validHost(@Nullable String host) {
        if (host == null || host.length() > 255 || !HOST.matcher(host).matches()) {
            return null;
        }
        int colon = host.lastIndexOf(':');
        if (colon > host.lastIndexOf(']') && Integer.parseInt(host.substring(colon + 1)) > 65535) {
            return null;
        }
        return host;
    }
}
