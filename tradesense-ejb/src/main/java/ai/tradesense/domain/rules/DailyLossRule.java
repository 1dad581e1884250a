package ai.tradesense.domain.rules;

import java.util.Objects;

/**
 * Daily loss floor = anchor − allowance.
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

    /** The base of a percentage allowance. */
    public enum Base { INITIAL, ANCHOR }

    public enum Anchor { DAY_START_BALANCE, DAY_START_EQUITY, DAY_START_MAX, DAY_PEAK_EQUITY }

    public enum Check { INTRADAY, END_OF_DAY }

    public enum OnBreach { FAIL, PAUSE }
}
