package ai.tradesense.application.export;

import java.util.Optional;

import ai.tradesense.application.security.Caller;

/** Exports for the warehouse, for RISK and ADMIN, read in pages so a stream never holds a whole export. */
public interface ExportService {

    int PAGE_SIZE = 500;

    /**
     * One page of an export.
     *
     * @throws ai.tradesense.application.security.AccessDeniedException for a caller who is not staff
     * @throws ai.tradesense.domain.model.InvalidInputException when from is not before to
     */
    ExportPage page(Caller caller, ExportQuery query, Optional<ExportCursor> after);
}
