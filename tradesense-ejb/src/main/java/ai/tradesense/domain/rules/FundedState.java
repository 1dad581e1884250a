package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * What the funded stage keeps between events ({@code docs/rules.md} §20): the payout cycle's counters since
 * the phase start or the last paid payout, the scaling period's, and what scaling changed. {@link #NONE}
 * for a phase without a payout policy or scaling plan. Only the engine makes new ones.
 *
 * @param initialBalance   the account's initial balance as scaling made it; null for {@link #NONE}
 * @param splitPct         the trader's share of the next payout in percent; null without a payout policy
 * @param cycleTradingDays trading days counted since the phase start or the last paid payout
 * @param winningDays      finished trading days of the cycle whose closed profit reached the policy's minimum
 * @param bestDayProfit    the best finished trading day's closed profit of the cycle (0 to start)
 * @param cycleProfit      closed profit since the phase start or the last paid payout
 * @param dayProfitPaid    the current day's closed profit made before today's payout (it belongs to the paid
 *                         cycle); 0 at each day boundary
 * @param lastPayoutAt     when the last payout was paid; null before the first
 * @param payoutsPaid      payouts paid in the phase
 * @param paidTotal        gross amount paid in the phase
 * @param periodStartedAt  when the current scaling period started (the phase start or the last review)
 * @param periodProfit     closed profit of the current scaling period (payouts do not reduce it)
 * @param periodPayouts    payouts paid in the current scaling period
 * @param nextReviewAt     the next scaling review; null without a scaling plan
 * @param floorLocked      a payout with LOCK_FLOOR_AT_INITIAL fixed the max loss floor at the initial balance
 * @param pendingRequest   a payout request waits for staff
 */
public record FundedState(BigDecimal initialBalance, BigDecimal splitPct, int cycleTradingDays, int winningDays,
                          BigDecimal bestDayProfit, BigDecimal cycleProfit, BigDecimal dayProfitPaid,
                          Instant lastPayoutAt, int payoutsPaid, BigDecimal paidTotal, Instant periodStartedAt,
                          BigDecimal periodProfit, int periodPayouts, Instant nextReviewAt, boolean floorLocked,
                          boolean pendingRequest) {

    /** Not funded, or funded without payouts or scaling. */
    public static final FundedState NONE = new FundedState(null, null, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, null, 0, BigDecimal.ZERO, null, BigDecimal.ZERO, 0, null, false, false);

    public FundedState {
        // States stored before a counter existed read it as null: it is zero.
        bestDayProfit = zeroIfNull(bestDayProfit);
        cycleProfit = zeroIfNull(cycleProfit);
        dayProfitPaid = zeroIfNull(dayProfitPaid);
        paidTotal = zeroIfNull(paidTotal);
        periodProfit = zeroIfNull(periodProfit);
    }

    /** The funded stage of phase {@code phase} starting at {@code at}; NONE for a phase without either policy. */
    static FundedState start(RuleSet rules, PhaseRules phase, Instant at) {
        if (phase.kind() != PhaseKind.FUNDED || (phase.payout() == null && phase.scaling() == null)) {
            return NONE;
        }
        BigDecimal split = phase.payout() == null ? null : phase.payout().splitPct();
        Instant review = phase.scaling() == null ? null : at.plus(Duration.ofDays(phase.scaling().everyDays()));
        return new FundedState(rules.initialBalance(), split, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, null, 0, BigDecimal.ZERO, at, BigDecimal.ZERO, 0, review, false, false);
    }

    public boolean isFunded() {
        return initialBalance != null;
    }

    /** The same state with the pending flag set as given. */
    public FundedState withPending(boolean pending) {
        return new FundedState(initialBalance, splitPct, cycleTradingDays, winningDays, bestDayProfit, cycleProfit,
                dayProfitPaid, lastPayoutAt, payoutsPaid, paidTotal, periodStartedAt, periodProfit, periodPayouts,
                nextReviewAt, floorLocked, pending);
    }

    /** A trade closed with {@code profit}: the cycle's and the period's closed profit move. */
    FundedState closed(BigDecimal profit) {
        return new FundedState(initialBalance, splitPct, cycleTradingDays, winningDays, bestDayProfit,
                cycleProfit.add(profit), dayProfitPaid, lastPayoutAt, payoutsPaid, paidTotal, periodStartedAt,
                periodProfit.add(profit), periodPayouts, nextReviewAt, floorLocked, pendingRequest);
    }

    /** A new trading day was counted. */
    FundedState tradingDayCounted() {
        return new FundedState(initialBalance, splitPct, cycleTradingDays + 1, winningDays, bestDayProfit,
                cycleProfit, dayProfitPaid, lastPayoutAt, payoutsPaid, paidTotal, periodStartedAt, periodProfit,
                periodPayouts, nextReviewAt, floorLocked, pendingRequest);
    }

    /** The cycle's share of a trading day's closed profit: what was made after the day's payout, if any. */
    public BigDecimal cycleDayProfit(BigDecimal dayClosedProfit) {
        return dayClosedProfit.subtract(dayProfitPaid);
    }

    /** A trading day with {@code dayClosedProfit} ended: it counts as winning or not, and for the best day. */
    FundedState dayEnded(BigDecimal dayClosedProfit, PayoutPolicy policy) {
        BigDecimal day = cycleDayProfit(dayClosedProfit);
        boolean winning = policy != null && policy.winningDays() != null
                && day.compareTo(policy.winningDays().minProfit()) >= 0;
        return new FundedState(initialBalance, splitPct, cycleTradingDays, winningDays + (winning ? 1 : 0),
                bestDayProfit.max(day), cycleProfit, BigDecimal.ZERO, lastPayoutAt, payoutsPaid, paidTotal,
                periodStartedAt, periodProfit, periodPayouts, nextReviewAt, floorLocked, pendingRequest);
    }

    /** A payout of {@code amount} was paid at {@code at}: the cycle restarts, the counts grow. */
    FundedState paid(BigDecimal amount, Instant at, BigDecimal dayClosedProfit, boolean lockFloor) {
        return new FundedState(initialBalance, splitPct, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, dayClosedProfit,
                at, payoutsPaid + 1, paidTotal.add(amount), periodStartedAt, periodProfit, periodPayouts + 1,
                nextReviewAt, floorLocked || lockFloor, false);
    }

    /** A scaling review at {@code at}: the next period starts, with {@code initial} and {@code split}. */
    FundedState reviewed(Instant at, BigDecimal initial, BigDecimal split, int everyDays) {
        return new FundedState(initial, split, cycleTradingDays, winningDays, bestDayProfit, cycleProfit,
                dayProfitPaid, lastPayoutAt, payoutsPaid, paidTotal, at, BigDecimal.ZERO, 0,
                nextReviewAt.plus(Duration.ofDays(everyDays)), floorLocked, pendingRequest);
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
