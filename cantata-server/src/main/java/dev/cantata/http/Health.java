package dev.cantata.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The health answer, shaped like the DiffRhythm wrapper's ({@code status, message, version}) so its clients read it
 * unchanged, with what is wrong when the status is {@code degraded}.
 */
public record Health(
        String status,
        String message,
        String version,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> problems) {
    public Health {
        problems = List.copyOf(problems);
    }
}
