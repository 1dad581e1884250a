package ai.tradesense.application.export;

import java.time.Instant;
import java.util.Objects;

/**
 * One export's filters: rows whose time (a kind's own time column) is in [from, to), of challenges on
 * {@code planCode}; each filter may be null.
 */
public record ExportQuery(ExportKind kind, Instant from, Instant to, String planCode) {

    public ExportQuery {
        Objects.requireNonNull(kind, "kind");
    }
}
