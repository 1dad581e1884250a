package ai.tradesense.domain.model.alert;

import jakarta.ejb.ApplicationException;

/** An alert can be acknowledged once; a second acknowledgement would overwrite who saw it first. */
@ApplicationException(rollback = true)
public class AlertAcknowledgedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AlertAcknowledgedException(String id, String by) {
        super("alert '" + id + "' was acknowledged already by " + by);
    }
}
