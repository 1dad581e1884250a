package ai.tradesense.application.export;

import java.util.Optional;

/** Reads an export one keyset page at a time, oldest first. */
public interface ExportRepository {

    /**
     * @param after where the page starts (exclusive), or empty for the first
     * @param limit at most this many rows
     */
    ExportPage page(ExportQuery query, Optional<ExportCursor> after, int limit);
}
