package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import ai.tradesense.domain.rules.PayoutEligibility.Check;
import ai.tradesense.domain.rules.PayoutPolicy.AfterPayout;

/**
 * The funded stage's rules ({@code docs/rules.md} §20): who may be paid how much, what a payout does to the
 * account, and what a scaling review does. Pure, like {@link Evaluator}, which calls it with the account
 * already brought to the instant judged.
 */
public final class PayoutRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PayoutRules() {
    }

    /**
     * Every condition of the phase's payout policy at {@code at}, for {@code requested} (null: the whole
     * withdrawable). {@code approving} is true when the request judged is the pending one itself.
     */
    static PayoutEligibility judge(RuleSet rules, AccountState s, Instant at, BigDecimal requested,
                                   boolean approving) {
        PhaseRules phase = rules.phase(s.phaseIndex());
        PayoutPolicy p = phase.payout();
        FundedState f = s.funded();
        List<Check> checks = new ArrayList<>();
        boolean trading = s.status() == ChallengeStatus.ACTIVE || s.status() == ChallengeStatus.PAUSED;
        if (p == null || !f.isFunded() || !trading) {
            String why = p == null || !f.isFunded()
                    ? "phase " + phase.name() + " is not a funded phase with a payout policy"
                    : "the challenge is " + s.status();
            checks.add(new Check(PayoutCondition.NOT_FUNDED, false, null, null, why));
            return new PayoutEligibility(at, requested, BigDecimal.ZERO, null, null, checks);
        }
        String currency = rules.currency();
        checks.add(new Check(PayoutCondition.NOT_FUNDED, true, null, null, "funded in phase " + phase.name()));
        if (!approving) {
            checks.add(new Check(PayoutCondition.PENDING, !f.pendingRequest(), null, null,
                    f.pendingRequest() ? "another payout request is pending" : "no other payout request is pending"));
        }
        String since = f.lastPayoutAt() == null ? "since the funded phase started" : "since the last payout";
        if (f.lastPayoutAt() == null) {
            checks.add(days(PayoutCondition.FIRST_AFTER_DAYS, s.phaseStartedAt(), at, p.firstAfterDays(),
                    "the funded phase started", "the first payout"));
        } else {
            checks.add(days(PayoutCondition.EVERY_DAYS, f.lastPayoutAt(), at, p.everyDays(),
                    "the last payout", "the next payout"));
        }
        if (p.minTradingDays() > 0) {
            int have = f.cycleTradingDays();
            checks.add(new Check(PayoutCondition.MIN_TRADING_DAYS, have >= p.minTradingDays(),
                    BigDecimal.valueOf(have), BigDecimal.valueOf(p.minTradingDays()),
                    have + " of " + p.minTradingDays() + " trading days " + since));
        }
        BigDecimal today = f.cycleDayProfit(s.dayClosedProfit());
        if (p.winningDays() != null) {
            PayoutPolicy.WinningDays w = p.winningDays();
            int have = f.winningDays() + (today.compareTo(w.minProfit()) >= 0 ? 1 : 0);
            checks.add(new Check(PayoutCondition.WINNING_DAYS, have >= w.count(), BigDecimal.valueOf(have),
                    BigDecimal.valueOf(w.count()), have + " of " + w.count() + " winning days of at least "
                    + money(w.minProfit(), currency) + " " + since));
        }
        if (p.maxBestDayPct() != null) {
            BigDecimal best = f.bestDayProfit().max(today);
            BigDecimal profit = f.cycleProfit();
            BigDecimal allowed = profit.max(BigDecimal.ZERO).multiply(p.maxBestDayPct()).movePointLeft(2);
            boolean holds = new ConsistencyRule(p.maxBestDayPct(), false).holds(best, profit);
            checks.add(new Check(PayoutCondition.CONSISTENCY, holds, best, allowed, "best day "
                    + money(best, currency) + (holds ? " is within " : " is more than ")
                    + plain(p.maxBestDayPct()) + "% of the profit " + since + " " + money(profit, currency)
                    + " (at most " + money(allowed, currency) + ")"));
        }
        BigDecimal withdrawable = withdrawable(rules, s);
        BigDecimal amount = requested == null ? withdrawable : requested;
        if (p.minAmount().signum() > 0) {
            boolean enough = amount.compareTo(p.minAmount()) >= 0;
            checks.add(new Check(PayoutCondition.MIN_AMOUNT, enough, amount, p.minAmount(), "amount "
                    + money(amount, currency) + (enough ? " is at least the minimum " : " is below the minimum ")
                    + money(p.minAmount(), currency)));
        }
        checks.add(withdrawableCheck(p, amount, withdrawable, currency));
        if (p.requireFlat()) {
            int open = s.openTrades();
            checks.add(new Check(PayoutCondition.NOT_FLAT, open == 0, BigDecimal.valueOf(open), BigDecimal.ZERO,
                    open == 0 ? "no trade is open" : open + (open == 1 ? " trade is open" : " trades are open")));
        }
        BigDecimal[] shares = shares(amount, f.splitPct(), currency);
        return new PayoutEligibility(at, amount, withdrawable, shares[0], shares[1], checks);
    }

    private static Check days(PayoutCondition condition, Instant from, Instant at, int needed, String fromWhat,
                              String which) {
        Instant allowedFrom = from.plus(Duration.ofDays(needed));
        boolean met = !at.isBefore(allowedFrom);
        long passed = Math.max(0, Duration.between(from, at).toDays());
        String message = met ? passed + " days since " + fromWhat + " (" + needed + " needed)"
                : passed + " of " + needed + " days since " + fromWhat + "; " + which + " may be requested from "
                + allowedFrom;
        return new Check(condition, met, BigDecimal.valueOf(passed), BigDecimal.valueOf(needed), message);
    }

    private static Check withdrawableCheck(PayoutPolicy p, BigDecimal amount, BigDecimal withdrawable,
                                           String currency) {
        String w = money(withdrawable, currency);
        if (withdrawable.signum() <= 0) {
            return new Check(PayoutCondition.WITHDRAWABLE, false, amount, withdrawable, "nothing is withdrawable");
        }
        if (p.afterPayout() == AfterPayout.RESET_BALANCE) {
            boolean exact = amount.compareTo(withdrawable) == 0;
            return new Check(PayoutCondition.WITHDRAWABLE, exact, amount, withdrawable, exact
                    ? "amount " + w + " is the whole withdrawable"
                    : "RESET_BALANCE pays exactly the withdrawable " + w + ", not " + money(amount, currency));
        }
        boolean within = amount.compareTo(withdrawable) <= 0;
        return new Check(PayoutCondition.WITHDRAWABLE, within, amount, withdrawable, "amount "
                + money(amount, currency) + (within ? " is within the withdrawable " : " exceeds the withdrawable ")
                + w);
    }

    /**
     * What may be paid now: balance − (initial + buffer), at least 0, the excluded profit subtracted, capped
     * by {@code maxAmount}, and capped so that equity stays at or above the max loss floor that applies
     * after the payout (one minor unit above it under AT_OR_BELOW, where equal would breach).
     * 0 when the phase has no payout policy.
     */
    public static BigDecimal withdrawable(RuleSet rules, AccountState s) {
        PayoutPolicy p = rules.phase(s.phaseIndex()).payout();
        if (p == null || !s.funded().isFunded()) {
            return BigDecimal.ZERO;
        }
        BigDecimal initial = s.initialBalance(rules);
        BigDecimal buffer = p.buffer() == null ? BigDecimal.ZERO : p.buffer();
        BigDecimal w = positive(s.balance().subtract(initial).subtract(buffer));
        w = positive(w.subtract(s.excludedProfit()));
        if (p.maxAmount() instanceof Allowance.Fixed fixed) {
            w = w.min(fixed.value());
        } else if (p.maxAmount() instanceof Allowance.Percent pct) {
            w = pct.amountOf(w);
        }
        BigDecimal margin = rules.breachWhen() == BreachWhen.AT_OR_BELOW ? minorUnit(rules.currency()) : BigDecimal.ZERO;
        if (p.afterPayout() == AfterPayout.RESET_BALANCE) {
            MaxLossRule maxLoss = rules.phase(s.phaseIndex()).maxLoss();
            BigDecimal equityAfter = initial.add(s.equity().subtract(s.balance()));
            if (maxLoss != null && equityAfter.compareTo(maxLoss.floor(initial, initial).add(margin)) < 0) {
                return BigDecimal.ZERO;
            }
            return w;
        }
        BigDecimal floorAfter = p.afterPayout() == AfterPayout.LOCK_FLOOR_AT_INITIAL ? initial : s.maxLossFloor();
        if (floorAfter != null) {
            w = w.min(positive(s.equity().subtract(floorAfter).subtract(margin)));
        }
        return w;
    }

    /** The account once {@code amount} is paid at {@code at}; the payout was judged eligible. */
    static AccountState pay(RuleSet rules, AccountState s, BigDecimal amount, Instant at) {
        PhaseRules phase = rules.phase(s.phaseIndex());
        AfterPayout after = phase.payout().afterPayout();
        BigDecimal initial = s.initialBalance(rules);
        FundedState funded = s.funded().paid(amount, at, s.dayClosedProfit(),
                after == AfterPayout.LOCK_FLOOR_AT_INITIAL);
        if (after == AfterPayout.RESET_BALANCE) {
            // A fresh account as at a phase start; floating profit, if trades may stay open, is kept.
            BigDecimal equity = initial.add(s.equity().subtract(s.balance()));
            MaxLossRule maxLoss = phase.maxLoss();
            BigDecimal floor = maxLoss == null ? null : maxLoss.floor(initial, initial);
            return s.rebased(initial, equity, initial, initial, initial.max(equity), initial, floor, funded);
        }
        BigDecimal floor = after == AfterPayout.LOCK_FLOOR_AT_INITIAL ? initial : s.maxLossFloor();
        return s.rebased(s.balance().subtract(amount), s.equity().subtract(amount),
                s.dayStartBalance().subtract(amount), s.dayStartEquity().subtract(amount),
                s.dayPeakEquity().subtract(amount), s.maxLossReference(), floor, funded);
    }

    /** A scaling review's result: the account after it, and the outcome when it scaled (else null). */
    record Review(AccountState state, Outcome.Scaled scaled) { }

    /**
     * The scaling review due at {@code at}: when the period's closed profit reached minProfitPct% of the
     * initial balance, its payouts minPayouts and the balance the initial balance, the initial balance grows
     * by increasePct% of the plan's original initial balance (never above maxBalance), the balance, equity,
     * day anchors and max loss reference by the same amount, the floors follow, and the split becomes
     * splitPct. The next period starts either way.
     */
    static Review review(RuleSet rules, AccountState s, Instant at) {
        PhaseRules phase = rules.phase(s.phaseIndex());
        ScalingPolicy scaling = phase.scaling();
        FundedState f = s.funded();
        BigDecimal initial = s.initialBalance(rules);
        boolean qualifies = f.periodProfit().compareTo(initial.multiply(scaling.minProfitPct()).movePointLeft(2)) >= 0
                && f.periodPayouts() >= scaling.minPayouts()
                && s.balance().compareTo(initial) >= 0;
        BigDecimal grown = qualifies
                ? initial.add(rules.initialBalance().multiply(scaling.increasePct()).movePointLeft(2))
                        .min(scaling.maxBalance()).max(initial)
                : initial;
        BigDecimal split = qualifies ? scaling.splitPct() : f.splitPct();
        FundedState next = f.reviewed(at, grown, split, scaling.everyDays());
        BigDecimal delta = grown.subtract(initial);
        boolean changed = delta.signum() > 0 || (split != null && f.splitPct() != null
                && split.compareTo(f.splitPct()) != 0);
        if (!changed) {
            return new Review(s.rebased(s.balance(), s.equity(), s.dayStartBalance(), s.dayStartEquity(),
                    s.dayPeakEquity(), s.maxLossReference(), s.maxLossFloor(), next), null);
        }
        BigDecimal reference = s.maxLossReference().add(delta);
        BigDecimal floor = s.maxLossFloor();
        if (floor != null) {
            if (f.floorLocked()) {
                floor = grown;
            } else if (phase.maxLoss() != null) {
                floor = floor.max(phase.maxLoss().floor(grown, reference));
            }
        }
        AccountState scaled = s.rebased(s.balance().add(delta), s.equity().add(delta),
                s.dayStartBalance().add(delta), s.dayStartEquity().add(delta), s.dayPeakEquity().add(delta),
                reference, floor, next);
        return new Review(scaled, new Outcome.Scaled(grown, split));
    }

    /** The trader's share (rounded down to the currency's minor unit) and the firm's (the rest). */
    static BigDecimal[] shares(BigDecimal amount, BigDecimal splitPct, String currency) {
        if (amount == null || splitPct == null) {
            return new BigDecimal[] {null, null};
        }
        BigDecimal trader = amount.multiply(splitPct).divide(HUNDRED)
                .setScale(Math.max(digits(currency), 0), RoundingMode.DOWN);
        if (trader.compareTo(amount) > 0) {
            trader = amount;
        }
        return new BigDecimal[] {trader, amount.subtract(trader)};
    }

    /** An amount as a message shows it: at least the currency's decimals, e.g. 200.00. */
    static String money(BigDecimal value, String currency) {
        int digits = digits(currency);
        return value.scale() >= digits ? value.toPlainString() : value.setScale(digits).toPlainString();
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static int digits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    private static BigDecimal minorUnit(String currency) {
        return BigDecimal.ONE.movePointLeft(digits(currency));
    }

    private static BigDecimal positive(BigDecimal value) {
        return value.signum() < 0 ? BigDecimal.ZERO : value;
    }
}
