package ai.tradesense.domain.model.challenge;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import ai.tradesense.domain.model.RecordJson;
import ai.tradesense.domain.model.StrictJson;
import ai.tradesense.domain.model.Timestamps;
import ai.tradesense.domain.rules.AccountState;
import ai.tradesense.domain.rules.ChallengeStatus;
import ai.tradesense.domain.rules.Evaluation;
import ai.tradesense.domain.rules.Evaluator;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.ManualAction;
import ai.tradesense.domain.rules.RuleSet;

/**
 * A trader's challenge on one plan version. Its account state is whatever the rule engine last made
 * of it; every event goes through {@link #apply}, and the sequence number counts the events recorded.
 */
@Entity
@Table(name = "challenge")
public class Challenge {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "plan_code", nullable = false, updatable = false, length = 64)
    private String planCode;

    @Column(name = "plan_version", nullable = false, updatable = false)
    private int planVersion;

    @Column(name = "trader_id", nullable = false, updatable = false, length = 128)
    private String traderId;

    @Column(nullable = false, length = 20)
    private String status;

    @Column(name = "phase_index", nullable = false)
    private int phaseIndex;

    @Column(nullable = false, precision = 30, scale = 10)
    private BigDecimal balance;

    @Column(nullable = false, precision = 30, scale = 10)
    private BigDecimal equity;

    /** The engine's account state as JSON: exact decimals and instants, the source of truth. */
    @Column(nullable = false, length = 1_000_000)
    private String state;

    @Column(nullable = false)
    private long seq;

    @Column(name = "audit_seq", nullable = false)
    private long auditSeq;

    @Column(name = "audit_hash", nullable = false, length = 64)
    private String auditHash;

    @Column(name = "started_at", nullable = false, updatable = false)
    private OffsetDateTime startedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Transient
    private AccountState account;

    protected Challenge() {
    }

    /** A new challenge in the first phase of the plan, its account opened at {@code startAt}. */
    public static Challenge start(String id, String planCode, int planVersion, RuleSet rules, String traderId,
                                  Instant startAt, Instant now) {
        Challenge challenge = new Challenge();
        challenge.id = id;
        challenge.planCode = planCode;
        challenge.planVersion = planVersion;
        challenge.traderId = traderId;
        challenge.startedAt = Timestamps.stored(startAt);
        challenge.createdAt = Timestamps.stored(now);
        challenge.auditHash = AuditEntry.GENESIS;
        challenge.keep(AccountState.start(rules, startAt), now);
        return challenge;
    }

    /** Applies one event through the rule engine and records the result; throws before any change. */
    public Evaluation apply(RuleSet rules, Event event, Instant now) {
        Evaluation evaluation = Evaluator.apply(rules, account(), event);
        seq++;
        keep(evaluation.state(), now);
        return evaluation;
    }

    /** Applies a staff member's manual action through the rule engine; throws before any change. */
    public Evaluation act(RuleSet rules, ManualAction action, Instant now) {
        Evaluation evaluation = Evaluator.act(rules, account(), action);
        keep(evaluation.state(), now);
        return evaluation;
    }

    /** Appends an audit entry after the last one of this challenge. */
    public AuditEntry audit(AuditEntry.Kind kind, Instant at, String actor, String content) {
        AuditEntry entry = AuditEntry.after(id, auditSeq, auditHash, kind, at, actor, content);
        auditSeq = entry.seq();
        auditHash = entry.hash();
        return entry;
    }

    private void keep(AccountState next, Instant now) {
        this.account = next;
        this.state = RecordJson.write(next).toString();
        this.status = next.status().name();
        this.phaseIndex = next.phaseIndex();
        this.balance = next.balance();
        this.equity = next.equity();
        this.updatedAt = Timestamps.stored(now);
    }

    public AccountState account() {
        if (account == null) {
            account = RecordJson.read(StrictJson.parse(state).asJsonObject(), AccountState.class);
        }
        return account;
    }


    public String id() {
        return id;
    }

    public String planCode() {
        return planCode;
    }

    public int planVersion() {
        return planVersion;
    }

    public String traderId() {
        return traderId;
    }

    public ChallengeStatus status() {
        return ChallengeStatus.valueOf(status);
    }

    public long seq() {
        return seq;
    }

    /** Number of audit entries this challenge has written; the trail must hold exactly these. */
    public long auditSeq() {
        return auditSeq;
    }

    public Instant startedAt() {
        return startedAt.toInstant();
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant updatedAt() {
        return updatedAt.toInstant();
    }
}
