package ai.tradesense.application.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import ai.tradesense.application.risk.AlertView;
import ai.tradesense.application.risk.SurveillanceService;
import ai.tradesense.application.risk.TraderLinkView;
import ai.tradesense.application.security.AccessDeniedException;
import ai.tradesense.application.security.Caller;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.Page;
import ai.tradesense.domain.model.alert.AlertRepository;
import ai.tradesense.domain.model.surveillance.SurveillanceRepository;
import ai.tradesense.domain.model.surveillance.TraderLink;
import ai.tradesense.domain.model.surveillance.TraderLinkNotFoundException;

@Stateless
public class DefaultSurveillanceService implements SurveillanceService {

    private static final Logger LOG = Logger.getLogger(DefaultSurveillanceService.class.getName());
    private static final int MAX_TRADER_ID = 128;
    private static final int MAX_NOTE = 1_000;

    @Inject
    AlertRepository alerts;

    @Inject
    SurveillanceRepository surveillance;

    @Inject
    Clock clock;

    @Override
    public Page<AlertView> findings(Caller caller, String status, String kind, int page, int size) {
        requireStaff(caller);
        Boolean acknowledged = DefaultAlertService.acknowledged(status);
        if (kind != null && !KINDS.contains(kind)) {
            throw InvalidInputException.of("kind", Kind.VALUE, "must be one of " + String.join(", ", KINDS));
        }
        return alerts.search(acknowledged, kind == null ? KINDS : List.of(kind), page, size).map(AlertView::of);
    }

    @Override
    public List<TraderLinkView> links(Caller caller) {
        requireStaff(caller);
        return surveillance.links().stream().map(TraderLinkView::of).toList();
    }

    @Override
    public TraderLinkView link(Caller caller, String traderA, String traderB, String kind, String note) {
        requireStaff(caller);
        String a = traderId("traderA", traderA);
        String b = traderId("traderB", traderB);
        if (a.equals(b)) {
            throw InvalidInputException.of("traderB", Kind.VALUE, "must be another trader than traderA");
        }
        TraderLink.Kind linkKind = kind(kind);
        if (note != null && note.length() > MAX_NOTE) {
            throw InvalidInputException.of("note", Kind.VALUE, "must be at most " + MAX_NOTE + " characters");
        }
        TraderLink existing = surveillance.link(a, b).orElse(null);
        if (existing != null) {
            return TraderLinkView.of(existing);
        }
        TraderLink link = new TraderLink(UUID.randomUUID().toString(), a, b, linkKind,
                note == null || note.isBlank() ? null : note.strip(), caller.auditName(), clock.instant());
        surveillance.add(link);
        LOG.log(Level.INFO, "{0} linked traders {1} and {2} ({3})",
                new Object[] {caller.auditName(), link.traderA(), link.traderB(), linkKind});
        return TraderLinkView.of(link);
    }

    @Override
    public void unlink(Caller caller, String id) {
        requireStaff(caller);
        TraderLink link = surveillance.link(id).orElseThrow(() -> new TraderLinkNotFoundException(id));
        surveillance.remove(link);
        LOG.log(Level.INFO, "{0} unlinked traders {1} and {2}",
                new Object[] {caller.auditName(), link.traderA(), link.traderB()});
    }

    private static String traderId(String field, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_TRADER_ID) {
            throw InvalidInputException.of(field, Kind.VALUE, "must be 1 to " + MAX_TRADER_ID + " characters");
        }
        return value.strip();
    }

    private static TraderLink.Kind kind(String kind) {
        if (kind == null) {
            return TraderLink.Kind.OTHER;
        }
        try {
            return TraderLink.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("kind", Kind.VALUE, "must be HOUSEHOLD, COMPANY or OTHER");
        }
    }

    private static void requireStaff(Caller caller) {
        if (!caller.isStaff()) {
            throw new AccessDeniedException("surveillance needs the RISK or ADMIN role");
        }
    }
}
