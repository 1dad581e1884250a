package ai.tradesense.domain.rules;

/**
 * The rule that failed (or, for a breach, was crossed by) a challenge. {@link #MANUAL} is staff failing it
 * by hand ({@link ManualAction.Fail}); no breach ever names it. The conduct rules ({@link ConductRule})
 * fail a challenge under their own names.
 */
public enum FailureRule {
    DAILY_LOSS, MAX_LOSS, TIME_LIMIT, INACTIVITY, MANUAL,
    MAX_LOTS_PER_TRADE, MAX_OPEN_LOTS, MAX_OPEN_TRADES, MAX_TRADES_PER_DAY, MIN_HOLD, STOP_LOSS_MISSING,
    RISK_PER_TRADE, WEEKEND_HOLDING, NEWS_TRADING
}
