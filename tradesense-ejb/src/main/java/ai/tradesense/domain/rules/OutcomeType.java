package ai.tradesense.domain.rules;

/** The kinds of {@link Outcome}. */
public enum OutcomeType {
    DAY_ROLLED, TRADING_DAY_COUNTED, BREACH, FAILED, PAUSED, RESUMED, PASS_HELD_BACK,
    PHASE_PASSED, PENDING_REVIEW, PASSED, IGNORED_FROZEN, EXTENDED, RESTORED, CONDUCT_VIOLATION
}
