package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Daily loss floor = anchor − allowance ({@code docs/rules.md} §4).
 *
 * @param allowance the loss allowed per trading day
 * @param of        what a percentage allowance is taken of (ignored for a fixed amount)
 * @param anchor    the value the allowance is subtracted from
 * @param check     when the floor is tested
 * @param onBreach  what a breach does
 */
public record DailyLossRule(Allowance allowance, Base of, Anchor anchor, Check check, OnBreach onBreach) {

    public DailyLossRule {
        Objects.requireNonNull(allowance, "allowance");
        Objects.requireNonNull(of, "of");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(onBreach, "onBreach");
    }

    /**
     * The floor of a trading day.
     *
     * @param initial         the phase's initial balance
     * @param dayStartBalance the balance at the day's boundary
     * @param dayStartEquity  the equity at the day's boundary
     * @param dayPeakEquity   the highest equity of the day so far
     */
    public BigDecimal floor(BigDecimal initial, BigDecimal dayStartBalance, BigDecimal dayStartEquity,
                            BigDecimal dayPeakEquity) {
        BigDecimal anchorValue = anchorValue(dayStartBalance, dayStartEquity, dayPeakEquity);
        return anchorValue.subtract(amount(initial, anchorValue));
    }

    /** The day's whole room: anchor − floor, what may be lost from the anchor before the floor. */
    public BigDecimal room(BigDecimal initial, BigDecimal dayStartBalance, BigDecimal dayStartEquity,
                           BigDecimal dayPeakEquity) {
        return amount(initial, anchorValue(dayStartBalance, dayStartEquity, dayPeakEquity));
    }

    private BigDecimal anchorValue(BigDecimal dayStartBalance, BigDecimal dayStartEquity, BigDecimal dayPeakEquity) {
        return switch (anchor) {
            case DAY_START_BALANCE -> dayStartBalance;
            case DAY_START_EQUITY -> dayStartEquity;
            case DAY_START_MAX -> dayStartBalance.max(dayStartEquity);
            case DAY_PEAK_EQUITY -> dayPeakEquity;
        };
    }

    private BigDecimal amount(BigDecimal initial, BigDecimal anchorValue) {
        return allowance.amountOf(of == Base.ANCHOR ? anchorValue : initial);
    }

    /** The base of a percentage allowance. */
    public enum Base { INITIAL, ANCHOR }

    public enum Anchor { DAY_START_BALANCE, DAY_START_EQUITY, DAY_START_MAX, DAY_PEAK_EQUITY }

    public enum Check { INTRADAY, END_OF_DAY }

    public enum OnBreach { FAIL, PAUSE }
}
