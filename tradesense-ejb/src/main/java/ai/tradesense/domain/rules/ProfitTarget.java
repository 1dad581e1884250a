package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.util.Objects;

/** The profit to reach, as a percentage of the initial balance or a fixed amount. */
public record ProfitTarget(Allowance allowance) {
    public ProfitTarget {
        Objects.requireNonNull(allowance, "allowance");
    }

    /** The closed balance that reaches the target; a percentage is of the initial balance. */
    public BigDecimal balance(BigDecimal initial) {
        return initial.add(allowance.amountOf(initial));
    }
}
