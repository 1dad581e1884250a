package ai.tradesense.application.internal;

import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import ai.tradesense.application.export.ExportCursor;
import ai.tradesense.application.export.ExportPage;
import ai.tradesense.application.export.ExportQuery;
import ai.tradesense.application.export.ExportRepository;
import ai.tradesense.application.export.ExportService;
import ai.tradesense.application.security.AccessDeniedException;
import ai.tradesense.application.security.Caller;
import ai.tradesense.domain.model.TimeWindow;

/** Each page is its own short read transaction, so a long export holds no connection between pages. */
@Stateless
public class DefaultExportService implements ExportService {

    @Inject
    ExportRepository exports;

    @Override
    public ExportPage page(Caller caller, ExportQuery query, Optional<ExportCursor> after) {
        if (!caller.isStaff()) {
            throw new AccessDeniedException("exports need the RISK or ADMIN role");
        }
        new TimeWindow(query.from(), query.to());
        return exports.page(query, after, PAGE_SIZE);
    }
}
