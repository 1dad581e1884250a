package ai.tradesense.application.risk;

import ai.tradesense.application.security.Caller;
import ai.tradesense.domain.model.Page;
import ai.tradesense.domain.model.TimeWindow;

/** Alerts for risk staff (RISK and ADMIN). */
public interface AlertService {

    /**
     * Newest first; filters may be null.
     *
     * @param status OPEN or ACKNOWLEDGED
     */
    /** Newest first; {@code window} on when the alert was raised. */
    Page<AlertView> list(Caller caller, String status, String kind, String challengeId, TimeWindow window, int page,
                         int size);

    AlertView find(Caller caller, String id);

    /**
     * Records that the caller saw the alert, with a note; once only.
     *
     * @throws ai.tradesense.domain.model.alert.AlertAcknowledgedException when it was acknowledged already
     */
    AlertView acknowledge(Caller caller, String id, String note);
}
