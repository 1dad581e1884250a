package ai.tradesense.infrastructure.json;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Writes records as JSON objects and reads them back, component by component: strings, decimals,
 * instants (UTC ISO-8601), dates, whole numbers, booleans, enums, sets and lists of strings, lists of
 * records and nested records. Used for the engine's state at rest and for outcomes in answers and the audit trail, so a
 * new component needs no hand-written mapping.
 */
public final class RecordJson {

    private RecordJson() {
    }

    public static JsonObject write(Record record) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            object.add(component.getName(), value(read(component, record)));
        }
        return object.build();
    }

    /** The JSON form of one component value. */
    public static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof BigDecimal decimal) {
            return Json.createValue(decimal);
        }
        if (value instanceof Integer i) {
            return Json.createValue(i);
        }
        if (value instanceof Long l) {
            return Json.createValue(l);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Enum<?> e) {
            return Json.createValue(e.name());
        }
        if (value instanceof Record nested) {
            return write(nested);
        }
        if (value instanceof List<?> items && !items.isEmpty() && items.get(0) instanceof Record) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            items.forEach(item -> array.add(write((Record) item)));
            return array.build();
        }
        if (value instanceof Collection<?> items) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            // A set has no order of its own: sorted, its JSON is the same for the same content.
            var strings = items.stream().map(Object::toString);
            (value instanceof Set<?> ? strings.sorted() : strings).forEach(array::add);
            return array.build();
        }
        return Json.createValue(value.toString());
    }

    public static <R extends Record> R read(JsonObject json, Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = convert(json.get(components[i].getName()), components[i].getType(),
                    components[i].getGenericType());
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + type.getSimpleName() + " from " + json, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(JsonValue value, Class<?> type, Type generic) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (type == int.class) {
                return 0;
            }
            if (type == long.class) {
                return 0L;
            }
            if (type == boolean.class) {
                return false;
            }
            return null;
        }
        if (type == String.class) {
            return ((JsonString) value).getString();
        }
        if (type == BigDecimal.class) {
            return ((JsonNumber) value).bigDecimalValue();
        }
        if (type == int.class || type == Integer.class) {
            return ((JsonNumber) value).intValueExact();
        }
        if (type == long.class || type == Long.class) {
            return ((JsonNumber) value).longValueExact();
        }
        if (type == boolean.class || type == Boolean.class) {
            return value == JsonValue.TRUE;
        }
        if (type == Instant.class) {
            return Instant.parse(((JsonString) value).getString());
        }
        if (type == LocalDate.class) {
            return LocalDate.parse(((JsonString) value).getString());
        }
        if (type.isEnum()) {
            return Enum.valueOf((Class<Enum>) type, ((JsonString) value).getString());
        }
        if (type.isRecord()) {
            return read(value.asJsonObject(), (Class<Record>) type);
        }
        if (List.class.isAssignableFrom(type) && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> item && item.isRecord()) {
            return ((JsonArray) value).getValuesAs(JsonObject.class).stream()
                    .map(o -> read(o, (Class<Record>) item)).toList();
        }
        if (Set.class.isAssignableFrom(type) || List.class.isAssignableFrom(type)) {
            requireStrings(generic);
            var strings = ((JsonArray) value).getValuesAs(JsonString.class).stream().map(JsonString::getString);
            return Set.class.isAssignableFrom(type)
                    ? Set.copyOf(strings.collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)))
                    : strings.toList();
        }
        throw new IllegalArgumentException("no JSON mapping for " + type.getName());
    }

    private static void requireStrings(Type generic) {
        if (!(generic instanceof ParameterizedType p) || p.getActualTypeArguments()[0] != String.class) {
            throw new IllegalArgumentException("only collections of strings are mapped, not " + generic);
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
