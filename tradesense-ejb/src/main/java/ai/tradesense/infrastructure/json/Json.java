package ai.tradesense.infrastructure.json;

import java.io.OutputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.Map;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;

/**
 * The JSON-P factory methods, on one provider looked up once. {@code jakarta.json.Json} looks the
 * provider up with a ServiceLoader scan of the class path on every call, which cost more CPU than the
 * rest of an event's handling together.
 */
public final class Json {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Json() {
    }

    public static JsonObjectBuilder createObjectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonObjectBuilder createObjectBuilder(JsonObject object) {
        return PROVIDER.createObjectBuilder(object);
    }

    public static JsonArrayBuilder createArrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonString createValue(String value) {
        return PROVIDER.createValue(value);
    }

    public static JsonNumber createValue(BigDecimal value) {
        return PROVIDER.createValue(value);
    }

    public static JsonNumber createValue(int value) {
        return PROVIDER.createValue(value);
    }

    public static JsonNumber createValue(long value) {
        return PROVIDER.createValue(value);
    }

    public static JsonReader createReader(Reader reader) {
        return PROVIDER.createReader(reader);
    }

    public static JsonReaderFactory createReaderFactory(Map<String, ?> config) {
        return PROVIDER.createReaderFactory(config);
    }

    public static JsonParser createParser(Reader reader) {
        return PROVIDER.createParser(reader);
    }

    public static JsonGenerator createGenerator(OutputStream out) {
        return PROVIDER.createGenerator(out);
    }
}
