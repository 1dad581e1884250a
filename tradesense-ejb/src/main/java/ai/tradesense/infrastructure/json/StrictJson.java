package ai.tradesense.infrastructure.json;

import ai.tradesense.domain.model.InvalidInputException;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.InvalidInputException.Violation;

/**
 * Reads JSON documents strictly: unknown fields, wrong types, duplicate keys and absurd numbers are
 * collected as violations with their JSON path, so a client learns every mistake in one answer.
 */
public final class StrictJson {

    /** Money and counts beyond this are absurd for any account. */
    public static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1000000000000");

    private static final JsonReaderFactory READERS = Json.createReaderFactory(
            Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    /** Nesting the JSON-P provider refuses; no TradeSense document comes near it. */
    public static final int MAX_DEPTH = 1_000;

    private final List<Violation> violations = new ArrayList<>();

    /** Parses a JSON text, or throws a syntax violation naming the line and column. */
    public static JsonValue parse(String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of("", Kind.SYNTAX, "the request body is empty; a JSON document is required");
        }
        try {
            JsonValue value;
            try (JsonReader reader = READERS.createReader(new StringReader(text))) {
                value = reader.readValue();
            }
            rejectTrailingContent(text);
            return value;
        } catch (JsonParsingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNumber()
                    + ", column " + location.getColumnNumber();
            throw InvalidInputException.of("", Kind.SYNTAX, "malformed JSON" + where + ": " + e.getMessage());
        } catch (JsonException e) {
            throw InvalidInputException.of("", Kind.SYNTAX, "malformed JSON: " + e.getMessage());
        } catch (NumberFormatException | ArithmeticException e) {
            // Valid JSON such as 1E+9999999999 that no decimal can hold.
            throw InvalidInputException.of("", Kind.SYNTAX, "a number in the document is out of any usable range");
        } catch (RuntimeException e) {
            if (isTooDeep(e)) {
                throw InvalidInputException.of("", Kind.SYNTAX, "the document is nested more than "
                        + MAX_DEPTH + " levels deep");
            }
            throw e;
        }
    }

    /**
     * Parsson refuses input nested deeper than {@link #MAX_DEPTH} with a bare RuntimeException rather
     * than a JsonException, so it is recognised by its message.
     */
    public static boolean isTooDeep(Throwable failure) {
        return failure.getClass() == RuntimeException.class && failure.getMessage() != null
                && failure.getMessage().startsWith("Input is too deeply nested");
    }

    /** A JSON text is exactly one value; a second one means a spliced or doubled body. */
    private static void rejectTrailingContent(String text) {
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            JsonParser.Event first = parser.next();
            if (first == JsonParser.Event.START_OBJECT) {
                parser.skipObject();
            } else if (first == JsonParser.Event.START_ARRAY) {
                parser.skipArray();
            }
            if (parser.hasNext()) {
                throw InvalidInputException.of("", Kind.SYNTAX, "malformed JSON: unexpected content after the"
                        + " document at line " + parser.getLocation().getLineNumber()
                        + ", column " + parser.getLocation().getColumnNumber());
            }
        }
    }

    public void violation(String path, Kind kind, String message) {
        violations.add(new Violation(path, kind, message));
    }

    /** How many problems are collected so far: a part of a document compares it before and after. */
    public int violationCount() {
        return violations.size();
    }

    public boolean hasViolations() {
        return !violations.isEmpty();
    }

    /** Throws everything collected so far, if anything. */
    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    /** A reader over an object value at {@code path}, or null (with a violation) when it is not an object. */
    public Obj object(JsonValue value, String path, Set<String> fields) {
        if (!(value instanceof JsonObject object)) {
            violation(path, Kind.TYPE, "must be a JSON object");
            return null;
        }
        Set<String> unknown = new TreeSet<>(object.keySet());
        unknown.removeAll(fields);
        for (String name : unknown) {
            violation(join(path, name), Kind.VALUE, "unknown field; allowed: " + new TreeSet<>(fields));
        }
        return new Obj(object, path);
    }

    public static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Field access on one object, recording violations against the shared reader. */
    public final class Obj {
        private final JsonObject object;
        private final String path;

        private Obj(JsonObject object, String path) {
            this.object = object;
            this.path = path;
        }

        public String path(String name) {
            return join(path, name);
        }

        /** True when the field is present and not null. */
        public boolean has(String name) {
            JsonValue value = object.get(name);
            return value != null && value.getValueType() != JsonValue.ValueType.NULL;
        }

        public JsonValue raw(String name) {
            return object.get(name);
        }

        private JsonValue required(String name) {
            if (!has(name)) {
                violation(path(name), Kind.VALUE, "is required");
                return null;
            }
            return object.get(name);
        }

        public String string(String name, boolean required, String fallback) {
            JsonValue value = required ? required(name) : object.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return fallback;
            }
            if (!(value instanceof JsonString text)) {
                violation(path(name), Kind.TYPE, "must be a string");
                return fallback;
            }
            return text.getString();
        }

        /** A finite decimal within ±10^12; null when absent or invalid. */
        public BigDecimal decimal(String name, boolean required) {
            JsonValue value = required ? required(name) : object.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            if (!(value instanceof JsonNumber number)) {
                violation(path(name), Kind.TYPE, "must be a number");
                return null;
            }
            BigDecimal decimal = number.bigDecimalValue();
            if (decimal.abs().compareTo(MAX_MAGNITUDE) > 0) {
                violation(path(name), Kind.VALUE, "is absurdly large (limit 10^12)");
                return null;
            }
            if (decimal.stripTrailingZeros().scale() > 8) {
                violation(path(name), Kind.VALUE, "has more than 8 decimal places");
                return null;
            }
            return decimal;
        }

        /** An integer in [min, max]; {@code fallback} when absent or null. */
        public Integer integer(String name, Integer fallback, int min, int max) {
            JsonValue value = object.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return fallback;
            }
            if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
                violation(path(name), Kind.TYPE, "must be a whole number");
                return fallback;
            }
            BigDecimal decimal = number.bigDecimalValue();
            if (decimal.compareTo(BigDecimal.valueOf(min)) < 0 || decimal.compareTo(BigDecimal.valueOf(max)) > 0) {
                violation(path(name), Kind.VALUE, "must be between " + min + " and " + max);
                return fallback;
            }
            return decimal.intValueExact();
        }

        public boolean bool(String name, boolean fallback) {
            JsonValue value = object.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return fallback;
            }
            if (value == JsonValue.TRUE) {
                return true;
            }
            if (value == JsonValue.FALSE) {
                return false;
            }
            violation(path(name), Kind.TYPE, "must be true or false");
            return fallback;
        }

        public <E extends Enum<E>> E enumValue(String name, Class<E> type, E fallback) {
            String text = string(name, false, null);
            if (text == null) {
                return fallback;
            }
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text)) {
                    return constant;
                }
            }
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name());
            }
            violation(path(name), Kind.VALUE, "must be one of " + allowed);
            return fallback;
        }

        public JsonArray array(String name, boolean required) {
            JsonValue value = required ? required(name) : object.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            if (!(value instanceof JsonArray array)) {
                violation(path(name), Kind.TYPE, "must be an array");
                return null;
            }
            return array;
        }
    }
}
