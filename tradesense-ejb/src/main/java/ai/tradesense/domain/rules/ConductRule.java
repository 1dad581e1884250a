package ai.tradesense.domain.rules;

/** The conduct rules of a phase ({@code docs/rules.md} §19); the names are those of outcomes and failures. */
public enum ConductRule {
    MAX_LOTS_PER_TRADE, MAX_OPEN_LOTS, MAX_OPEN_TRADES, MAX_TRADES_PER_DAY, MIN_HOLD, STOP_LOSS_MISSING,
    RISK_PER_TRADE, WEEKEND_HOLDING, NEWS_TRADING;

    private final int bit = 1 << ordinal();

    /** The failure that names this rule when its {@code onViolation} is FAIL. */
    public FailureRule failureRule() {
        return FailureRule.valueOf(name());
    }

    /** This rule's bit in {@link ConductState.OpenTrade#counted()}. */
    int bit() {
        return bit;
    }

    /** Only minimum holding time and news trading may exclude a trade's profit instead. */
    public boolean allowsExclude() {
        return this == MIN_HOLD || this == NEWS_TRADING;
    }
}
