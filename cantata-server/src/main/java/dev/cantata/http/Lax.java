package dev.cantata.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * pydantic v2's lax mode, which FastAPI applies to every field of the upstream servers' requests: what counts as a
 * bool, an int and a float, decided in this one place. FastAPI validates the parsed body (Python values: JSON numbers,
 * strings, booleans) or the form's strings, so the rules are pydantic-core's for Python input:
 *
 * <ul>
 *   <li>bool: {@code true}/{@code false}; the integers 0 and 1 (and floats equal to them); the strings {@code 0 1 f t
 *       n y no on off yes true false}, any case, not trimmed. {@code 2} is {@code bool_parsing}, {@code 1.5} {@code
 *       bool_type}.
 *   <li>int: integers of any size; a bool; a float with no fractional part ({@code 50.0}; {@code 1.5} is {@code
 *       int_from_float}, {@code inf} {@code finite_number}); a string that is an integer once trimmed, with an optional
 *       sign, leading zeros, a fraction of zeros ({@code "50.00"}) and single underscores between digits.
 *   <li>float: any number (infinities and NaN included); a bool; a string Rust reads as an {@code f64} once trimmed
 *       ({@code "1.5"}, {@code ".5"}, {@code "5."}, {@code "1e3"}, {@code "inf"}, {@code "nan"}), or once its single
 *       underscores are taken out ({@code "1_0.5"}).
 * </ul>
 */
final class Lax {
    private Lax() {}

