package ai.tradesense.interfaces.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.TimeWindow;

/**
 * Reads the {@code from} and {@code to} query parameters every time-filtered list and export takes:
 * ISO-8601 instants with an offset, {@code from} inclusive, {@code to} exclusive, either may be left out.
 */
public final class TimeFilter {

    private TimeFilter() {
    }

    public static TimeWindow of(String from, String to) {
        return new TimeWindow(instant("from", from), instant("to", to));
    }

    /** One ISO-8601 instant query parameter, or null when it is absent. */
    public static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, Kind.VALUE, "must be an ISO-8601 instant such as 2026-03-02T00:00:00Z");
        }
    }
}
