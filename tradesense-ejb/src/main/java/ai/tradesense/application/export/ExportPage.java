package ai.tradesense.application.export;

import java.util.List;
import java.util.Optional;

/**
 * Rows of an export in order, each value in its column's order: a String, Long, Integer, exact BigDecimal,
 * Instant or null. {@code next} is where the following page starts, empty after the last.
 */
public record ExportPage(List<List<Object>> rows, Optional<ExportCursor> next) {

    public ExportPage {
        rows = List.copyOf(rows);
    }
}
