package ai.tradesense.application.payout;

import jakarta.ejb.ApplicationException;

import ai.tradesense.domain.rules.PayoutEligibility;

/** A payout request or approval the engine judged not eligible (422), with every unmet condition. */
@ApplicationException(rollback = true)
public class PayoutNotEligibleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient PayoutEligibility eligibility;

    public PayoutNotEligibleException(PayoutEligibility eligibility) {
        super("the payout is not eligible: " + String.join("; ",
                eligibility.unmet().stream().map(c -> c.condition() + ": " + c.message()).toList()));
        this.eligibility = eligibility;
    }

    public PayoutEligibility eligibility() {
        return eligibility;
    }
}
