package ai.tradesense.domain.model.payout;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The payout ledger. */
public interface PayoutRepository {

    Optional<PayoutRequest> find(String id);

    /** The request, locked for the rest of the transaction. */
    Optional<PayoutRequest> lock(String id);

    void add(PayoutRequest request);

    /** Filters are optional (null means any); oldest first, at most {@code limit}. */
    List<PayoutRequest> search(String challengeId, String traderId, PayoutRequest.Status status, int limit);

    /** The PAID requests paid in [from, to), for the totals. */
    List<PayoutRequest> paidBetween(Instant from, Instant to);
}
