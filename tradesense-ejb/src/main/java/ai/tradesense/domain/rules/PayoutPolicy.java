package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The payout conditions of a FUNDED phase (DESIGN §3c, {@code docs/rules.md} §20). Optional conditions are
 * null when the phase does not have them.
 *
 * @param splitPct       the trader's share of each payout's gross amount in percent (0 &lt; x &le; 100)
 * @param firstAfterDays calendar days (24 h) after the phase start before the first request
 * @param everyDays      calendar days (24 h) between a paid payout and the next request
 * @param minTradingDays trading days since the phase start or the last paid payout
 * @param winningDays    days with closed profit &ge; minProfit since the last payout; null for none
 * @param maxBestDayPct  the best day's closed profit may be at most this percent of the profit since the
 *                       last payout; null for no consistency condition
 * @param minAmount      the smallest amount that may be requested (0 for none)
 * @param maxAmount      a cap on one payout: a fixed amount, or a percent of the withdrawable; null for none
 * @param buffer         only profit above initial + buffer is withdrawable; null for none
 * @param requireFlat    no open trades at the request and at its approval
 * @param afterPayout    what a paid payout does to the account's floors and balance
 */
public record PayoutPolicy(BigDecimal splitPct, int firstAfterDays, int everyDays, int minTradingDays,
                           WinningDays winningDays, BigDecimal maxBestDayPct, BigDecimal minAmount,
                           Allowance maxAmount, BigDecimal buffer, boolean requireFlat, AfterPayout afterPayout) {

    public PayoutPolicy {
        Objects.requireNonNull(splitPct, "splitPct");
        Objects.requireNonNull(minAmount, "minAmount");
        Objects.requireNonNull(afterPayout, "afterPayout");
        if (firstAfterDays < 0 || everyDays < 0 || minTradingDays < 0) {
            throw new IllegalArgumentException("payout day counts must not be negative");
        }
    }

    /** {@code count} days, each with a closed profit of at least {@code minProfit}. */
    public record WinningDays(int count, BigDecimal minProfit) {
        public WinningDays {
            Objects.requireNonNull(minProfit, "minProfit");
        }
    }

    /** What happens to the account once a payout is paid. */
    public enum AfterPayout {
        /** The max loss floor and its reference keep their values. */
        KEEP_FLOORS,
        /** The payout takes exactly the withdrawable amount and the account restarts at the initial balance. */
        RESET_BALANCE,
        /** The max loss floor is fixed at the initial balance from then on. */
        LOCK_FLOOR_AT_INITIAL
    }
}
