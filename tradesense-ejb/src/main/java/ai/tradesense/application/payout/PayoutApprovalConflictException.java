package ai.tradesense.application.payout;

import jakarta.ejb.ApplicationException;

/** With two approvals required, the same person gave the first one already (409). */
@ApplicationException(rollback = true)
public class PayoutApprovalConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PayoutApprovalConflictException(String who) {
        super(who + " gave the first approval already; a different staff member must give the second");
    }
}
