package dev.cantata.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The ReDoc page, stamped with the webjar's version at build time. */
final class ReDocPage {
    private ReDocPage() {}

    static String html() {
        try (InputStream in = ReDocPage.class.getResourceAsStream("redoc.html")) {
            if (in == null) {
                throw new IllegalStateException("redoc.html is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading redoc.html", e);
        }
    }
}
