package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** What applying one event did, in the order it happened; the service audits and pushes these. */
public sealed interface Outcome {

    OutcomeType type();

    /** A trading day ended at {@code boundary}, the start of the next one. */
    record DayRolled(Instant boundary) implements Outcome {
        public DayRolled {
            Objects.requireNonNull(boundary, "boundary");
        }

        @Override
        public OutcomeType type() {
            return OutcomeType.DAY_ROLLED;
        }
    }

    /** A trade was opened on a trading day that had none yet. */
    record TradingDayCounted(LocalDate day, int tradingDays) implements Outcome {
        public TradingDayCounted {
            Objects.requireNonNull(day, "day");
        }

        @Override
        public OutcomeType type() {
            return OutcomeType.TRADING_DAY_COUNTED;
        }
    }

    /** Equity crossed a loss floor at {@code at}; a FAILED or PAUSED outcome follows. */
    record Breach(FailureRule rule, BigDecimal floor, BigDecimal equity, Instant at) implements Outcome {
        public Breach {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(floor, "floor");
            Objects.requireNonNull(equity, "equity");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public OutcomeType type() {
            return OutcomeType.BREACH;
        }
    }

    /** The challenge failed; {@code floor} is null for the time rules. */
    record Failed(FailureRule rule, Instant at, BigDecimal floor, BigDecimal equity) implements Outcome {
        public Failed {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(equity, "equity");
        }

        @Override
        public OutcomeType type() {
            return OutcomeType.FAILED;
        }
    }

    /**
     * The challenge is blocked until {@code until}: a daily loss breach with {@code onBreach: PAUSE}, or
     * staff's {@link ManualAction.Pause}.
     */
    record Paused(Instant until) implements Outcome {
        public Paused {
            Objects.requireNonNull(until, "until");
        }

        @Override
        public OutcomeType type() {
            return OutcomeType.PAUSED;
        }
    }

    /** A pause lifted: at a day boundary, at the end staff gave it, or by staff's {@link ManualAction.Resume}. */
    record Resumed(Instant at) implements Outcome {
        public Resumed {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public OutcomeType type() {
            return OutcomeType.RESUMED;
        }
    }

    /** The profit target is reached but a gate holds the pass back; it never fails the challenge. */
    record PassHeldBack(HoldReason reason) implements Outcome {
        public PassHeldBack {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public OutcomeType type() {
            return OutcomeType.PASS_HELD_BACK;
        }
    }

    /** The phase {@code fromIndex} was passed; {@code toIndex} starts at {@code at} with a fresh account. */
    record PhasePassed(int fromIndex, int toIndex, Instant at) implements Outcome {
        public PhasePassed {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public OutcomeType type() {
            return OutcomeType.PHASE_PASSED;
        }
    }

    /** The phase was passed and waits for staff to approve it. */
    record PendingReview(Instant at) implements Outcome {
        public PendingReview {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public OutcomeType type() {
            return OutcomeType.PENDING_REVIEW;
        }
    }

    /** The last phase was passed: the challenge is over, successfully. */
    record Passed(Instant at) implements Outcome {
        public Passed {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public OutcomeType type() {
            return OutcomeType.PASSED;
        }
    }

    /** The event is recorded but not applied: the challenge is {@code status}, which is frozen. */
    record IgnoredFrozen(ChallengeStatus status) implements Outcome {
        public IgnoredFrozen {
            Objects.requireNonNull(status, "status");
        }

        @Override
        public OutcomeType type() {
            return OutcomeType.IGNORED_FROZEN;
        }
    }

    /**
     * Staff extended the challenge by {@code days}: the deadlines as they now stand, each null when the
     * phase has none.
     */
    record Extended(int days, Instant timeLimitAt, Instant inactivityDeadline) implements Outcome {
        @Override
        public OutcomeType type() {
            return OutcomeType.EXTENDED;
        }
    }

    /** Staff restored a failed challenge at {@code at}; {@code previousRule} is the failure it cleared. */
    record Restored(FailureRule previousRule, Instant at) implements Outcome {
        public Restored {
            Objects.requireNonNull(previousRule, "previousRule");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public OutcomeType type() {
            return OutcomeType.RESTORED;
        }
    }

    /**
     * A conduct rule was broken by trade {@code tradeId} ({@code docs/rules.md} §19); {@code action} is what
     * the rule does about it (a FAIL or PAUSE outcome follows for those).
     */
    record ConductViolation(ConductRule rule, String tradeId, OnViolation action) implements Outcome {
        public ConductViolation {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(tradeId, "tradeId");
            Objects.requireNonNull(action, "action");
        }

        @Override
        public OutcomeType type() {
            return OutcomeType.CONDUCT_VIOLATION;
        }
    }

    /** The first gate that held a pass back. */
    enum HoldReason { NOT_FLAT, MIN_TRADING_DAYS, CONSISTENCY }

    /** A payout was paid: {@code amount} gross, split between the trader and the firm (§20.4). */
    record PayoutPaid(BigDecimal amount, BigDecimal traderShare, BigDecimal firmShare) implements Outcome {
        public PayoutPaid {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(traderShare, "traderShare");
            Objects.requireNonNull(firmShare, "firmShare");
        }

        @Override
        public OutcomeType type() {
            return OutcomeType.PAYOUT_PAID;
        }
    }

    /**
     * A payout was not paid; nothing changed. {@code conditions} are the unmet {@link PayoutCondition}s' names,
     * {@code messages} say each one's numbers, in the same order.
     */
    record PayoutRefused(List<String> conditions, List<String> messages) implements Outcome {
        public PayoutRefused {
            conditions = List.copyOf(conditions);
            messages = List.copyOf(messages);
        }

        @Override
        public OutcomeType type() {
            return OutcomeType.PAYOUT_REFUSED;
        }
    }

    /** A scaling review grew the account: its initial balance and the trader's split from now on (§20.8). */
    record Scaled(BigDecimal initialBalance, BigDecimal splitPct) implements Outcome {
        public Scaled {
            Objects.requireNonNull(initialBalance, "initialBalance");
        }

        @Override
        public OutcomeType type() {
            return OutcomeType.SCALED;
        }
    }
}
