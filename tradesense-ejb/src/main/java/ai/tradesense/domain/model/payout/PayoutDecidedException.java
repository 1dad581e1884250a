package ai.tradesense.domain.model.payout;

import jakarta.ejb.ApplicationException;

/** A request already PAID or REJECTED cannot be decided again (409). */
@ApplicationException(rollback = true)
public class PayoutDecidedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PayoutDecidedException(String id, PayoutRequest.Status status) {
        super("payout request " + id + " is already " + status);
    }
}
