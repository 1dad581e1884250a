package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The best day's closed profit may be at most {@code maxBestDayPct}% of the total profit
 * (strictly less when {@code strict}). It holds a pass back; it never fails an account.
 */
public record ConsistencyRule(BigDecimal maxBestDayPct, boolean strict) {
    public ConsistencyRule {
        Objects.requireNonNull(maxBestDayPct, "maxBestDayPct");
    }
}
