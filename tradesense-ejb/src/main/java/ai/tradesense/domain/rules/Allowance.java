package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.util.Objects;

/** How much may be lost (or must be gained): a percentage of a base, or a fixed amount. */
public sealed interface Allowance {

    /** The amount this allowance stands for, with {@code base} as the base of a percentage. Exact. */
    BigDecimal amountOf(BigDecimal base);

    /** {@code value}% of a base amount, 0 &lt; value &le; 100. */
    record Percent(BigDecimal value) implements Allowance {
        public Percent {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public BigDecimal amountOf(BigDecimal base) {
            return base.multiply(value).movePointLeft(2);
        }
    }

    /** A fixed amount in the plan's currency, &gt; 0. */
    record Fixed(BigDecimal value) implements Allowance {
        public Fixed {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public BigDecimal amountOf(BigDecimal base) {
            return value;
        }
    }
}
