package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Which equity ticks carry no information the event log needs ({@code docs/rules.md} §18): such a tick
 * updates the account but is not appended. Pure, like {@link Evaluator}; {@link CompactingLog} applies
 * the rule and keeps the log exact.
 */
public final class Compaction {

    private Compaction() {
    }

    /**
     * The equity marks the daily snapshots keep, folded from applied events exactly as the snapshots fold
     * the stored log: per trading day of the event's time, the lowest and highest equity (a day starts
     * at the equity the previous event left), the phase's highest equity and the deepest fall from it. A
     * tick that moves none of them leaves every snapshot as the full stream would have made it. Staff
     * actions are not folded: the snapshots never see them.
     *
     * @param day         the trading day of the last event folded; null before the first
     * @param phaseIndex  the phase the last event folded left the account in
     * @param lastEquity  the equity the last event folded left
     * @param dayLow      lowest equity of the day so far
     * @param dayHigh     highest equity of the day so far
     * @param phasePeak   highest equity of the phase so far
     * @param deepestFall the deepest fall from the phase's highest equity so far, every phase included
     */
    public record Marks(LocalDate day, int phaseIndex, BigDecimal lastEquity, BigDecimal dayLow,
                        BigDecimal dayHigh, BigDecimal phasePeak, BigDecimal deepestFall) {

        public Marks {
            Objects.requireNonNull(lastEquity, "lastEquity");
            Objects.requireNonNull(dayLow, "dayLow");
            Objects.requireNonNull(dayHigh, "dayHigh");
            Objects.requireNonNull(phasePeak, "phasePeak");
            Objects.requireNonNull(deepestFall, "deepestFall");
        }

        /** The marks of a challenge before its first event. */
        public static Marks start(RuleSet rules) {
            BigDecimal initial = rules.initialBalance();
            return new Marks(null, 0, initial, initial, initial, initial, BigDecimal.ZERO);
        }

        /** The marks once {@code event} was applied with {@code evaluation}; an ignored event changes none. */
        public Marks next(RuleSet rules, Event event, Evaluation evaluation) {
            if (evaluation.has(OutcomeType.IGNORED_FROZEN)) {
                return this;
            }
            AccountState after = evaluation.state();
            BigDecimal equity = after.equity();
            LocalDate eventDay = rules.dayBoundary().tradingDayOf(event.at());
            boolean newPhase = day != null && after.phaseIndex() != phaseIndex;
            BigDecimal low = dayLow;
            BigDecimal high = dayHigh;
            LocalDate current = day;
            if (day == null || eventDay.isAfter(day)) {
                low = lastEquity;
                high = lastEquity;
                current = eventDay;
            }
            BigDecimal peak = (newPhase ? equity : phasePeak).max(equity);
            return new Marks(current, after.phaseIndex(), equity, low.min(equity), high.max(equity), peak,
                    deepestFall.max(peak.subtract(equity)));
        }

        /** True when a tick at {@code equity} on {@code eventDay}, in {@code phase}, moves none of the marks. */
        boolean holdStill(LocalDate eventDay, int phase, BigDecimal equity) {
            return eventDay.equals(day) && phase == phaseIndex
                    && equity.compareTo(dayLow) >= 0 && equity.compareTo(dayHigh) <= 0
                    && equity.compareTo(phasePeak) <= 0 && phasePeak.subtract(equity).compareTo(deepestFall) <= 0;
        }
    }

    /**
     * True when {@code event}, which took the account from {@code before} to {@code evaluation}'s state,
     * need not be stored: it is an {@code EQUITY} tick with no outcome, the new state differs from
     * {@code before} in nothing but equity and time (same day, status, floors, peaks, references, trading
     * days, deadlines), its equity moves none of the {@code marks}, and the room-use levels of
     * {@code alertLevels} reached ({@link RiskWatch#warnings}) are the same before and after. A
     * {@code CLOCK} is never compactable: it is rare, deliberate, and the time alone it would carry could
     * not be restored from a later tick.
     */
    public static boolean isCompactable(RuleSet rules, AccountState before, Event event, Evaluation evaluation,
                                        List<Integer> alertLevels, Marks marks) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(alertLevels, "alertLevels");
        Objects.requireNonNull(marks, "marks");
        if (event.type() != EventType.EQUITY || !evaluation.outcomes().isEmpty()) {
            return false;
        }
        AccountState after = evaluation.state();
        if (!after.equals(withEquityAndTime(before, after.equity(), after.lastEventAt()))) {
            return false;
        }
        if (!marks.holdStill(rules.dayBoundary().tradingDayOf(event.at()), after.phaseIndex(), after.equity())) {
            return false;
        }
        return levels(before, rules, alertLevels).equals(levels(after, rules, alertLevels));
    }

    /** The levels reached, without the share used that reached them. */
    private static List<String> levels(AccountState state, RuleSet rules, List<Integer> alertLevels) {
        if (alertLevels.isEmpty()) {
            return List.of();
        }
        return RiskWatch.warnings(state, RiskWatch.roomUse(state, rules), alertLevels).stream()
                .map(w -> w.floor() + "_" + w.percent()).toList();
    }

    private static AccountState withEquityAndTime(AccountState s, BigDecimal equity, Instant at) {
        return new AccountState(s.status(), s.phaseIndex(), s.phaseStartedAt(), s.balance(), equity,
                s.currentDayStart(), s.nextDayStart(), s.dayStartBalance(), s.dayStartEquity(), s.dayPeakEquity(),
                s.maxLossReference(), s.maxLossFloor(), s.tradingDays(), s.lastTradingDay(),
                s.lastTradeOpenedAt(), s.dayClosedProfit(), s.bestDayProfit(), s.openTradeIds(), at,
                s.pausedUntil(), s.timeLimitAt(), s.inactivityDeadline(), s.failure(), s.conduct(),
                s.funded());
    }
}
