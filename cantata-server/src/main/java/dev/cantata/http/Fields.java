package dev.cantata.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a request body, read the same way whether it came as JSON, a URL-encoded form or multipart, and checked
 * the way FastAPI checks them: every problem is collected, and {@link #check()} throws one 422 that lists them all.
 */
public final class Fields {
    /**
     * The longest text any field may hold unless its dialect says less: the longest speech text. Base64 audio in a
     * form field is bounded by the body's limit alone ({@link #inline}).
     */
    public static final int MAX_TEXT = 20_000;

    private final boolean isJson;
    private final Map<String, JsonNode> json;
    private final Map<String, String> form;
    private final Map<String, UploadedFile> files;
    private final List<ApiException.FieldProblem> problems = new ArrayList<>();

    private Fields(
            boolean isJson, Map<String, JsonNode> json, Map<String, String> form, Map<String, UploadedFile> files) {
        this.isJson = isJson;
        this.json = json;
        this.form = form;
        this.files = files;
    }

    /**
     * Reads the body: JSON when {@link BodyKind} finds it (by its type, or as an object sent without one; an object is
     * required), else form fields and files.
     */
    public static Fields of(Context ctx) {
        BodyKind kind = BodyKind.of(ctx);
        if (kind == BodyKind.JSON) {
            String body = ctx.body(); // outside the try: a body over the limit is a 413, not bad JSON
            JsonNode root;
            try {
                root = PythonJson.read(body);
            } catch (IOException e) {
                throw ApiException.invalid(List.of(new ApiException.FieldProblem(
                        "json_invalid",
                        "body",
                        "JSON decode error: "
                                + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                                        ? j.getOriginalMessage()
                                        : e.getMessage()),
                        null)));
            }
            if (root == null || !root.isObject()) {
                throw ApiException.invalid(List.of(new ApiException.FieldProblem(
                        "model_attributes_type", "body", "Input should be a valid dictionary or object", null)));
            }
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : root.properties()) {
                if (!field.getValue().isNull()) {
                    fields.put(field.getKey(), field.getValue());
                }
            }
            return new Fields(true, fields, Map.of(), Map.of());
        }
        Map<String, String> form = new LinkedHashMap<>();
        Map<String, UploadedFile> files = new LinkedHashMap<>();
        if (kind.isForm()) {
            ctx.formParamMap().forEach((k, v) -> {
                if (!v.isEmpty()) {
                    form.put(k, v.get(0));
                }
            });
            if (kind == BodyKind.MULTIPART) {
                ctx.uploadedFileMap().forEach((k, v) -> {
                    if (!v.isEmpty()) {
                        files.put(k, v.get(0));
                    }
                });
            }
        }
        return new Fields(false, Map.of(), form, files);
    }

    /** True when the body was JSON (an object, even an empty one). */
    public boolean isJson() {
        return isJson;
    }

    public boolean has(String name) {
        return json.containsKey(name) || form.containsKey(name) || files.containsKey(name);
    }

    /** The raw JSON value of a field, when the body was JSON. */
    public Optional<JsonNode> node(String name) {
        return Optional.ofNullable(json.get(name));
    }

    /**
     * A string field of at most {@code maxChars} characters; a JSON value of another type, a longer string, or one
     * holding characters that are not text ({@link Text#badCharacter}) is a 422, and null is returned meanwhile.
     */
    public @Nullable String text(String name, boolean required, int maxChars) {
        JsonNode node = json.get(name);
        String value;
        if (node != null) {
            if (!node.isTextual()) {
                problem("string_type", name, "Input should be a valid string", Text.echo(node.toString()));
                return null;
            }
            value = node.asText();
        } else {
            value = form.get(name);
        }
        if (value == null) {
            if (required) {
                problem("missing", name, "Field required", null);
            }
            return null;
        }
        if (value.length() > maxChars) {
            problem(
                    "string_too_long",
                    name,
                    "String should have at most " + maxChars + " characters",
                    Text.echo(value));
            return null;
        }
        String bad = Text.badCharacter(value);
        if (bad != null) {
            problem("string_unicode", name, "Input should be text; it holds " + bad, Text.echo(value));
            return null;
        }
        return value;
    }

    /** A string field of at most {@link #MAX_TEXT} characters (see {@link #text(String, boolean, int)}). */
    public @Nullable String text(String name, boolean required) {
        return text(name, required, MAX_TEXT);
    }

    /**
     * A string field that must be there: missing or of another type, it is a problem that {@link #check()} reports, and
     * the empty string is returned meanwhile.
     */
    public String required(String name, int maxChars) {
        String value = text(name, true, maxChars);
        return value == null ? "" : value;
    }

    /** A field's value as pydantic sees it: the JSON value, or a form field's string; null when absent. */
    private @Nullable JsonNode value(String name) {
        JsonNode node = json.get(name);
        if (node != null) {
            return node;
        }
        String text = form.get(name);
        return text == null ? null : TextNode.valueOf(text);
    }

    /** What a problem echoes of the input: a string as it is (abbreviated when long), any other JSON value as JSON. */
    private static Object input(JsonNode value) {
        return value.isTextual() ? Text.echo(value.textValue()) : value;
    }

    /** A bool as pydantic's lax mode reads one ({@link Lax}), or {@code otherwise} when absent. */
    public boolean bool(String name, boolean otherwise) {
        JsonNode value = value(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Lax.bool(value);
        } catch (Lax.Refused e) {
            problem(e.type(), name, e.getMessage(), input(value));
            return otherwise;
        }
    }

    /**
     * A number as pydantic's lax mode reads a {@code float} ({@link Lax}): any number, infinities and NaN included, as
     * upstream leaves its sampling fields unbounded; {@code otherwise} when absent.
     */
    public double number(String name, double otherwise) {
        JsonNode value = value(name);
        Double number = value == null ? null : number(name, value);
        return number == null ? otherwise : number;
    }

    /** A number within [min, max] (NaN is outside), or {@code otherwise} when absent. */
    public double number(String name, double otherwise, double min, double max) {
        JsonNode value = value(name);
        Double number = value == null ? null : number(name, value);
        if (value == null || number == null || !bounded(name, number >= min, number <= max, min, max, value)) {
            return otherwise;
        }
        return number;
    }

    /**
     * A number moved into [min, max] rather than refused, as FlashTTS clamps pitch and speed, or {@code otherwise} when
     * absent; NaN, which has no place in a range, is a {@code finite_number} problem.
     */
    public double clamped(String name, double otherwise, double min, double max) {
        JsonNode value = value(name);
        Double number = value == null ? null : number(name, value);
        if (value == null || number == null) {
            return otherwise;
        }
        if (Double.isNaN(number)) {
            problem("finite_number", name, Lax.FINITE_NUMBER, input(value));
            return otherwise;
        }
        return Math.clamp(number, min, max);
    }

    private @Nullable Double number(String name, JsonNode value) {
        try {
            return Lax.number(value);
        } catch (Lax.Refused e) {
            problem(e.type(), name, e.getMessage(), input(value));
            return null;
        }
    }

    /**
     * A whole number as pydantic's lax mode reads an {@code int} ({@link Lax}: {@code 50.0} and {@code "50"} are 50,
     * {@code 1.5} is not), of any size; null when absent or refused.
     */
    public @Nullable BigInteger integer(String name) {
        JsonNode value = value(name);
        return value == null ? null : integer(name, value);
    }

    /** A whole number within [min, max] (see {@link #integer(String)}), or {@code otherwise} when absent. */
    public int integer(String name, int otherwise, int min, int max) {
        JsonNode value = value(name);
        BigInteger number = value == null ? null : integer(name, value);
        if (value == null
                || number == null
                || !bounded(
                        name,
                        number.compareTo(BigInteger.valueOf(min)) >= 0,
                        number.compareTo(BigInteger.valueOf(max)) <= 0,
                        min,
                        max,
                        value)) {
            return otherwise;
        }
        return number.intValueExact();
    }

    private @Nullable BigInteger integer(String name, JsonNode value) {
        try {
            return Lax.integer(value);
        } catch (Lax.Refused e) {
            problem(e.type(), name, e.getMessage(), input(value));
            return null;
        }
    }

    private boolean bounded(String name, boolean atLeast, boolean atMost, double min, double max, JsonNode value) {
        if (!atLeast) {
            problem("greater_than_equal", name, "Input should be greater than or equal to " + plain(min), input(value));
            return false;
        }
        if (!atMost) {
            problem("less_than_equal", name, "Input should be less than or equal to " + plain(max), input(value));
            return false;
        }
        return true;
    }

    /**
     * The constant of {@code otherwise}'s enum whose {@code wireName} is the field's text (exactly), or {@code otherwise}
     * when absent; any other text is an {@code enum} problem listing every wire name in declaration order.
     */
    public <E extends Enum<E>> E choice(String name, E otherwise, Function<E, String> wireName) {
        String value = text(name, false, 100);
        if (value == null) {
            return otherwise;
        }
        List<E> allowed = List.of(otherwise.getDeclaringClass().getEnumConstants());
        for (E constant : allowed) {
            if (wireName.apply(constant).equals(value)) {
                return constant;
            }
        }
        problem(
                "enum",
                name,
                "Input should be " + orList(allowed.stream().map(wireName).toList()),
                value);
        return otherwise;
    }

    /**
     * An uploaded file's bytes, or a plain text field's UTF-8 bytes under the same name (a client that sends the file's
     * content as text means the same thing); a 422 when required and absent.
     */
    public byte @Nullable [] fileOrText(String name, long maxBytes, boolean required) {
        byte[] file = file(name, maxBytes);
        if (file != null) {
            return file;
        }
        String text = json.containsKey(name) || form.containsKey(name) ? text(name, false, Integer.MAX_VALUE) : null;
        if (text == null) {
            if (required) {
                problem("missing", name, "Field required", null);
            }
            return null;
        }
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            throw ApiException.badRequest(name + " is " + bytes.length + " bytes; the limit is " + maxBytes, name);
        }
        return bytes;
    }

    /** An uploaded file's bytes, at most {@code maxBytes}. */
    public byte @Nullable [] file(String name, long maxBytes) {
        UploadedFile file = files.get(name);
        if (file == null) {
            return null;
        }
        if (file.size() > maxBytes) {
            throw ApiException.badRequest(name + " is " + file.size() + " bytes; the limit is " + maxBytes, name);
        }
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw ApiException.badRequest("the upload " + name + " could not be read: " + e.getMessage(), name);
        }
    }

    /**
     * A field of base64 or a data URL (reference audio sent as text), which may be as long as the body; it is checked
     * by its decoder, not here.
     */
    public @Nullable String inline(String name) {
        return text(name, false, Integer.MAX_VALUE);
    }

    /** Records a problem found by the caller's own checks. */
    public void problem(String type, String field, String message, @Nullable Object input) {
        problems.add(new ApiException.FieldProblem(type, field, message, input));
    }

    /** Throws one 422 listing every problem found so far. */
    public void check() {
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }

    private static String orList(List<String> values) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                s.append(i == values.size() - 1 ? " or " : ", ");
            }
            s.append('\'').append(values.get(i)).append('\'');
        }
        return s.toString();
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
