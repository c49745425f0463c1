package dev.cantata.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a request body is: the one place that decides it for every dialect. The {@code Content-Type} decides when it
 * names JSON ({@code application/json}, {@code application/*+json}), multipart or a URL-encoded form. Any other type,
 * or none, is what browsers' {@code fetch} without headers ({@code text/plain;charset=UTF-8}) and {@code
 * requests.post(data=json.dumps(…))} (no header) send: such a body is JSON when it parses as a JSON object, as the
 * upstream servers parse it. So is a "URL-encoded form" that is a JSON object: {@code curl -d '{"text":…}'} declares
 * one, and no form's first field is named {@code {"text":…}}.
 */
public enum BodyKind {
    JSON,
    MULTIPART,
    FORM,
    OTHER;

    private static final String SEEN = "cantata.body-kind";

    /** The body's kind, reading the body when its type does not say (once per request: the answer is kept). */
    public static BodyKind of(Context ctx) {
        BodyKind seen = ctx.attribute(SEEN);
        if (seen != null) {
            return seen;
        }
        BodyKind kind = declared(ctx);
        if ((kind == OTHER || kind == FORM) && isJsonObject(ctx.body())) {
            kind = JSON;
        }
        ctx.attribute(SEEN, kind);
        return kind;
    }

    /**
     * What is known without reading the body: the kind {@link #of} found, or else the declared one. For error shapes,
     * which must not read a body (an error may be that it is too large).
     */
    public static BodyKind known(Context ctx) {
        BodyKind seen = ctx.attribute(SEEN);
        return seen != null ? seen : declared(ctx);
    }

    private static BodyKind declared(Context ctx) {
        @Nullable String header = ctx.contentType();
        String type = header == null ? "" : header.toLowerCase(Locale.ROOT).strip();
        int semicolon = type.indexOf(';');
        String media = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
        if (media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"))) {
            return JSON;
        }
        if (media.equals("multipart/form-data")) {
            return MULTIPART;
        }
        if (media.equals("application/x-www-form-urlencoded")) {
            return FORM;
        }
        return OTHER;
    }

    private static boolean isJsonObject(String body) {
        if (!body.stripLeading().startsWith("{")) {
            return false; // not worth parsing
        }
        try {
            return PythonJson.read(body).isObject();
        } catch (IOException e) {
            return false;
        }
    }

    /** True for the two kinds that carry form fields (and, for multipart, files). */
    public boolean isForm() {
        return this == MULTIPART || this == FORM;
    }
}
