package ai.tradesense.domain.model.outbound;

import jakarta.ejb.ApplicationException;

/** No webhook subscription, delivery or platform command with that id. */
@ApplicationException(rollback = true)
public class OutboundNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OutboundNotFoundException(String what, String id) {
        super("no " + what + " with id '" + id + "'");
    }
}
