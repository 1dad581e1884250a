package ai.tradesense.domain.rules;

import java.math.BigDecimal;

import ai.tradesense.domain.rules.PayoutPolicy.AfterPayout;

/** Payout policies and scaling plans for tests, with the plan JSON's defaults: {@code payout("80").every(7)}. */
final class Policies {

    private BigDecimal split;
    private int firstAfterDays = 14;
    private int everyDays = 14;
    private int minTradingDays;
    private PayoutPolicy.WinningDays winningDays;
    private BigDecimal maxBestDayPct;
    private BigDecimal minAmount = BigDecimal.ZERO;
    private Allowance maxAmount;
    private BigDecimal buffer;
    private boolean requireFlat = true;
    private AfterPayout afterPayout = AfterPayout.KEEP_FLOORS;

    private Policies(String split) {
        this.split = new BigDecimal(split);
    }

    static Policies payout(String splitPct) {
        return new Policies(splitPct);
    }

    static ScalingPolicy scaling(int everyDays, String minProfitPct, int minPayouts, String increasePct,
                                 String maxBalance, String splitPct) {
        return new ScalingPolicy(everyDays, new BigDecimal(minProfitPct), minPayouts, new BigDecimal(increasePct),
                new BigDecimal(maxBalance), new BigDecimal(splitPct));
    }

    Policies firstAfter(int days) {
        firstAfterDays = days;
        return this;
    }

    Policies every(int days) {
        everyDays = days;
        return this;
    }

    Policies minTradingDays(int days) {
        minTradingDays = days;
        return this;
    }

    Policies winningDays(int count, String minProfit) {
        winningDays = new PayoutPolicy.WinningDays(count, new BigDecimal(minProfit));
        return this;
    }

    Policies consistency(String pct) {
        maxBestDayPct = new BigDecimal(pct);
        return this;
    }

    Policies minAmount(String amount) {
        minAmount = new BigDecimal(amount);
        return this;
    }

    Policies maxAmount(Allowance cap) {
        maxAmount = cap;
        return this;
    }

    Policies buffer(String amount) {
        buffer = new BigDecimal(amount);
        return this;
    }

    Policies notFlat() {
        requireFlat = false;
        return this;
    }

    Policies after(AfterPayout mode) {
        afterPayout = mode;
        return this;
    }

    PayoutPolicy build() {
        return new PayoutPolicy(split, firstAfterDays, everyDays, minTradingDays, winningDays, maxBestDayPct,
                minAmount, maxAmount, buffer, requireFlat, afterPayout);
    }
}
