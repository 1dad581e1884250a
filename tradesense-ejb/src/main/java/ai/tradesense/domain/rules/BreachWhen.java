package ai.tradesense.domain.rules;

import java.math.BigDecimal;

/** Whether equity exactly at a floor is a breach. */
public enum BreachWhen {
    /** Breach when equity &lt; floor. */
    BELOW,
    /** Breach when equity &le; floor. */
    AT_OR_BELOW;

    public boolean breaches(BigDecimal equity, BigDecimal floor) {
        int c = equity.compareTo(floor);
        return this == BELOW ? c < 0 : c <= 0;
    }
}
