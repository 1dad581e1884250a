package ai.tradesense.domain.rules;

/**
 * The rule that failed (or, for a breach, was crossed by) a challenge. {@link #MANUAL} is staff failing it
 * by hand ({@link ManualAction.Fail}); no breach ever names it.
 */
public enum FailureRule { DAILY_LOSS, MAX_LOSS, TIME_LIMIT, INACTIVITY, MANUAL }
