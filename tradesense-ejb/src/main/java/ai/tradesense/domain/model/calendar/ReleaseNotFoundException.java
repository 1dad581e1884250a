package ai.tradesense.domain.model.calendar;

import jakarta.ejb.ApplicationException;

/** No calendar entry has this id. */
@ApplicationException(rollback = true)
public class ReleaseNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReleaseNotFoundException(String id) {
        super("no calendar entry with id '" + id + "'");
    }
}
