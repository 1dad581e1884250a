package ai.tradesense.domain.rules;

import java.util.Objects;

/** The profit to reach, as a percentage of the initial balance or a fixed amount. */
public record ProfitTarget(Allowance allowance) {
    public ProfitTarget {
        Objects.requireNonNull(allowance, "allowance");
    }
}
