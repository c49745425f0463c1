package dev.cantata.http.studio;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads an {@code Accept} header (RFC 9110 §12.5.1) for the one question {@code GET /} asks: is HTML preferred over
 * JSON? Browsers navigating send {@code text/html,…,*}{@code /*;q=0.8}; curl, Python's requests and httpx send
 * {@code *}{@code /*}; JavaScript's fetch sends {@code *}{@code /*} too. So HTML must be named, with a weight above
 * zero and not below JSON's (a client naming both equally means either; the browser's page wins then).
 */
final class Accept {
    private Accept() {}

    static boolean prefersHtml(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        double html = -1;
        double json = -1;
        for (String range : header.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double weight = weight(parts);
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, weight);
            } else if (type.equals("application/json")) {
                json = Math.max(json, weight);
            }
        }
        return html > 0 && html >= json;
    }

    /** The {@code q} parameter, 1 when absent; a malformed one counts as 0 (the range is then ignored). */
    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.length() > 2
                    && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q')
                    && parameter.charAt(1) == '=') {
                try {
                    double q = Double.parseDouble(parameter.substring(2).strip());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
