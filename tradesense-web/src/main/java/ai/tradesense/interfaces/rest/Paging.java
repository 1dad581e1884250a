package ai.tradesense.interfaces.rest;

import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.InvalidInputException;

/** Reads {@code page} and {@code size} query parameters strictly. */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 100;

    public static Paging of(String page, String size) {
        return new Paging(integer("page", page, 0, 0, 1_000_000), integer("size", size, 20, 1, MAX_SIZE));
    }

    /** An integer query parameter in [min, max], or {@code fallback} when it is absent. */
    public static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, Kind.TYPE, "must be a whole number");
        }
        if (parsed < min || parsed > max) {
            throw InvalidInputException.of(name, Kind.TYPE, "must be between " + min + " and " + max);
        }
        return parsed;
    }
}
