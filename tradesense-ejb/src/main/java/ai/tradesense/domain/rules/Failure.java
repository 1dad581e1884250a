package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Why and when a challenge failed.
 *
 * @param rule   the rule that failed it
 * @param at     the instant of the failure: the event, the day boundary or the deadline
 * @param floor  the floor that was breached; null for the time rules
 * @param equity the equity at the failure
 */
public record Failure(FailureRule rule, Instant at, BigDecimal floor, BigDecimal equity) {
    public Failure {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(equity, "equity");
    }
}
