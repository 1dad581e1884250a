package ai.tradesense.domain.rules;

/** The rule that failed (or, for a breach, was crossed by) a challenge. */
public enum FailureRule { DAILY_LOSS, MAX_LOSS, TIME_LIMIT, INACTIVITY }
