package ai.tradesense.domain.model.alert;

import jakarta.ejb.ApplicationException;

@ApplicationException(rollback = true)
public class AlertNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AlertNotFoundException(String id) {
        super("no alert with id '" + id + "'");
    }
}
