package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The engine's answer to "may this payout be paid now?": every condition the phase has, met or not, each
 * with its numbers, and the amounts. {@link #eligible()} when none is unmet.
 *
 * @param at           the instant it was judged at
 * @param amount       the amount judged: the one requested, or the withdrawable when none was given
 * @param withdrawable what may be paid now, every cap applied (0 when not funded)
 * @param traderShare  the trader's share of {@code amount} at the current split; null when not funded
 * @param firmShare    the firm's share of {@code amount}; null when not funded
 * @param checks       each condition of the phase, in the order of {@link PayoutCondition}
 */
public record PayoutEligibility(Instant at, BigDecimal amount, BigDecimal withdrawable, BigDecimal traderShare,
                                BigDecimal firmShare, List<Check> checks) {

    public PayoutEligibility {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(withdrawable, "withdrawable");
        checks = List.copyOf(checks);
    }

    public boolean eligible() {
        return checks.stream().allMatch(Check::met);
    }

    /** The unmet conditions, in order. */
    public List<Check> unmet() {
        return checks.stream().filter(c -> !c.met()).toList();
    }

    /**
     * One condition as it stands: {@code actual} of {@code required} (days, trading days, winning days, money;
     * null where a number makes no sense) and a sentence with the numbers, e.g. "4 of 5 winning days of at
     * least 200.00".
     */
    public record Check(PayoutCondition condition, boolean met, BigDecimal actual, BigDecimal required,
                        String message) {
        public Check {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(message, "message");
        }
    }
}
