package ai.tradesense.domain.rules;

import java.time.Instant;

/**
 * Something staff do to a challenge by hand, applied by {@link Evaluator#act} at {@link #at()} as
 * {@code docs/rules.md} §13 describes; no action changes the balance or the equity (apart from the fresh
 * account a {@link Pass} may start). The records check nothing themselves, so a missing {@code at} or a
 * bad value is refused by {@link Evaluator#act} as an {@link EventRejectedException} naming the field.
 */
public sealed interface ManualAction {

    /** When staff act; never before the account's last event. */
    Instant at();

    /**
     * The challenge fails now ({@link FailureRule#MANUAL}, no floor, the current equity). Refused when it
     * is already FAILED or PASSED.
     */
    record Fail(Instant at) implements ManualAction {
    }

    /**
     * The current phase is passed now, as an automatic pass would be but without the target and its gates:
     * a phase with {@code review} waits in PENDING_REVIEW, the last phase makes the challenge PASSED, any
     * other starts the next phase with a fresh account at {@code at}. On a challenge in PENDING_REVIEW it
     * approves the review. Refused when FAILED or PASSED.
     */
    record Pass(Instant at) implements ManualAction {
    }

    /**
     * The challenge is PAUSED until {@code until} (after {@code at}); null means the next day boundary.
     * Refused unless ACTIVE.
     */
    record Pause(Instant at, Instant until) implements ManualAction {
    }

    /** A PAUSED challenge is ACTIVE again now. Refused unless PAUSED. */
    record Resume(Instant at) implements ManualAction {
    }

    /**
     * The time limit and the inactivity deadline, whichever the challenge has, each move {@code days}
     * (1 to 3650) calendar days later. Refused when it has neither, or is FAILED or PASSED.
     */
    record Extend(Instant at, int days) implements ManualAction {
    }

    /**
     * A FAILED challenge is ACTIVE again, its failure cleared and its account as it was: a correction after
     * a wrong failure, e.g. one caused by a bad price feed. The equity is not touched, so an equity that
     * still breaches fails it again at the next check; staff send a corrected {@code EQUITY} event after the
     * restore. Refused unless FAILED by a loss rule or by hand (a passed time limit would fail it at once).
     */
    record Restore(Instant at) implements ManualAction {
    }
}
