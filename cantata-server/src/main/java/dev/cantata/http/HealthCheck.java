package dev.cantata.http;

import java.util.Optional;

/** One condition a node needs in order to do its work; {@code GET /api/health} reports the ones that fail. */
@FunctionalInterface
public interface HealthCheck {
    /** What is wrong, in words an operator can act on, or empty when all is well. */
    Optional<String> problem();
}
