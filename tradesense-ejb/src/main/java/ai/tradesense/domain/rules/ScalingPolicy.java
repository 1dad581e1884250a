package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The scaling plan of a FUNDED phase, reviewed every {@code everyDays} from the phase start
 * (DESIGN §3c, {@code docs/rules.md} §20.8).
 *
 * @param everyDays    calendar days (24 h) between reviews, &ge; 1
 * @param minProfitPct the period's profit needed, in percent of the initial balance at the review
 * @param minPayouts   payouts paid in the period needed
 * @param increasePct  growth of the initial balance per step, in percent of the plan's original initial balance
 * @param maxBalance   the initial balance never grows above this
 * @param splitPct     the trader's share after a step
 */
public record ScalingPolicy(int everyDays, BigDecimal minProfitPct, int minPayouts, BigDecimal increasePct,
                            BigDecimal maxBalance, BigDecimal splitPct) {

    public ScalingPolicy {
        Objects.requireNonNull(minProfitPct, "minProfitPct");
        Objects.requireNonNull(increasePct, "increasePct");
        Objects.requireNonNull(maxBalance, "maxBalance");
        Objects.requireNonNull(splitPct, "splitPct");
        if (everyDays < 1) {
            throw new IllegalArgumentException("everyDays must be at least 1");
        }
        if (minPayouts < 0) {
            throw new IllegalArgumentException("minPayouts must not be negative");
        }
    }
}
