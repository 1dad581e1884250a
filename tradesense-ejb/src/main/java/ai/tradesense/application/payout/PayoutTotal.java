package ai.tradesense.application.payout;

import java.math.BigDecimal;

/** What was paid on one plan in one calendar month (UTC, by the paid date): count and exact sums. */
public record PayoutTotal(String planCode, String month, String currency, int count, BigDecimal gross,
                          BigDecimal traderShare, BigDecimal firmShare) { }
