package dev.cantata.http.suno;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.http.ApiException;
import io.javalin.http.Context;
import java.io.IOException;

/** A Suno request's JSON body, read as suno-api (JavaScript) reads it. Anything but an object is a 400. */
record SunoBody(JsonNode node) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static SunoBody of(Context ctx) {
        JsonNode node;
        try {
            node = ctx.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(ctx.body());
        } catch (IOException e) {
            throw ApiException.badRequest("Invalid JSON body");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object");
        }
        return new SunoBody(node);
    }

    /** A field as text: strings as they are, other values as JSON, missing or null as empty. */
    String text(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString();
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

    JsonNode get(String field) {
        return node.path(field);
    }
}
