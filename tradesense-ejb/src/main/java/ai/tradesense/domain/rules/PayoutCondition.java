package ai.tradesense.domain.rules;

/** The conditions a payout request must meet (DESIGN §3c); a refusal names each one unmet. */
public enum PayoutCondition {
    NOT_FUNDED, PENDING, FIRST_AFTER_DAYS, EVERY_DAYS, MIN_TRADING_DAYS, WINNING_DAYS, CONSISTENCY, MIN_AMOUNT,
    WITHDRAWABLE, NOT_FLAT
}
