package ai.tradesense.domain.model;

import java.time.Instant;

import ai.tradesense.domain.model.InvalidInputException.Kind;

/**
 * The time filter of a list or an export: from {@code from} (inclusive) to {@code to} (exclusive), either
 * end open when null. A window whose {@code to} is not after its {@code from} is refused (422 on {@code to}).
 */
public record TimeWindow(Instant from, Instant to) {

    /** No filter. */
    public static final TimeWindow ALWAYS = new TimeWindow(null, null);

    public TimeWindow {
        if (from != null && to != null && !from.isBefore(to)) {
            throw InvalidInputException.of("to", Kind.VALUE, "must be after from");
        }
    }

    /** Whether the instant is in the window. */
    public boolean contains(Instant at) {
        return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
    }
}
