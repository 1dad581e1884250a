package ai.tradesense.application.payout;

import java.math.BigDecimal;
import java.time.Instant;

import ai.tradesense.domain.model.payout.PayoutRequest;

/** One row of the payout ledger as the API shows it; the shares are null until it is paid. */
public record PayoutView(String id, String challengeId, String traderId, String planCode, int planVersion,
                         String currency, BigDecimal amount, BigDecimal traderShare, BigDecimal firmShare,
                         PayoutRequest.Status status, Instant requestedAt, String requestedBy,
                         Instant firstApprovedAt, String firstApprovedBy, Instant decidedAt, String decidedBy,
                         String reason, Instant paidAt) {

    public static PayoutView of(PayoutRequest p) {
        return new PayoutView(p.id(), p.challengeId(), p.traderId(), p.planCode(), p.planVersion(), p.currency(),
                p.amount(), p.traderShare(), p.firmShare(), p.status(), p.requestedAt(), p.requestedBy(),
                p.firstApprovedAt(), p.firstApprovedBy(), p.decidedAt(), p.decidedBy(), p.reason(), p.paidAt());
    }
}
