package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The best day's closed profit may be at most {@code maxBestDayPct}% of the total profit
 * (strictly less when {@code strict}). It holds a pass back; it never fails an account
 * ({@code docs/rules.md} §8).
 */
public record ConsistencyRule(BigDecimal maxBestDayPct, boolean strict) {
    public ConsistencyRule {
        Objects.requireNonNull(maxBestDayPct, "maxBestDayPct");
    }

    /** Whether the best day is small enough against the total profit; compared without division. */
    public boolean holds(BigDecimal bestDayProfit, BigDecimal totalProfit) {
        int c = bestDayProfit.movePointRight(2).compareTo(totalProfit.multiply(maxBestDayPct));
        return strict ? c < 0 : c <= 0;
    }
}
