package ai.tradesense.application.internal;

import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import ai.tradesense.application.challenge.ChallengeChanged;
import ai.tradesense.application.challenge.LiveMessage;
import ai.tradesense.application.risk.AlertService;
import ai.tradesense.application.risk.AlertView;
import ai.tradesense.application.security.AccessDeniedException;
import ai.tradesense.application.security.Caller;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.Page;
import ai.tradesense.domain.model.alert.Alert;
import ai.tradesense.domain.model.alert.AlertAcknowledgedException;
import ai.tradesense.domain.model.alert.AlertNotFoundException;
import ai.tradesense.domain.model.alert.AlertRepository;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.model.challenge.ChallengeRepository;
import ai.tradesense.domain.model.TimeWindow;

@Stateless
public class DefaultAlertService implements AlertService {

    private static final Logger LOG = Logger.getLogger(DefaultAlertService.class.getName());
    private static final int MAX_NOTE = 1_000;

    @Inject
    AlertRepository alerts;

    @Inject
    ChallengeRepository challenges;

    @Inject
    jakarta.enterprise.event.Event<ChallengeChanged> changes;

    @Inject
    Clock clock;

    @Override
    public Page<AlertView> list(Caller caller, String status, String kind, String challengeId, TimeWindow window,
                                int page, int size) {
        requireStaff(caller);
        return alerts.search(acknowledged(status), kind, challengeId, window, page, size).map(AlertView::of);
    }

    /** The status filter of an alert list: OPEN, ACKNOWLEDGED, or null for both. */
    static Boolean acknowledged(String status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "OPEN" -> false;
            case "ACKNOWLEDGED" -> true;
            default -> throw InvalidInputException.of("status", Kind.VALUE, "must be OPEN or ACKNOWLEDGED");
        };
    }

    @Override
    public AlertView find(Caller caller, String id) {
        requireStaff(caller);
        return AlertView.of(alerts.find(id).orElseThrow(() -> new AlertNotFoundException(id)));
    }

    @Override
    public AlertView acknowledge(Caller caller, String id, String note) {
        requireStaff(caller);
        if (note == null || note.isBlank() || note.length() > MAX_NOTE) {
            throw InvalidInputException.of("note", Kind.VALUE, "a note of 1 to " + MAX_NOTE + " characters is required");
        }
        Alert alert = alerts.lock(id).orElseThrow(() -> new AlertNotFoundException(id));
        if (!alert.acknowledge(caller.auditName(), note.strip(), clock.instant())) {
            throw new AlertAcknowledgedException(id, alert.acknowledgedBy());
        }
        LOG.log(Level.INFO, "{0} acknowledged alert {1} ({2} on challenge {3}): {4}",
                new Object[] {caller.auditName(), id, alert.kind(), alert.challengeId(), note.strip()});
        AlertView view = AlertView.of(alert);
        // Other consoles see the acknowledgement at once. The live message is JSON until live messages are typed.
        Challenge challenge = challenges.find(alert.challengeId()).orElse(null);
        if (challenge != null) {
            List<LiveMessage> messages = List.of(new LiveMessage.Alert(challenge.id(), challenge.seq(), clock.instant(),
                    view));
            changes.fire(StaffOnlyChanges.staffOnly(alert.kind()) ? StaffOnlyChanges.of(challenge, messages)
                    : new ChallengeChanged(challenge.id(), challenge.traderId(), challenge.planCode(), messages));
        }
        return view;
    }

    private static void requireStaff(Caller caller) {
        if (!caller.isStaff()) {
            throw new AccessDeniedException("alerts need the RISK or ADMIN role");
        }
    }
}
