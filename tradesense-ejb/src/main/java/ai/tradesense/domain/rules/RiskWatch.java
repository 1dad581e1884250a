package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the risk worker asks of an account between events, answered from the engine's own state: which
 * day boundaries and deadlines have passed (and need a {@code CLOCK}), how much of each floor's room is
 * used, and whether the platform's feed has gone quiet. Pure, like {@link Evaluator}; the worker applies
 * what is due through {@link Evaluator#apply} and nowhere else ({@code docs/rules.md} §14).
 */
public final class RiskWatch {

    /** Share of the room used is kept to this many decimals (0.800000 = 80%). */
    private static final int USE_SCALE = 6;

    private RiskWatch() {
    }

    /** Why a {@code CLOCK} is due. */
    public enum Reason { DAY_BOUNDARY, TIME_LIMIT, INACTIVITY, PAUSE_END, CONDUCT_DEADLINE, SCALING_REVIEW }

    /** A moment the account has not been brought to yet. */
    public record DueClock(Instant at, Reason reason) {

        public DueClock {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A floor whose room can be used up. */
    public enum Floor { DAILY_LOSS, MAX_LOSS }

    /**
     * Share of each floor's room used: 0 with equity at the anchor, 1 at the floor, above 1 once breached,
     * never below 0. Null for a floor the phase does not have.
     *
     * @param dailyLoss (anchor − equity) ÷ (anchor − daily floor)
     * @param maxLoss   (reference − equity) ÷ (reference − max loss floor)
     */
    public record RoomUse(BigDecimal dailyLoss, BigDecimal maxLoss) {

        public BigDecimal of(Floor floor) {
            return floor == Floor.DAILY_LOSS ? dailyLoss : maxLoss;
        }
    }

    /** A level of room use reached, e.g. 80% of the daily loss room. */
    public record Warning(Floor floor, int percent, BigDecimal used) { }

    /**
     * Every {@code CLOCK} the account is owed at {@code now}, in order: each day boundary since the last
     * one applied, the time limit, the inactivity deadline, the end of a pause, a scaling review. Nothing for a frozen
     * account. At most {@code maxBoundaries} boundaries are listed one by one; when more have passed
     * (a worker down for a long time), the last entry is {@code now} itself, which the engine applies as
     * every remaining boundary in order, exactly as if each had been sent.
     */
    public static List<DueClock> dueClocks(AccountState state, RuleSet rules, Instant now, int maxBoundaries) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(now, "now");
        List<DueClock> due = new ArrayList<>();
        if (state.status().isFrozen()) {
            return due;
        }
        Instant boundary = state.nextDayStart();
        int listed = 0;
        while (!boundary.isAfter(now)) {
            if (listed == maxBoundaries) {
                due.add(new DueClock(now, Reason.DAY_BOUNDARY));
                break;
            }
            due.add(new DueClock(boundary, Reason.DAY_BOUNDARY));
            listed++;
            boundary = rules.dayBoundary().nextAfter(boundary);
        }
        addIfDue(due, state.timeLimitAt(), now, Reason.TIME_LIMIT);
        addIfDue(due, state.inactivityDeadline(), now, Reason.INACTIVITY);
        addIfDue(due, state.pausedUntil(), now, Reason.PAUSE_END);
        // Each trade's stop-loss deadline and the next flatBy instant (a later one is found next time).
        for (ConductState.OpenTrade trade : state.conduct().open()) {
            addIfDue(due, trade.stopLossDue(), now, Reason.CONDUCT_DEADLINE);
        }
        addIfDue(due, state.conduct().nextDeadline(), now, Reason.CONDUCT_DEADLINE);
        addIfDue(due, state.funded().nextReviewAt(), now, Reason.SCALING_REVIEW);
        due.sort(Comparator.comparing(DueClock::at));
        List<DueClock> distinct = new ArrayList<>(due.size());
        for (DueClock clock : due) {
            if (!clock.at().isBefore(state.lastEventAt())
                    && (distinct.isEmpty() || !distinct.get(distinct.size() - 1).at().equals(clock.at()))) {
                distinct.add(clock);
            }
        }
        return distinct;
    }

    private static void addIfDue(List<DueClock> due, Instant at, Instant now, Reason reason) {
        if (at != null && !at.isAfter(now)) {
            due.add(new DueClock(at, reason));
        }
    }

    /**
     * The earliest deadline, pause end, conduct deadline (§19) or scaling review (§20) the account is waiting
     * for (not its day boundary); null when it waits for none or is frozen.
     */
    public static Instant nextDeadline(AccountState state) {
        if (state.status().isFrozen()) {
            return null;
        }
        Instant earliest = null;
        for (Instant at : new Instant[] {state.timeLimitAt(), state.inactivityDeadline(), state.pausedUntil(),
                state.conduct().nextDeadline(), state.funded().nextReviewAt()}) {
            if (at != null && (earliest == null || at.isBefore(earliest))) {
                earliest = at;
            }
        }
        return earliest;
    }

    /** How much of each floor's room the account uses now. */
    public static RoomUse roomUse(AccountState state, RuleSet rules) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(rules, "rules");
        DailyLossRule daily = rules.phase(state.phaseIndex()).dailyLoss();
        BigDecimal dailyUse = null;
        if (daily != null) {
            BigDecimal room = daily.room(state.initialBalance(rules), state.dayStartBalance(), state.dayStartEquity(),
                    state.dayPeakEquity());
            dailyUse = used(state.dailyLossRoom(rules), room);
        }
        BigDecimal maxUse = null;
        if (state.maxLossFloor() != null) {
            maxUse = used(state.maxLossRoom(), state.maxLossReference().subtract(state.maxLossFloor()));
        }
        return new RoomUse(dailyUse, maxUse);
    }

    /** 1 − left ÷ whole, not below 0; a room of nothing is fully used. */
    private static BigDecimal used(BigDecimal left, BigDecimal whole) {
        if (whole.signum() <= 0) {
            return BigDecimal.ONE.setScale(USE_SCALE);
        }
        BigDecimal used = BigDecimal.ONE.subtract(left.divide(whole, USE_SCALE + 4, RoundingMode.HALF_EVEN));
        return used.max(BigDecimal.ZERO).setScale(USE_SCALE, RoundingMode.HALF_EVEN);
    }

    /**
     * The levels reached, e.g. with {@code percents} 80 and 95 and a daily room 96% used: daily loss at 80
     * and at 95. Only for an account that is still trading (ACTIVE or PAUSED).
     */
    public static List<Warning> warnings(AccountState state, RoomUse use, List<Integer> percents) {
        List<Warning> reached = new ArrayList<>();
        if (state.status().isFrozen()) {
            return reached;
        }
        for (Floor floor : Floor.values()) {
            BigDecimal used = use.of(floor);
            if (used == null) {
                continue;
            }
            for (int percent : percents) {
                if (used.compareTo(BigDecimal.valueOf(percent, 2)) >= 0) {
                    reached.add(new Warning(floor, percent, used));
                }
            }
        }
        return reached;
    }

    /**
     * True when the account has open trades and the platform has not reported equity for
     * {@code staleAfter}: its floors are being judged on an old price. {@code lastFeedAt} is when equity
     * was last reported (null: never, in which case the account's opening counts).
     */
    public static boolean feedStale(AccountState state, Instant lastFeedAt, Instant openedAt, Instant now,
                                    Duration staleAfter) {
        if (state.status().isFrozen() || state.isFlat()) {
            return false;
        }
        Instant last = lastFeedAt == null ? openedAt : lastFeedAt;
        return !last.plus(staleAfter).isAfter(now);
    }
}
