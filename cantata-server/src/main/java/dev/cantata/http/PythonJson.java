package dev.cantata.http;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * JSON read as Python's {@code json.loads} reads it, which is what FastAPI parses request bodies with: {@code NaN} and
 * {@code Infinity} are numbers, and anything after the value is an error.
 */
final class PythonJson {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PythonJson() {}

    /** The value {@code body} holds (a missing node when it is empty). */
    static JsonNode read(String body) throws IOException {
        return JSON.readTree(body);
    }
}
