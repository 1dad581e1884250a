package ai.tradesense.application.payout;

import java.math.BigDecimal;
import java.util.List;

import ai.tradesense.application.security.Caller;
import ai.tradesense.domain.model.payout.PayoutRequest;
import ai.tradesense.domain.rules.PayoutEligibility;

/** Payouts of funded challenges (docs/rules.md §20): request, approve or reject, and read the ledger. */
public interface PayoutService {

    /** The engine's judgement now of a payout of {@code amount} (null: the whole withdrawable). */
    PayoutEligibility eligibility(Caller caller, String challengeId, BigDecimal amount);

    /**
     * A request by the owner trader or staff: PENDING when eligible, else {@link PayoutNotEligibleException}
     * naming each unmet condition. {@code amount} null requests the whole withdrawable.
     */
    PayoutView request(Caller caller, String challengeId, BigDecimal amount);

    /** The ledger of one challenge, oldest first. */
    List<PayoutView> ledger(Caller caller, String challengeId);

    /** Requests by trader and status (both optional); a trader sees only their own. */
    List<PayoutView> list(Caller caller, String traderId, PayoutRequest.Status status);

    /** Staff approve: judged again now and paid through the engine (or the first of two approvals). */
    PayoutView approve(Caller caller, String payoutId);

    /** Staff reject with a reason; nothing else changes. */
    PayoutView reject(Caller caller, String payoutId, String reason);

    /** Paid totals per plan and month, for staff. */
    List<PayoutTotal> totals(Caller caller);
}
