package ai.tradesense.domain.model.payout;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.tradesense.domain.model.Timestamps;

/**
 * One payout request of a funded challenge, the payout ledger's row: PENDING until staff approve it (PAID,
 * with the trader's and the firm's shares) or reject it (REJECTED, with a reason). With two approvals, the
 * first is recorded and the request stays PENDING until a different staff member gives the second.
 */
@Entity
@Table(name = "payout_request")
public class PayoutRequest {

    public enum Status { PENDING, PAID, REJECTED }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "challenge_id", nullable = false, updatable = false, length = 36)
    private String challengeId;

    @Column(name = "trader_id", nullable = false, updatable = false, length = 128)
    private String traderId;

    @Column(name = "plan_code", nullable = false, updatable = false, length = 64)
    private String planCode;

    @Column(name = "plan_version", nullable = false, updatable = false)
    private int planVersion;

    @Column(nullable = false, updatable = false, length = 3)
    private String currency;

    @Column(nullable = false, updatable = false, precision = 30, scale = 10)
    private BigDecimal amount;

    @Column(name = "trader_share", precision = 30, scale = 10)
    private BigDecimal traderShare;

    @Column(name = "firm_share", precision = 30, scale = 10)
    private BigDecimal firmShare;

    @Column(nullable = false, length = 16)
    private String status;

    /** The challenge while PENDING, null once decided: its unique index allows one pending request each. */
    @Column(name = "pending_challenge_id", length = 36)
    private String pendingChallengeId;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private OffsetDateTime requestedAt;

    @Column(name = "requested_by", nullable = false, updatable = false, length = 128)
    private String requestedBy;

    @Column(name = "first_approved_at")
    private OffsetDateTime firstApprovedAt;

    @Column(name = "first_approved_by", length = 128)
    private String firstApprovedBy;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Column(name = "decided_by", length = 128)
    private String decidedBy;

    @Column(length = 500)
    private String reason;

    @Column(name = "paid_at")
    private OffsetDateTime paidAt;

    protected PayoutRequest() {
    }

    /** A new PENDING request of {@code amount}, by {@code requestedBy} (the trader or staff, as audited). */
    public static PayoutRequest request(String id, String challengeId, String traderId, String planCode,
                                        int planVersion, String currency, BigDecimal amount, Instant at,
                                        String requestedBy) {
        PayoutRequest request = new PayoutRequest();
        request.id = Objects.requireNonNull(id, "id");
        request.challengeId = challengeId;
        request.traderId = traderId;
        request.planCode = planCode;
        request.planVersion = planVersion;
        request.currency = currency;
        request.amount = Objects.requireNonNull(amount, "amount");
        request.status = Status.PENDING.name();
        request.pendingChallengeId = request.challengeId;
        request.requestedAt = Timestamps.stored(at);
        request.requestedBy = requestedBy;
        return request;
    }

    /** The first of two approvals; the request stays PENDING. */
    public void approveFirst(String by, Instant at) {
        requirePending();
        firstApprovedBy = by;
        firstApprovedAt = Timestamps.stored(at);
    }

    /** The approval that applied the payout: PAID with the shares the engine recorded. */
    public void paid(String by, Instant at, BigDecimal trader, BigDecimal firm) {
        requirePending();
        status = Status.PAID.name();
        pendingChallengeId = null;
        decidedBy = by;
        decidedAt = Timestamps.stored(at);
        paidAt = decidedAt;
        traderShare = trader;
        firmShare = firm;
    }

    public void reject(String by, Instant at, String why) {
        requirePending();
        status = Status.REJECTED.name();
        pendingChallengeId = null;
        decidedBy = by;
        decidedAt = Timestamps.stored(at);
        reason = why;
    }

    private void requirePending() {
        if (status() != Status.PENDING) {
            throw new PayoutDecidedException(id, status());
        }
    }

    public String id() {
        return id;
    }

    public String challengeId() {
        return challengeId;
    }

    public String traderId() {
        return traderId;
    }

    public String planCode() {
        return planCode;
    }

    public int planVersion() {
        return planVersion;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal amount() {
        return amount;
    }

    public BigDecimal traderShare() {
        return traderShare;
    }

    public BigDecimal firmShare() {
        return firmShare;
    }

    public Status status() {
        return Status.valueOf(status);
    }

    public Instant requestedAt() {
        return requestedAt.toInstant();
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant firstApprovedAt() {
        return firstApprovedAt == null ? null : firstApprovedAt.toInstant();
    }

    public String firstApprovedBy() {
        return firstApprovedBy;
    }

    public Instant decidedAt() {
        return decidedAt == null ? null : decidedAt.toInstant();
    }

    public String decidedBy() {
        return decidedBy;
    }

    public String reason() {
        return reason;
    }

    public Instant paidAt() {
        return paidAt == null ? null : paidAt.toInstant();
    }
}
