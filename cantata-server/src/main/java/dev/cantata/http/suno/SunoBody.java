package dev.cantata.http.suno;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.http.ApiException;
import dev.cantata.http.Text;
import io.javalin.http.Context;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** A Suno request's JSON body, read as suno-api (JavaScript) reads it. Anything but an object is a 400. */
record SunoBody(JsonNode node) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static SunoBody of(Context ctx) {
        String body = ctx.body(); // outside the try: a body over the limit is a 413, not bad JSON
        JsonNode node;
        try {
            node = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("Invalid JSON body");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object");
        }
        return new SunoBody(node);
    }

    /**
     * A field as text: strings as they are, other values as JSON, missing or null as empty; a 400 when it is over
     * {@code maxChars} or holds characters that are not text ({@link Text#badCharacter}).
     */
    String text(String field, int maxChars) {
        JsonNode value = node.get(field);
        String text = value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString();
        return checked(field, text, maxChars);
    }

    /** A short field (an id, a model name): at most {@link SunoRoutes#MAX_SHORT} characters. */
    String text(String field) {
        return text(field, SunoRoutes.MAX_SHORT);
    }

    static String checked(String field, String text, int maxChars) {
        if (text.length() > maxChars) {
            throw ApiException.badRequest(
                    field + " is " + text.length() + " characters; the limit is " + maxChars, field);
        }
        String bad = Text.badCharacter(text);
        if (bad != null) {
            throw ApiException.badRequest(field + " holds " + bad + ", which is not text", field);
        }
        return text;
    }

    /** JavaScript's {@code Boolean(x)}, as upstream coerces {@code make_instrumental} and {@code wait_audio}. */
    boolean truthy(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNumber()) {
            return value.asDouble() != 0;
        }
        return !value.isTextual() || !value.asText().isEmpty();
    }

    /** An optional whole number (a JSON number or its text, as JavaScript's {@code Number} reads it); else a 400. */
    @Nullable
    Long wholeNumber(String field) {
        @Nullable Double value = number(field);
        if (value == null) {
            return null;
        }
        if (value != Math.rint(value)
                || Math.abs(value) > 9.007199254740991E15) { // 2^53: a JavaScript number's exact range
            throw ApiException.badRequest(field + " must be a whole number, not " + value, field);
        }
        return value.longValue();
    }

    /** An optional number (a JSON number or its text); missing or null: none; anything else, or not finite, a 400. */
    @Nullable
    Double number(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        double number = Double.NaN;
        if (value.isNumber()) {
            number = value.asDouble();
        } else if (value.isTextual()) {
            try {
                number = Double.parseDouble(checked(field, value.asText(), 40).strip());
            } catch (NumberFormatException e) {
                number = Double.NaN;
            }
        }
        if (!Double.isFinite(number)) {
            throw ApiException.badRequest(field + " must be a number", field);
        }
        return number;
    }

    JsonNode get(String field) {
        return node.path(field);
    }
}
