package ai.tradesense.domain.model.payout;

import jakarta.ejb.ApplicationException;

@ApplicationException(rollback = true)
public class PayoutNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PayoutNotFoundException(String id) {
        super("no payout request " + id);
    }
}
