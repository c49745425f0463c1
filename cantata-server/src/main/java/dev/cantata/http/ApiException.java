package dev.cantata.http;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request that cannot be served, with the status and the words each dialect's error shape needs. Handlers throw it;
 * {@link ErrorMapper} renders it in the calling API's own shape.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One field's problem, in FastAPI's 422 terms ({@code type}, {@code loc}, {@code msg}, {@code input}). */
    public record FieldProblem(
            String type,
            String field,
            String message,
            @Nullable Object input) {}

    private final int status;
    private final @Nullable String param;
    private final @Nullable String code;
    private final transient List<FieldProblem> problems;
    private final @Nullable Duration retryAfter;

    /**
     * An error to answer with {@code status}; a null {@code message} (an exception's, passed on) becomes the status's
     * own words, so the client always reads a message.
     */
    public ApiException(int status, @Nullable String message) {
        this(status, message, null, null, List.of(), null);
    }

    public ApiException(int status, @Nullable String message, @Nullable String param, @Nullable String code) {
        this(status, message, param, code, List.of(), null);
    }

    private ApiException(
            int status,
            @Nullable String message,
            @Nullable String param,
            @Nullable String code,
            List<FieldProblem> problems,
            @Nullable Duration retryAfter) {
        super(
                message != null
                        ? message
                        : status == 404 ? "Not found" : status < 500 ? "Bad request" : "Internal error");
        this.status = status;
        this.param = param;
        this.code = code;
        this.problems = List.copyOf(problems);
        this.retryAfter = retryAfter;
    }

    /** Never null: every constructor takes a message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }

    /** A 422 listing field problems, as FastAPI's validation does. */
    public static ApiException invalid(List<FieldProblem> problems) {
        FieldProblem first = problems.get(0);
        return new ApiException(
                422, first.field() + ": " + first.message(), first.field(), first.type(), problems, null);
    }

    public static ApiException badRequest(@Nullable String message) {
        return new ApiException(400, message);
    }

    public static ApiException badRequest(@Nullable String message, String param) {
        return new ApiException(400, message, param, null);
    }

    /**
     * A refusal the client should retry ({@code 429} too many requests, {@code 503} unavailable); the answer carries
     * {@code Retry-After} in whole seconds, at least one.
     */
    public static ApiException retryLater(int status, String message, Duration after) {
        return new ApiException(status, message, null, null, List.of(), after);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public int status() {
        return status;
    }

    public @Nullable String param() {
        return param;
    }

    public @Nullable String code() {
        return code;
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** When to try again, for a refusal made by {@link #retryLater}; otherwise null. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
