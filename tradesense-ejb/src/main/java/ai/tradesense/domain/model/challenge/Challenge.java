package ai.tradesense.domain.model.challenge;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.tradesense.domain.model.Timestamps;
import ai.tradesense.domain.rules.AccountState;
import ai.tradesense.domain.rules.ChallengeStatus;
import ai.tradesense.domain.rules.EconomicCalendar;
import ai.tradesense.domain.rules.CompactingLog;
import ai.tradesense.domain.rules.Compaction;
import ai.tradesense.domain.rules.Evaluation;
import ai.tradesense.domain.rules.Evaluator;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.ManualAction;
import ai.tradesense.domain.rules.RiskWatch;
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

    /** The engine's account state, the source of truth; stored as JSON by the persistence layer's converter. */
    @Column(nullable = false, length = 1_000_000)
    private AccountState state;

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

    // Copies of the state for the risk worker's queries (V4); see RiskWatch.

    @Column(name = "next_day_start")
    private OffsetDateTime nextDayStart;

    @Column(name = "due_at")
    private OffsetDateTime dueAt;

    @Column(name = "open_trades", nullable = false)
    private int openTrades;

    @Column(name = "daily_loss_used", precision = 12, scale = 6)
    private BigDecimal dailyLossUsed;

    @Column(name = "max_loss_used", precision = 12, scale = 6)
    private BigDecimal maxLossUsed;

    @Column(name = "last_feed_at")
    private OffsetDateTime lastFeedAt;

    @Column(name = "snapshot_seq", nullable = false)
    private long snapshotSeq;

    // Tick compaction (V10, docs/rules.md §18): the snapshots' equity marks, null for a challenge started
    // before them (it stores every tick), and the pending tick, not stored yet.

    @Column(length = 1000)
    private Compaction.Marks marks;

    /** Stored as the event document (exact decimals, the id) by the persistence layer's converter. */
    @Column(name = "pending_tick", length = 4000)
    private Event.EquityUpdate pendingTick;

    @Column(name = "pending_tick_actor", length = 128)
    private String pendingTickActor;

    @Column(name = "pending_tick_received_at")
    private OffsetDateTime pendingTickReceivedAt;

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
        challenge.marks = Compaction.Marks.start(rules);
        challenge.keep(rules, AccountState.start(rules, startAt), now);
        return challenge;
    }

    /**
     * Applies one event through the rule engine and records it as stored (never compacted), after the
     * pending tick, which must have been stored ({@link #storePendingTick}); throws before any change.
     */
    public Evaluation apply(RuleSet rules, Event event, Instant now) {
        return apply(rules, event, EconomicCalendar.EMPTY, now);
    }

    /** As {@link #apply(RuleSet, Event, Instant)}, news trading judged against {@code calendar}. */
    public Evaluation apply(RuleSet rules, Event event, EconomicCalendar calendar, Instant now) {
        if (pendingTick != null) {
            throw new IllegalStateException("the pending tick of challenge " + id + " must be stored first");
        }
        Evaluation evaluation = Evaluator.apply(rules, account(), event, calendar);
        seq++;
        if (marks != null) {
            marks = marks.next(rules, event, evaluation);
        }
        keepAfter(rules, event, evaluation.state(), now);
        return evaluation;
    }

    /**
     * What recording one event did.
     *
     * @param evaluation what the engine answered
     * @param compacted  true when the event is a tick the log leaves out ({@code seq} unchanged); it is the
     *                   pending tick now
     * @param stored     the pending tick that had to be stored before this event, if there was one
     */
    public record Recorded(Evaluation evaluation, boolean compacted, StoredTick stored) { }

    /**
     * A pending tick as it is stored now, before whatever comes next.
     *
     * @param seq   its sequence number in the log
     * @param after the state it left (the account's before the next event: compacted ticks change nothing else)
     */
    public record StoredTick(Event.EquityUpdate tick, long seq, AccountState after, String actor, Instant receivedAt) { }

    /**
     * Applies one event through the rule engine and records the result; throws before any change. A tick
     * that changes nothing but equity and time ({@link Compaction#isCompactable}) becomes the pending tick
     * and takes no sequence number; any other event first stores the pending tick, then takes the next one.
     *
     * @param alertLevels the room-use percents that raise alerts (a tick that reaches another is stored)
     */
    public Recorded record(RuleSet rules, Event event, Instant now, String actor, List<Integer> alertLevels) {
        return record(rules, event, EconomicCalendar.EMPTY, now, actor, alertLevels);
    }

    /** As {@link #record(RuleSet, Event, Instant, String, List)}, news trading judged against {@code calendar}. */
    public Recorded record(RuleSet rules, Event event, EconomicCalendar calendar, Instant now, String actor,
                           List<Integer> alertLevels) {
        AccountState before = account();
        if (marks == null) {
            Evaluation evaluation = Evaluator.apply(rules, before, event, calendar);
            seq++;
            keepAfter(rules, event, evaluation.state(), now);
            return new Recorded(evaluation, false, null);
        }
        CompactingLog.Step step = compactingLog().orElseThrow().apply(rules, event, calendar, alertLevels);
        StoredTick stored = null;
        if (step.compacted()) {
            pendingTick = (Event.EquityUpdate) event;
            pendingTickActor = actor;
            pendingTickReceivedAt = Timestamps.stored(now);
        } else {
            stored = storePendingTick().orElse(null);
            seq++;
        }
        marks = step.log().marks();
        keepAfter(rules, event, step.evaluation().state(), now);
        return new Recorded(step.evaluation(), step.compacted(), stored);
    }

    /**
     * The pending tick, given its sequence number now and cleared, so that what follows (a staff action)
     * comes after it in the log; empty when there is none.
     */
    public Optional<StoredTick> storePendingTick() {
        if (pendingTick == null) {
            return Optional.empty();
        }
        seq++;
        StoredTick stored = new StoredTick(pendingTick, seq, account(), pendingTickActor,
                pendingTickReceivedAt.toInstant());
        pendingTick = null;
        pendingTickActor = null;
        pendingTickReceivedAt = null;
        return Optional.of(stored);
    }

    /** The account as compaction keeps it (state, marks, pending tick); empty when it stores every tick. */
    public Optional<CompactingLog> compactingLog() {
        return marks == null ? Optional.empty() : Optional.of(new CompactingLog(account(), marks, pendingTick));
    }

    /** The last compacted tick since the last stored event, applied but not in the log yet. */
    public Optional<Event.EquityUpdate> pendingTick() {
        return Optional.ofNullable(pendingTick);
    }

    private void keepAfter(RuleSet rules, Event event, AccountState next, Instant now) {
        keep(rules, next, now);
        if (event instanceof Event.EquityUpdate) {
            lastFeedAt = Timestamps.stored(now);
        }
    }

    /**
     * Applies a staff member's manual action through the rule engine; throws before any change. The caller
     * stores the pending tick first ({@link #storePendingTick}): the action reads the equity it set.
     */
    public Evaluation act(RuleSet rules, ManualAction action, Instant now) {
        Evaluation evaluation = Evaluator.act(rules, account(), action);
        keep(rules, evaluation.state(), now);
        return evaluation;
    }

    /**
     * Applies staff's approval of the pending payout through the rule engine and takes the next sequence
     * number: the PAYOUT is part of the stored log (the caller stores it), so replaying the log gives the
     * state after it. The pending tick must have been stored first; throws before any change.
     */
    public Evaluation approvePayout(RuleSet rules, Event.Payout payout, Instant now) {
        if (pendingTick != null) {
            throw new IllegalStateException("the pending tick of challenge " + id + " must be stored first");
        }
        Evaluation evaluation = Evaluator.approvePayout(rules, account(), payout);
        seq++;
        if (marks != null) {
            marks = marks.next(rules, payout, evaluation);
        }
        keep(rules, evaluation.state(), now);
        return evaluation;
    }

    /** Records that a payout request waits for staff, or no longer does. */
    public void payoutPending(RuleSet rules, boolean pending, Instant now) {
        keep(rules, account().withPayoutPending(pending), now);
    }

    /** Appends an audit entry after the last one of this challenge. */
    public AuditEntry audit(AuditEntry.Kind kind, Instant at, String actor, String content) {
        AuditEntry entry = AuditEntry.after(id, auditSeq, auditHash, kind, at, actor, content);
        auditSeq = entry.seq();
        auditHash = entry.hash();
        return entry;
    }

    /**
     * Fills the worker's columns of a row written before they existed (V4), from its state; the state
     * itself and the update time are left as they are.
     */
    public void refreshWatchColumns(RuleSet rules) {
        watch(rules, account());
    }

    private void keep(RuleSet rules, AccountState next, Instant now) {
        watch(rules, next);
        this.state = next;
        this.status = next.status().name();
        this.phaseIndex = next.phaseIndex();
        this.balance = next.balance();
        this.equity = next.equity();
        this.updatedAt = Timestamps.stored(now);
    }

    private void watch(RuleSet rules, AccountState next) {
        this.nextDayStart = Timestamps.stored(next.nextDayStart());
        Instant deadline = RiskWatch.nextDeadline(next);
        this.dueAt = deadline == null ? null : Timestamps.stored(deadline);
        this.openTrades = next.openTrades();
        RiskWatch.RoomUse use = RiskWatch.roomUse(next, rules);
        this.dailyLossUsed = use.dailyLoss();
        this.maxLossUsed = use.maxLoss();
    }

    public AccountState account() {
        return state;
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

    /** When the platform last reported this account's equity (server time); null if it never did. */
    public Instant lastFeedAt() {
        return lastFeedAt == null ? null : lastFeedAt.toInstant();
    }

    /** The last event sequence number the daily snapshots include. */
    public long snapshotSeq() {
        return snapshotSeq;
    }

    public void snapshotsTakenTo(long eventSeq) {
        this.snapshotSeq = eventSeq;
    }
}
