package dev.cantata.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * pydantic's lax coercions, case by case. The expectations are pydantic 2.13's own answers for a {@code bool}, an
 * {@code int} and a {@code float} field given each JSON value (Python's {@code json.loads} of it, as FastAPI
 * validates), {@code !type} where it refuses.
 */
final class LaxTest {
    static JsonNode value(String json) throws Exception {
        return PythonJson.read("{\"v\":" + json + "}").get("v");
    }

    static String outcome(Coercion coercion, JsonNode value) {
        try {
            return coercion.apply(value);
        } catch (Lax.Refused e) {
            return "!" + e.type();
        }
    }

    @FunctionalInterface
    interface Coercion {
        String apply(JsonNode value) throws Lax.Refused;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "true | True | 1 | 1.0",
                "false | False | 0 | 0.0",
                "0 | False | 0 | 0.0",
                "1 | True | 1 | 1.0",
                "2 | !bool_parsing | 2 | 2.0",
                "1.0 | True | 1 | 1.0",
                "0.0 | False | 0 | 0.0",
                "1.5 | !bool_type | !int_from_float | 1.5",
                "2.0 | !bool_parsing | 2 | 2.0",
                "\"yes\" | True | !int_parsing | !float_parsing",
                "\"on\" | True | !int_parsing | !float_parsing",
                "\"Off\" | False | !int_parsing | !float_parsing",
                "\"T\" | True | !int_parsing | !float_parsing",
                "\" true\" | !bool_parsing | !int_parsing | !float_parsing",
                "\"true \" | !bool_parsing | !int_parsing | !float_parsing",
                "\"2\" | !bool_parsing | 2 | 2.0",
                "\"1.0\" | !bool_parsing | 1 | 1.0",
                "\"50\" | !bool_parsing | 50 | 50.0",
                "\"50.0\" | !bool_parsing | 50 | 50.0",
                "\"50.00\" | !bool_parsing | 50 | 50.0",
                "\"50.\" | !bool_parsing | !int_parsing | 50.0",
                "\" 50 \" | !bool_parsing | 50 | 50.0",
                "\"+5\" | !bool_parsing | 5 | 5.0",
                "\"-5\" | !bool_parsing | -5 | -5.0",
                "\"--5\" | !bool_parsing | !int_parsing | !float_parsing",
                "\"+-5\" | !bool_parsing | !int_parsing | !float_parsing",
                "\"007\" | !bool_parsing | 7 | 7.0",
                "\"-007\" | !bool_parsing | -7 | -7.0",
                "\"0-5\" | !bool_parsing | -5 | !float_parsing",
                "\"1_000\" | !bool_parsing | 1000 | 1000.0",
                "\"1__0\" | !bool_parsing | !int_parsing | !float_parsing",
                "\"_1\" | !bool_parsing | !int_parsing | !float_parsing",
                "\"1e3\" | !bool_parsing | !int_parsing | 1000.0",
                "\"1.5\" | !bool_parsing | !int_parsing | 1.5",
                "\"inf\" | !bool_parsing | !int_parsing | inf",
                "\"nan\" | !bool_parsing | !int_parsing | nan",
                "\"-Infinity\" | !bool_parsing | !int_parsing | -inf",
                "\".5\" | !bool_parsing | !int_parsing | 0.5",
                "\"5.\" | !bool_parsing | !int_parsing | 5.0",
                "\"1e\" | !bool_parsing | !int_parsing | !float_parsing",
                "\"0x10\" | !bool_parsing | !int_parsing | !float_parsing",
                "\"1_0.5\" | !bool_parsing | !int_parsing | 10.5",
                "\" 1_0\" | !bool_parsing | 10 | !float_parsing",
                "NaN | !bool_type | !finite_number | nan",
                "Infinity | !bool_type | !finite_number | inf",
                "1e20 | !bool_type | !int_parsing_size | 1e+20",
                "1e400 | !bool_type | !finite_number | inf",
                "50.0 | !bool_parsing | 50 | 50.0",
                "12345678901234567890123 | !bool_type | 12345678901234567890123 | 1.2345678901234568e+22",
                "null | !bool_type | !int_type | !float_type",
                "[] | !bool_type | !int_type | !float_type",
                "{} | !bool_type | !int_type | !float_type",
                "\"\" | !bool_parsing | !int_parsing | !float_parsing",
                "\"abc\" | !bool_parsing | !int_parsing | !float_parsing",
                "\"\u00a050\" | !bool_parsing | 50 | 50.0",
                "\"1d\" | !bool_parsing | !int_parsing | !float_parsing",
            })
    void eachValueIsReadAsPydanticReadsIt(String json, String asBool, String asInt, String asFloat) throws Exception {
        JsonNode value = value(json);

        assertThat(outcome(v -> Lax.bool(v) ? "True" : "False", value))
                .as("bool")
                .isEqualTo(asBool);
        assertThat(outcome(v -> Lax.integer(v).toString(), value)).as("int").isEqualTo(asInt);
        String number = outcome(v -> String.valueOf(Lax.number(v)), value);
        if (asFloat.startsWith("!")) {
            assertThat(number).as("float").isEqualTo(asFloat);
        } else {
            assertThat(Double.valueOf(number)).as("float").isEqualTo(Double.valueOf(python(asFloat)));
        }
    }

    /** Python's repr of a float, read back. */
    static double python(String repr) {
        return switch (repr) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(repr);
        };
    }

    @Test
    void refusalsCarryPydanticsMessages() throws Exception {
        assertThatThrownBy(() -> Lax.integer(value("1.5")))
                .hasMessage("Input should be a valid integer, got a number with a fractional part");
        assertThatThrownBy(() -> Lax.bool(value("2")))
                .hasMessage("Input should be a valid boolean, unable to interpret input");
        assertThatThrownBy(() -> Lax.number(value("\"x\"")))
                .hasMessage("Input should be a valid number, unable to parse string as a number");
    }

    @Test
    void aStringOfAThousandDigitsIsAnInteger() throws Exception {
        String digits = "9".repeat(1000);

        assertThat(Lax.integer(value("\"" + digits + "\""))).isEqualTo(new BigInteger(digits));
    }
}
