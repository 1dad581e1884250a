package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the engine knows about one challenge's account, immutable and made of plain values so the
 * persistence layer can store it column by column. Only {@link Evaluator} makes new states.
 *
 * @param status             where the challenge stands
 * @param phaseIndex         the current phase, 0-based
 * @param phaseStartedAt     when the current phase (and its fresh account) started
 * @param balance            closed balance
 * @param equity             balance plus floating profit, as last known
 * @param currentDayStart    the boundary that started the current trading day
 * @param nextDayStart       the boundary that ends it (kept so an event needs no zone arithmetic)
 * @param dayStartBalance    balance at {@code currentDayStart}
 * @param dayStartEquity     equity at {@code currentDayStart}
 * @param dayPeakEquity      highest equity of the current trading day, starting at day-start equity
 * @param maxLossReference   what the max loss allowance is taken from (initial balance or the trailing high)
 * @param maxLossFloor       the max loss floor, never falling within a phase; null when the phase has none
 * @param tradingDays        trading days with at least one trade opened in this phase
 * @param lastTradingDay     the last day counted; null before the first trade of the phase
 * @param lastTradeOpenedAt  when the last trade of the phase was opened; null before the first
 * @param dayClosedProfit    closed profit of the current trading day
 * @param bestDayProfit      the best closed profit of a finished trading day of the phase (0 to start)
 * @param openTradeIds       ids of the open trades
 * @param lastEventAt        time of the last applied event; events never go back before it
 * @param pausedUntil        the boundary a daily-loss pause lifts at; null unless PAUSED
 * @param timeLimitAt        the deadline of {@code maxDays}; null for none
 * @param inactivityDeadline when the account fails for no trade opened; null for none
 * @param failure            why it failed; null unless FAILED
 * @param conduct            what the conduct rules remember ({@code docs/rules.md} §19); never null,
 *                           {@link ConductState#NONE} without them (and in states stored before them)
 * @param funded             the funded stage's counters ({@code docs/rules.md} §20); {@link FundedState#NONE}
 *                           outside a funded phase with payouts or scaling, and for states stored before it
 */
public record AccountState(ChallengeStatus status, int phaseIndex, Instant phaseStartedAt,
                           BigDecimal balance, BigDecimal equity,
                           Instant currentDayStart, Instant nextDayStart,
                           BigDecimal dayStartBalance, BigDecimal dayStartEquity, BigDecimal dayPeakEquity,
                           BigDecimal maxLossReference, BigDecimal maxLossFloor,
                           int tradingDays, LocalDate lastTradingDay, Instant lastTradeOpenedAt,
                           BigDecimal dayClosedProfit, BigDecimal bestDayProfit,
                           Set<String> openTradeIds, Instant lastEventAt, Instant pausedUntil,
                           Instant timeLimitAt, Instant inactivityDeadline, Failure failure,
                           ConductState conduct, FundedState funded) {

    public AccountState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(phaseStartedAt, "phaseStartedAt");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(currentDayStart, "currentDayStart");
        Objects.requireNonNull(nextDayStart, "nextDayStart");
        Objects.requireNonNull(dayStartBalance, "dayStartBalance");
        Objects.requireNonNull(dayStartEquity, "dayStartEquity");
        Objects.requireNonNull(dayPeakEquity, "dayPeakEquity");
        Objects.requireNonNull(maxLossReference, "maxLossReference");
        Objects.requireNonNull(dayClosedProfit, "dayClosedProfit");
        Objects.requireNonNull(bestDayProfit, "bestDayProfit");
        Objects.requireNonNull(lastEventAt, "lastEventAt");
        if (phaseIndex < 0) {
            throw new IllegalArgumentException("phaseIndex must not be negative");
        }
        if (tradingDays < 0) {
            throw new IllegalArgumentException("tradingDays must not be negative");
        }
        if (!nextDayStart.isAfter(currentDayStart)) {
            throw new IllegalArgumentException("nextDayStart must be after currentDayStart");
        }
        if ((status == ChallengeStatus.PAUSED) != (pausedUntil != null)) {
            throw new IllegalArgumentException("a pause has an end exactly when the status is PAUSED");
        }
        if ((status == ChallengeStatus.FAILED) != (failure != null)) {
            throw new IllegalArgumentException("a failure is recorded exactly when the status is FAILED");
        }
        if (funded == null) {
            funded = FundedState.NONE;
        }
        // Set.copyOf returns an already immutable set as it is, so this costs nothing on the hot path.
        openTradeIds = Set.copyOf(openTradeIds);
        if (conduct == null) {
            conduct = ConductState.NONE;
        }
    }

    /**
     * Equal when every component is, as a record's own equality (written out: the generated one, a chain
     * of method handles over 25 components, cost most of tick compaction's check that a tick changed
     * nothing but equity and time), and hashed over the same components.
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof AccountState o
                && equity.equals(o.equity) && lastEventAt.equals(o.lastEventAt)
                && status == o.status && phaseIndex == o.phaseIndex && tradingDays == o.tradingDays
                && balance.equals(o.balance) && dayPeakEquity.equals(o.dayPeakEquity)
                && Objects.equals(maxLossFloor, o.maxLossFloor) && maxLossReference.equals(o.maxLossReference)
                && dayStartBalance.equals(o.dayStartBalance) && dayStartEquity.equals(o.dayStartEquity)
                && dayClosedProfit.equals(o.dayClosedProfit) && bestDayProfit.equals(o.bestDayProfit)
                && currentDayStart.equals(o.currentDayStart) && nextDayStart.equals(o.nextDayStart)
                && phaseStartedAt.equals(o.phaseStartedAt)
                && Objects.equals(lastTradingDay, o.lastTradingDay)
                && Objects.equals(lastTradeOpenedAt, o.lastTradeOpenedAt)
                && Objects.equals(pausedUntil, o.pausedUntil) && Objects.equals(timeLimitAt, o.timeLimitAt)
                && Objects.equals(inactivityDeadline, o.inactivityDeadline) && Objects.equals(failure, o.failure)
                && openTradeIds.equals(o.openTradeIds) && conduct.equals(o.conduct) && funded.equals(o.funded);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, phaseIndex, phaseStartedAt, balance, equity, currentDayStart, nextDayStart,
                dayStartBalance, dayStartEquity, dayPeakEquity, maxLossReference, maxLossFloor, tradingDays,
                lastTradingDay, lastTradeOpenedAt, dayClosedProfit, bestDayProfit, openTradeIds, lastEventAt,
                pausedUntil, timeLimitAt, inactivityDeadline, failure, conduct, funded);
    }

    /** A fresh account for the first phase, starting at {@code startAt}. */
    public static AccountState start(RuleSet rules, Instant startAt) {
        return freshPhase(rules, 0, startAt);
    }

    /** A fresh account for phase {@code phaseIndex}: initial balance, no trades, new floors, day count 0. */
    static AccountState freshPhase(RuleSet rules, int phaseIndex, Instant at) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(at, "at");
        PhaseRules phase = rules.phase(phaseIndex);
        BigDecimal initial = rules.initialBalance();
        DayBoundary days = rules.dayBoundary();
        BigDecimal floor = phase.maxLoss() == null ? null : phase.maxLoss().floor(initial, initial);
        return new AccountState(ChallengeStatus.ACTIVE, phaseIndex, at, initial, initial,
                days.dayStartOf(at), days.nextAfter(at), initial, initial, initial,
                initial, floor, 0, null, null, BigDecimal.ZERO, BigDecimal.ZERO, Set.of(), at, null,
                plusDays(rules, at, phase.maxDays()), plusDays(rules, at, phase.inactivityDays()), null,
                ConductState.start(phase.conduct(), at), FundedState.start(rules, phase, at));
    }

    /** The same account with new money figures and funded counters: a payout or a scaling step. */
    AccountState rebased(BigDecimal newBalance, BigDecimal newEquity, BigDecimal newDayStartBalance,
                         BigDecimal newDayStartEquity, BigDecimal newDayPeakEquity, BigDecimal newReference,
                         BigDecimal newFloor, FundedState newFunded) {
        return new AccountState(status, phaseIndex, phaseStartedAt, newBalance, newEquity, currentDayStart,
                nextDayStart, newDayStartBalance, newDayStartEquity, newDayPeakEquity, newReference, newFloor,
                tradingDays, lastTradingDay, lastTradeOpenedAt, dayClosedProfit, bestDayProfit, openTradeIds,
                lastEventAt, pausedUntil, timeLimitAt, inactivityDeadline, failure, conduct, newFunded);
    }

    /** The same account with a payout request pending or not ({@code docs/rules.md} §20.5). */
    public AccountState withPayoutPending(boolean pending) {
        return rebased(balance, equity, dayStartBalance, dayStartEquity, dayPeakEquity, maxLossReference,
                maxLossFloor, funded.withPending(pending));
    }

    /** The account's initial balance: the plan's, or what scaling made it in a funded phase. */
    public BigDecimal initialBalance(RuleSet rules) {
        return funded.isFunded() ? funded.initialBalance() : rules.initialBalance();
    }

    /** {@code days} calendar days after {@code from} in the plan's zone; null when {@code days} is null. */
    static Instant plusDays(RuleSet rules, Instant from, Integer days) {
        if (days == null) {
            return null;
        }
        return from.atZone(rules.dayBoundary().zone()).plusDays(days).toInstant();
    }

    /** Today's daily loss floor as it stands; null when the phase has no daily loss rule. */
    public BigDecimal dailyLossFloor(RuleSet rules) {
        DailyLossRule rule = rules.phase(phaseIndex).dailyLoss();
        return rule == null ? null
                : rule.floor(initialBalance(rules), dayStartBalance, dayStartEquity, dayPeakEquity);
    }

    /** The closed balance that passes the phase; null when it has no target (a funded phase never does). */
    public BigDecimal profitTargetBalance(RuleSet rules) {
        PhaseRules phase = rules.phase(phaseIndex);
        if (phase.kind() == PhaseKind.FUNDED || phase.profitTarget() == null) {
            return null;
        }
        return phase.profitTarget().balance(initialBalance(rules));
    }

    /**
     * How far equity may still fall before the daily floor: equity − floor (negative once breached);
     * null without a daily rule.
     */
    public BigDecimal dailyLossRoom(RuleSet rules) {
        BigDecimal floor = dailyLossFloor(rules);
        return floor == null ? null : equity.subtract(floor);
    }

    /** How far equity may still fall before the max loss floor; null without a max loss rule. */
    public BigDecimal maxLossRoom() {
        return maxLossFloor == null ? null : equity.subtract(maxLossFloor);
    }

    /**
     * Progress to the profit target in percent of the target's profit ((closed profit − excluded profit) ÷
     * target profit × 100, two decimals, not capped; negative when in loss); null without a target.
     */
    public BigDecimal profitTargetProgressPct(RuleSet rules) {
        BigDecimal target = profitTargetBalance(rules);
        if (target == null) {
            return null;
        }
        BigDecimal needed = target.subtract(initialBalance(rules));
        return needed.signum() <= 0 ? null
                : totalProfit(rules).subtract(excludedProfit()).multiply(BigDecimal.valueOf(100))
                        .divide(needed, 2, RoundingMode.HALF_EVEN);
    }

    /** Profit kept in the balance but not counted toward the profit target (and payouts): §19's EXCLUDE. */
    public BigDecimal excludedProfit() {
        return conduct.excludedProfit();
    }

    /** Closed profit of the phase so far. */
    public BigDecimal totalProfit(RuleSet rules) {
        return balance.subtract(initialBalance(rules));
    }

    /** The best trading day's closed profit, the current day as it stands included. */
    public BigDecimal bestDayProfitSoFar() {
        return bestDayProfit.max(dayClosedProfit);
    }

    public int openTrades() {
        return openTradeIds.size();
    }

    public boolean isFlat() {
        return openTradeIds.isEmpty();
    }
}