    /** A value pydantic refuses: its error type and message, as FastAPI's 422 lists them. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        private final String type;

        Refused(String type, String message) {
            super(message, null, false, false);
            this.type = type;
        }

        String type() {
            return type;
        }

        /** Never null: every refusal has pydantic's words. */
        @Override
        public String getMessage() {
            return java.util.Objects.requireNonNull(super.getMessage());
        }
    }

    static final String BOOL_TYPE = "Input should be a valid boolean";
    static final String BOOL_PARSING = "Input should be a valid boolean, unable to interpret input";
    static final String INT_TYPE = "Input should be a valid integer";
    static final String INT_PARSING = "Input should be a valid integer, unable to parse string as an integer";
    static final String INT_FROM_FLOAT = "Input should be a valid integer, got a number with a fractional part";
    static final String INT_PARSING_SIZE = "Unable to parse input string as an integer, exceeded maximum size";
    static final String FINITE_NUMBER = "Input should be a finite number";
    static final String FLOAT_TYPE = "Input should be a valid number";
    static final String FLOAT_PARSING = "Input should be a valid number, unable to parse string as a number";

    /** Python's {@code int(str)} limit on digits, which pydantic keeps: a longer string is {@code int_parsing_size}. */
    private static final int MAX_INT_DIGITS = 4300;

    /** What JSON (and jiter, pydantic's first try) reads as an integer. */
    private static final Pattern JSON_INT = Pattern.compile("-?(?:0|[1-9][0-9]*)");

    /** Rust's {@code f64} grammar: a sign, then inf, infinity, nan (any case) or a decimal with an optional exponent. */
    private static final Pattern RUST_FLOAT =
            Pattern.compile("[+-]?(?:(?i:inf|infinity|nan)|(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)");

    static boolean bool(JsonNode value) throws Refused {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            return strAsBool(value.textValue());
        }
        if (value.isIntegralNumber()) {
            return intAsBool(value.bigIntegerValue());
        }
        if (value.isFloatingPointNumber()) {
            BigInteger whole;
            try {
                whole = floatAsInt(value);
            } catch (Refused e) {
                throw new Refused("bool_type", BOOL_TYPE); // pydantic's bool answers a fraction by the type
            }
            return intAsBool(whole);
        }
        throw new Refused("bool_type", BOOL_TYPE);
    }

    static BigInteger integer(JsonNode value) throws Refused {
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (value.isFloatingPointNumber()) {
            return floatAsInt(value);
        }
        if (value.isTextual()) {
            return strAsInt(value.textValue());
        }
        throw new Refused("int_type", INT_TYPE);
    }

    static double number(JsonNode value) throws Refused {
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? 1 : 0;
        }
        if (value.isTextual()) {
            return strAsFloat(value.textValue());
        }
        throw new Refused("float_type", FLOAT_TYPE);
    }

    private static boolean strAsBool(String s) throws Refused {
        if (s.equals("0")
                || s.equalsIgnoreCase("f")
                || s.equalsIgnoreCase("n")
                || s.equalsIgnoreCase("no")
                || s.equalsIgnoreCase("off")
                || s.equalsIgnoreCase("false")) {
            return false;
        }
        if (s.equals("1")
                || s.equalsIgnoreCase("t")
                || s.equalsIgnoreCase("y")
                || s.equalsIgnoreCase("on")
                || s.equalsIgnoreCase("yes")
                || s.equalsIgnoreCase("true")) {
            return true;
        }
        throw new Refused("bool_parsing", BOOL_PARSING);
    }

    private static boolean intAsBool(BigInteger value) throws Refused {
        if (value.bitLength() > 63) {
            throw new Refused(
                    "bool_type", BOOL_TYPE); // beyond a 64-bit integer pydantic tries it as a float, and fails
        }
        if (value.equals(BigInteger.ZERO)) {
            return false;
        }
        if (value.equals(BigInteger.ONE)) {
            return true;
        }
        throw new Refused("bool_parsing", BOOL_PARSING);
    }

    /** A float that is a whole number within a 64-bit integer, as pydantic's {@code float_as_int}. */
    private static BigInteger floatAsInt(JsonNode value) throws Refused {
        double d = value.doubleValue(); // a Python float is a double, as Jackson reads one
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new Refused("finite_number", FINITE_NUMBER);
        }
        if (d % 1.0 != 0) {
            throw new Refused("int_from_float", INT_FROM_FLOAT);
        }
        if (!(d > Long.MIN_VALUE && d < Long.MAX_VALUE)) {
            throw new Refused("int_parsing_size", INT_PARSING_SIZE);
        }
        return BigInteger.valueOf((long) d);
    }

    private static BigInteger strAsInt(String s) throws Refused {
        if (s.length() > MAX_INT_DIGITS + 2) {
            throw new Refused("int_parsing_size", INT_PARSING_SIZE);
        }
        if (JSON_INT.matcher(s).matches()) {
            return new BigInteger(s);
        }
        String cleaned = cleanIntStr(s);
        if (cleaned == null || !JSON_INT.matcher(cleaned).matches()) {
            throw new Refused("int_parsing", INT_PARSING);
        }
        return new BigInteger(cleaned);
    }

    /**
     * pydantic's second try at an integer string: trimmed, a leading {@code +} or {@code -} (not doubled), leading
     * zeros and a {@code .000} fraction removed, then single underscores between digits; null when that is not a
     * number or nothing changed (the string was already refused as it was).
     */
    private static @Nullable String cleanIntStr(String original) {
        String s = trim(original);
        if (s.startsWith("+")) {
            if (s.startsWith("+-")) {
                return null;
            }
            s = s.substring(1);
        }
        boolean negative = false;
        if (s.startsWith("-")) {
            if (s.startsWith("--") || s.startsWith("-+")) {
                return null;
            }
            negative = true;
            s = s.substring(1);
        }
        s = stripLeadingZeros(s);
        if (s == null) {
            return null;
        }
        int dot = s.indexOf('.');
        if (dot >= 0) {
            String fraction = s.substring(dot + 1);
            if (!fraction.isEmpty() && fraction.chars().allMatch(c -> c == '0')) {
                s = s.substring(0, dot);
            }
        }
        String sign = negative ? "-" : "";
        String withoutUnderscores = stripUnderscores(s);
        if (withoutUnderscores != null) {
            return sign + withoutUnderscores;
        }
        if (original.length() == s.length()) {
            return null;
        }
        return sign + s;
    }

    /** Leading zeros off, keeping one before a dot or of an all-zero number; null when it does not start a number. */
    private static @Nullable String stripLeadingZeros(String s) {
        if (s.isEmpty()) {
            return null;
        }
        char first = s.charAt(0);
        if (first != '0') {
            return (first >= '1' && first <= '9') || first == '-' ? s : null;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '0' || c == '_') {
                continue;
            }
            if ((c >= '1' && c <= '9') || c == '-') {
                return s.substring(i);
            }
            if (c == '.') {
                return s.substring(i - 1);
            }
            return null;
        }
        return s.substring(s.length() - 1);
    }

    /** {@code 1_000} as {@code 1000}; null when there are none, or they lead, trail or come in pairs. */
    private static @Nullable String stripUnderscores(String s) {
        if (s.startsWith("_") || s.endsWith("_") || !s.contains("_") || s.contains("__")) {
            return null;
        }
        return s.replace("_", "");
    }

    private static double strAsFloat(String s) throws Refused {
        Double value = rustFloat(trim(s));
        if (value == null) {
            String withoutUnderscores = stripUnderscores(s);
            value = withoutUnderscores == null ? null : rustFloat(withoutUnderscores);
        }
        if (value == null) {
            throw new Refused("float_parsing", FLOAT_PARSING);
        }
        return value;
    }

    private static @Nullable Double rustFloat(String s) {
        if (!RUST_FLOAT.matcher(s).matches()) {
            return null;
        }
        String word = s.replaceFirst("^[+-]", "").toLowerCase(Locale.ROOT);
        boolean negative = s.startsWith("-");
        if (word.equals("nan")) {
            return Double.NaN;
        }
        if (word.equals("inf") || word.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(s); // the grammar above is a subset of Java's
    }

    /** Rust's {@code trim}: Unicode White_Space at both ends (Java's {@code strip} differs on a few). */
    private static String trim(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isWhiteSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isWhiteSpace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean isWhiteSpace(char c) {
        return (c >= '\t' && c <= '\r')
                || c == ' '
                || c == '\u0085'
                || c == '\u00A0'
                || c == '\u1680'
                || (c >= '\u2000' && c <= '\u200A')
                || c == '\u2028'
                || c == '\u2029'
                || c == '\u202F'
                || c == '\u205F'
                || c == '\u3000';
    }
}
