package dev.cantata.http;

import io.javalin.http.Context;
import java.util.Locale;

/** What a request body is, by its {@code Content-Type}: the one place that reads it for every dialect. */
public enum BodyKind {
    JSON,
    MULTIPART,
    FORM,
    OTHER;

    public static BodyKind of(Context ctx) {
        String type = ctx.contentType() == null
                ? ""
                : ctx.contentType().toLowerCase(Locale.ROOT).strip();
        if (type.startsWith("application/json")) {
            return JSON;
        }
        if (type.startsWith("multipart/form-data")) {
            return MULTIPART;
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return FORM;
        }
        return OTHER;
    }

    /** True for the two kinds that carry form fields (and, for multipart, files). */
    public boolean isForm() {
        return this == MULTIPART || this == FORM;
    }
}
