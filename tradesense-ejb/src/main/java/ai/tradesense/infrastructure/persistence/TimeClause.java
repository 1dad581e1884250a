package ai.tradesense.infrastructure.persistence;

import java.util.Map;

import ai.tradesense.domain.model.TimeWindow;
import ai.tradesense.domain.model.Timestamps;

/** The JPQL of a list's time filter: {@code from} inclusive, {@code to} exclusive, on one timestamp field. */
final class TimeClause {

    private TimeClause() {
    }

    /** Adds {@code AND field >= :from} and {@code AND field < :to} for the ends the window has. */
    static void append(StringBuilder where, Map<String, Object> parameters, String field, TimeWindow window) {
        if (window.from() != null) {
            where.append(" AND ").append(field).append(" >= :from");
            parameters.put("from", Timestamps.stored(window.from()));
        }
        if (window.to() != null) {
            where.append(" AND ").append(field).append(" < :to");
            parameters.put("to", Timestamps.stored(window.to()));
        }
    }
}
