package ai.tradesense.domain.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import ai.tradesense.domain.rules.EventRejectedException.Reason;
import ai.tradesense.domain.rules.Outcome.HoldReason;

/**
 * The one place the rules of {@code docs/rules.md} are computed. Live events, simulations, the worker's
 * clock and replays all go through {@link #apply}. Pure: no I/O, no clock of its own, and O(1) per event
 * apart from the day boundaries and deadlines the event's time crosses.
 */
public final class Evaluator {

    /** Above this, an amount is no platform's figure but a fault. */
    private static final BigDecimal ABSURD = BigDecimal.TEN.pow(12);
    /** More decimals than any instrument or currency has; refusing them keeps the arithmetic small. */
    private static final int MAX_SCALE = 20;

    private Evaluator() {
    }

    /**
     * Applies one event: first every day boundary and deadline up to its time, then the event, then
     * the loss checks (failures first), then the pass check ({@code docs/rules.md} §10).
     *
     * @throws EventRejectedException before anything changes, when the event cannot be applied
     */
    public static Evaluation apply(RuleSet rules, AccountState state, Event event) {
        return apply(rules, state, event, EconomicCalendar.EMPTY);
    }

    /**
     * As {@link #apply(RuleSet, AccountState, Event)}, judging news trading against {@code calendar}; the
     * conduct checks come after the loss checks and before the pass check ({@code docs/rules.md} §19).
     */
    public static Evaluation apply(RuleSet rules, AccountState state, Event event, EconomicCalendar calendar) {
        return apply(rules, state, event, calendar, false);
    }

    /**
     * Applies staff's approval of the pending payout request as a {@link Event.Payout PAYOUT} at its
     * {@code at}: judged again then (the pending request itself is no obstacle) and paid or refused
     * ({@code docs/rules.md} §20.5).
     */
    public static Evaluation approvePayout(RuleSet rules, AccountState state, Event.Payout payout) {
        return apply(rules, state, payout, EconomicCalendar.EMPTY, true);
    }

    /**
     * Whether a payout of {@code amount} (null: the whole withdrawable) could be paid at {@code at}, with
     * every condition's numbers; time passes to {@code at} on a copy first, as for an event. Changes nothing.
     */
    public static PayoutEligibility payoutEligibility(RuleSet rules, AccountState state, Instant at,
                                                      BigDecimal amount) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        if (amount != null) {
            positive(amount, "amount");
        }
        Working account = new Working(rules, state);
        if (!state.status().isFrozen() && !at.isBefore(state.lastEventAt())) {
            account.advanceTo(at);
        }
        return PayoutRules.judge(rules, account.toState(), at, amount, false);
    }

    private static Evaluation apply(RuleSet rules, AccountState state, Event event, EconomicCalendar calendar,
                                    boolean approving) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
        checkNumbers(event);
        if (event.at().isBefore(state.lastEventAt())) {
            throw new EventRejectedException(Reason.OUT_OF_ORDER, "at",
                    "at " + event.at() + " is before the account's last event at " + state.lastEventAt());
        }
        if (state.status().isFrozen()) {
            return new Evaluation(state, List.of(new Outcome.IgnoredFrozen(state.status())));
        }
        checkTrade(state, event);

        Working account = new Working(rules, state, calendar);
        Instant at = event.at();
        account.advanceTo(at);
        if (account.status == ChallengeStatus.FAILED) {
            // A boundary or deadline before the event ended the challenge: the event comes too late.
            // A CLOCK has nothing of its own to apply, so there is nothing to call ignored.
            if (event.type() != EventType.CLOCK) {
                account.outcomes.add(new Outcome.IgnoredFrozen(ChallengeStatus.FAILED));
            }
        } else {
            if (event instanceof Event.Payout payout) {
                account.payout(payout, approving);
            } else {
                account.handle(event);
            }
            account.checkLosses(at);
            account.enforceConduct(at);
            if (account.status == ChallengeStatus.ACTIVE) {
                AccountState passed = account.checkPass(at);
                if (passed != null) {
                    return new Evaluation(passed, account.outcomes);
                }
            }
        }
        account.lastEventAt = at;
        return new Evaluation(account.toState(), account.outcomes);
    }

    /**
     * Staff approve a phase waiting in PENDING_REVIEW: the next phase starts at {@code at} with a fresh
     * account, or the challenge is PASSED when it was the last phase.
     *
     * @throws EventRejectedException when the challenge is not pending review or {@code at} is out of order
     */
    public static Evaluation approveReview(RuleSet rules, AccountState state, Instant at) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(state, "state");
        if (at == null) {
            throw new EventRejectedException(Reason.MISSING_FIELD, "at", "at is required");
        }
        if (state.status() != ChallengeStatus.PENDING_REVIEW) {
            throw new EventRejectedException(Reason.NOT_PENDING_REVIEW, "status",
                    "the challenge is " + state.status() + ", not PENDING_REVIEW");
        }
        if (at.isBefore(state.lastEventAt())) {
            throw new EventRejectedException(Reason.OUT_OF_ORDER, "at",
                    "at " + at + " is before the account's last event at " + state.lastEventAt());
        }
        return finish(new Working(rules, state), at, true);
    }

    /** The longest extension one {@link ManualAction.Extend} may grant, in days (ten years). */
    public static final int MAX_EXTEND_DAYS = 3650;

    /**
     * Applies one staff action at its {@code at} as {@code docs/rules.md} §13 describes: time passes up to
     * {@code at} as for an event (a boundary or deadline that fails the challenge first leaves the action
     * unapplied and ends the evaluation with {@link Outcome.IgnoredFrozen IgnoredFrozen(FAILED)}), then
     * the action, never half applied; anything the challenge does not allow as it stands is refused with an
     * {@link EventRejectedException} before anything changes.
     */
    public static Evaluation act(RuleSet rules, AccountState state, ManualAction action) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(action, "action");
        Instant at = action.at();
        if (at == null) {
            throw new EventRejectedException(Reason.MISSING_FIELD, "at", "at is required");
        }
        if (at.isBefore(state.lastEventAt())) {
            throw new EventRejectedException(Reason.OUT_OF_ORDER, "at",
                    "at " + at + " is before the account's last event at " + state.lastEventAt());
        }
        ChallengeStatus before = state.status();
        if (action instanceof ManualAction.Restore) {
            if (before != ChallengeStatus.FAILED) {
                throw notAllowed(action, before, "only a FAILED challenge can be restored");
            }
            FailureRule rule = state.failure().rule();
            if (rule == FailureRule.TIME_LIMIT || rule == FailureRule.INACTIVITY) {
                throw notAllowed(action, before, "a challenge failed by " + rule
                        + " cannot be restored: its deadline has passed and would fail it again");
            }
        } else if (before == ChallengeStatus.FAILED || before == ChallengeStatus.PASSED) {
            throw notAllowed(action, before, "the challenge is over");
        }
        if (action instanceof ManualAction.Extend extend
                && (extend.days() < 1 || extend.days() > MAX_EXTEND_DAYS)) {
            throw new EventRejectedException(Reason.INVALID_NUMBER, "days",
                    "days must be 1 to " + MAX_EXTEND_DAYS);
        }
        if (action instanceof ManualAction.Pause pause && pause.until() != null && !pause.until().isAfter(at)) {
            throw new EventRejectedException(Reason.NOT_ALLOWED, "until",
                    "until " + pause.until() + " must be after at " + at);
        }

        Working account = new Working(rules, state);
        if (!before.isFrozen()) {
            account.advanceTo(at);
            if (account.status == ChallengeStatus.FAILED) {
                account.outcomes.add(new Outcome.IgnoredFrozen(ChallengeStatus.FAILED));
                account.lastEventAt = at;
                return new Evaluation(account.toState(), account.outcomes);
            }
        }
        ChallengeStatus now = account.status;
        if (action instanceof ManualAction.Fail) {
            account.fail(FailureRule.MANUAL, at, null);
        } else if (action instanceof ManualAction.Pass) {
            return finish(account, at, now == ChallengeStatus.PENDING_REVIEW);
        } else if (action instanceof ManualAction.Pause pause) {
            if (now != ChallengeStatus.ACTIVE) {
                throw notAllowed(action, now, "only an ACTIVE challenge can be paused");
            }
            account.pause(pause.until() == null ? account.nextDayStart : pause.until());
        } else if (action instanceof ManualAction.Resume) {
            if (now != ChallengeStatus.PAUSED) {
                throw notAllowed(action, now, "only a PAUSED challenge can be resumed");
            }
            account.resume(at);
        } else if (action instanceof ManualAction.Extend extend) {
            if (account.timeLimitAt == null && account.inactivityDeadline == null) {
                throw notAllowed(action, now, "the phase has neither a time limit nor an inactivity deadline");
            }
            account.extend(extend.days());
        } else if (action instanceof ManualAction.Restore) {
            account.restore(at);
            // Live again from at: the boundaries (and any deadline) it missed while failed are applied now.
            account.advanceTo(at);
        } else {
            throw new IllegalArgumentException("unknown action " + action);
        }
        account.lastEventAt = at;
        return new Evaluation(account.toState(), account.outcomes);
    }

    /** The phase is passed at {@code at}; {@code approved} when a review has been done (or is not wanted). */
    private static Evaluation finish(Working account, Instant at, boolean approved) {
        AccountState next = account.passPhase(at, approved);
        if (next != null) {
            return new Evaluation(next, account.outcomes);
        }
        account.lastEventAt = at;
        return new Evaluation(account.toState(), account.outcomes);
    }

    private static EventRejectedException notAllowed(ManualAction action, ChallengeStatus status, String why) {
        return new EventRejectedException(Reason.NOT_ALLOWED, "action",
                action.getClass().getSimpleName().toUpperCase(Locale.ROOT) + " is not allowed: "
                        + why + " (the challenge is " + status + ")");
    }

    private static void checkNumbers(Event event) {
        switch (event.type()) {
            case TRADE_OPENED -> {
                Event.TradeOpened opened = (Event.TradeOpened) event;
                positive(opened.volume(), "volume");
                positive(opened.price(), "price");
                positiveIfGiven(opened.stopLoss(), "stopLoss");
                positiveIfGiven(opened.takeProfit(), "takeProfit");
                if (opened.risk() != null) {
                    if (opened.risk().signum() < 0) {
                        throw invalid("risk", "risk must not be negative");
                    }
                    sane(opened.risk(), "risk");
                }
            }
            case TRADE_CLOSED -> {
                Event.TradeClosed closed = (Event.TradeClosed) event;
                positive(closed.price(), "price");
                sane(closed.profit(), "profit");
            }
            case EQUITY -> {
                BigDecimal equity = ((Event.EquityUpdate) event).equity();
                if (equity.signum() < 0) {
                    throw invalid("equity", "equity must not be negative");
                }
                sane(equity, "equity");
            }
            case CLOCK -> {
                // only time, which the order check covers
            }
            case PAYOUT -> {
                BigDecimal amount = ((Event.Payout) event).amount();
                if (amount != null) {
                    positive(amount, "amount");
                }
            }
            case TRADE_MODIFIED -> {
                Event.TradeModified modified = (Event.TradeModified) event;
                positiveIfGiven(modified.stopLoss(), "stopLoss");
                positiveIfGiven(modified.takeProfit(), "takeProfit");
            }
        }
    }

    private static void positiveIfGiven(BigDecimal value, String field) {
        if (value != null) {
            positive(value, field);
        }
    }

    private static void positive(BigDecimal value, String field) {
        if (value.signum() <= 0) {
            throw invalid(field, field + " must be positive");
        }
        sane(value, field);
    }

    private static void sane(BigDecimal value, String field) {
        if (value.abs().compareTo(ABSURD) > 0) {
            throw invalid(field, field + " must not exceed 10^12 in size");
        }
        if (value.scale() > MAX_SCALE) {
            throw invalid(field, field + " has more than " + MAX_SCALE + " decimals");
        }
    }

    private static EventRejectedException invalid(String field, String message) {
        return new EventRejectedException(Reason.INVALID_NUMBER, field, message);
    }

    private static void checkTrade(AccountState state, Event event) {
        if (event instanceof Event.TradeOpened opened && state.openTradeIds().contains(opened.id())) {
            throw new EventRejectedException(Reason.TRADE_ALREADY_OPEN, "id",
                    "trade id " + opened.id() + " is already open");
        }
        if ((event instanceof Event.TradeClosed || event instanceof Event.TradeModified)
                && !state.openTradeIds().contains(event.id())) {
            throw new EventRejectedException(Reason.UNKNOWN_TRADE, "id",
                    "trade id " + event.id() + " is not open on this account");
        }
    }

    /** The account while one event is applied: a mutable copy that never escapes this class. */
    private static final class Working {
        private final RuleSet rules;
        private final PhaseRules phase;
        private final DailyLossRule daily;
        private final MaxLossRule maxLoss;
        private BigDecimal initial;
        private final ConductRules conduct;
        private final EconomicCalendar calendar;
        private final List<Outcome> outcomes = new ArrayList<>(4);
        /** Conduct violations of the event, enforced after the loss checks. */
        private List<Outcome.ConductViolation> violations;

        private ChallengeStatus status;
        private final int phaseIndex;
        private final Instant phaseStartedAt;
        private BigDecimal balance;
        private BigDecimal equity;
        private Instant currentDayStart;
        private Instant nextDayStart;
        private BigDecimal dayStartBalance;
        private BigDecimal dayStartEquity;
        private BigDecimal dayPeakEquity;
        private BigDecimal maxLossReference;
        private BigDecimal maxLossFloor;
        private int tradingDays;
        private LocalDate lastTradingDay;
        private Instant lastTradeOpenedAt;
        private BigDecimal dayClosedProfit;
        private BigDecimal bestDayProfit;
        private Set<String> openTradeIds;
        private Instant lastEventAt;
        private Instant pausedUntil;
        private Instant timeLimitAt;
        private Instant inactivityDeadline;
        private Failure failure;
        private ConductState conductState;
        private FundedState funded;

        Working(RuleSet rules, AccountState s) {
            this(rules, s, EconomicCalendar.EMPTY);
        }

        Working(RuleSet rules, AccountState s, EconomicCalendar calendar) {
            this.rules = rules;
            this.calendar = calendar;
            this.phase = rules.phase(s.phaseIndex());
            this.daily = phase.dailyLoss();
            this.maxLoss = phase.maxLoss();
            this.initial = s.initialBalance(rules);
            status = s.status();
            phaseIndex = s.phaseIndex();
            phaseStartedAt = s.phaseStartedAt();
            balance = s.balance();
            equity = s.equity();
            currentDayStart = s.currentDayStart();
            nextDayStart = s.nextDayStart();
            dayStartBalance = s.dayStartBalance();
            dayStartEquity = s.dayStartEquity();
            dayPeakEquity = s.dayPeakEquity();
            maxLossReference = s.maxLossReference();
            maxLossFloor = s.maxLossFloor();
            tradingDays = s.tradingDays();
            lastTradingDay = s.lastTradingDay();
            lastTradeOpenedAt = s.lastTradeOpenedAt();
            dayClosedProfit = s.dayClosedProfit();
            bestDayProfit = s.bestDayProfit();
            openTradeIds = s.openTradeIds();
            lastEventAt = s.lastEventAt();
            pausedUntil = s.pausedUntil();
            timeLimitAt = s.timeLimitAt();
            inactivityDeadline = s.inactivityDeadline();
            failure = s.failure();
            conduct = phase.conduct();
            conductState = s.conduct();
            if (conduct != null && conductState.nextFlatBy() == null && !conduct.flatBy().isEmpty()) {
                // A state stored before the plan's conduct rules were read: the next instant from now on.
                conductState = new ConductState(conductState.open(), conductState.openLots(),
                        conductState.tradesToday(), conductState.excludedProfit(),
                        conduct.nextFlatByAfter(lastEventAt), conductState.stopLossDue());
            }
            funded = s.funded();
        }

        /** Takes the money figures and funded counters of a payout's or a scaling review's result. */
        private void rebase(AccountState s) {
            balance = s.balance();
            equity = s.equity();
            dayStartBalance = s.dayStartBalance();
            dayStartEquity = s.dayStartEquity();
            dayPeakEquity = s.dayPeakEquity();
            maxLossReference = s.maxLossReference();
            maxLossFloor = s.maxLossFloor();
            funded = s.funded();
            initial = s.initialBalance(rules);
        }

        /** A payout judged at its time and paid, or refused with nothing changed. */
        void payout(Event.Payout payout, boolean approving) {
            AccountState now = toState();
            PayoutEligibility judged = PayoutRules.judge(rules, now, payout.at(), payout.amount(), approving);
            if (!judged.eligible()) {
                List<PayoutEligibility.Check> unmet = judged.unmet();
                outcomes.add(new Outcome.PayoutRefused(unmet.stream().map(c -> c.condition().name()).toList(),
                        unmet.stream().map(PayoutEligibility.Check::message).toList()));
                return;
            }
            rebase(PayoutRules.pay(rules, now, judged.amount(), payout.at()));
            outcomes.add(new Outcome.PayoutPaid(judged.amount(), judged.traderShare(), judged.firmShare()));
        }

        private void reviewScaling(Instant at) {
            PayoutRules.Review review = PayoutRules.review(rules, toState(), at);
            rebase(review.state());
            if (review.scaled() != null) {
                outcomes.add(review.scaled());
            }
        }

        AccountState toState() {
            return new AccountState(status, phaseIndex, phaseStartedAt, balance, equity, currentDayStart,
                    nextDayStart, dayStartBalance, dayStartEquity, dayPeakEquity, maxLossReference,
                    maxLossFloor, tradingDays, lastTradingDay, lastTradeOpenedAt, dayClosedProfit,
                    bestDayProfit, openTradeIds, lastEventAt, pausedUntil, timeLimitAt, inactivityDeadline,
                    failure, conductState, funded);
        }

        /**
         * Applies, in time order, every day boundary in (currentDayStart, at] and every deadline at or
         * before {@code at}; a boundary at the same instant as a deadline goes first. A pause whose end lies
         * between boundaries lifts at that end. Stops at a failure.
         */
        void advanceTo(Instant at) {
            while (status != ChallengeStatus.FAILED) {
                Instant deadline = null;
                FailureRule deadlineRule = null;
                if (timeLimitAt != null) {
                    deadline = timeLimitAt;
                    deadlineRule = FailureRule.TIME_LIMIT;
                }
                if (inactivityDeadline != null && (deadline == null || inactivityDeadline.isBefore(deadline))) {
                    deadline = inactivityDeadline;
                    deadlineRule = FailureRule.INACTIVITY;
                }
                boolean boundaryDue = !nextDayStart.isAfter(at);
                boolean deadlineDue = deadline != null && !deadline.isAfter(at);
                Instant conductDeadline = conduct == null ? null : conductState.nextDeadline();
                boolean conductDue = conductDeadline != null && !conductDeadline.isAfter(at);
                // A scaling review goes after a boundary at the same instant and before a failing deadline.
                Instant review = phase.scaling() == null ? null : funded.nextReviewAt();
                boolean reviewDue = review != null && !review.isAfter(at);
                // A pause staff ended between boundaries lifts then; one ending at a boundary lifts in rollDay.
                if (status == ChallengeStatus.PAUSED && pausedUntil.isBefore(nextDayStart)
                        && !pausedUntil.isAfter(at) && (!deadlineDue || !pausedUntil.isAfter(deadline))
                        && (!conductDue || !pausedUntil.isAfter(conductDeadline))) {
                    resume(pausedUntil);
                } else if (boundaryDue && (!deadlineDue || !nextDayStart.isAfter(deadline))
                        && (!reviewDue || !nextDayStart.isAfter(review))
                        && (!conductDue || !nextDayStart.isAfter(conductDeadline))) {
                    rollDay(nextDayStart);
                } else if (reviewDue && (!deadlineDue || !review.isAfter(deadline))
                        && (!conductDue || !review.isAfter(conductDeadline))) {
                    reviewScaling(review);
                } else if (deadlineDue && (!conductDue || !deadline.isAfter(conductDeadline))) {
                    fail(deadlineRule, deadline, null);
                } else if (conductDue) {
                    violations = new ArrayList<>(2);
                    conductState = ConductChecks.deadline(conduct, conductState, conductDeadline, violations);
                    enforceConduct(conductDeadline);
                } else {
                    return;
                }
            }
        }

        /** One day boundary, in the order of {@code docs/rules.md} §7. */
        private void rollDay(Instant boundary) {
            Instant following = rules.dayBoundary().nextAfter(boundary);
            if (daily != null && daily.check() == DailyLossRule.Check.END_OF_DAY) {
                BigDecimal floor = dailyFloor();
                if (rules.breachWhen().breaches(equity, floor)) {
                    outcomes.add(new Outcome.Breach(FailureRule.DAILY_LOSS, floor, equity, boundary));
                    if (daily.onBreach() == DailyLossRule.OnBreach.FAIL) {
                        fail(FailureRule.DAILY_LOSS, boundary, floor);
                        return;
                    }
                    // Found at the day's end, the pause blocks the whole next day.
                    pause(following);
                }
            }
            if (maxLoss != null && maxLoss.mode() == MaxLossRule.Mode.TRAILING_EOD_BALANCE) {
                raiseMaxLossReference(balance);
            }
            bestDayProfit = bestDayProfit.max(dayClosedProfit);
            if (funded.isFunded()) {
                funded = funded.dayEnded(dayClosedProfit, phase.payout());
            }
            dayClosedProfit = BigDecimal.ZERO;
            dayStartBalance = balance;
            dayStartEquity = equity;
            dayPeakEquity = equity;
            currentDayStart = boundary;
            nextDayStart = following;
            if (conduct != null) {
                conductState = ConductChecks.dayRolled(conductState);
            }
            outcomes.add(new Outcome.DayRolled(boundary));
            if (status == ChallengeStatus.PAUSED && !pausedUntil.isAfter(boundary)) {
                resume(boundary);
            }
            checkLosses(boundary);
        }

        void handle(Event event) {
            switch (event.type()) {
                case TRADE_OPENED -> open((Event.TradeOpened) event);
                case TRADE_CLOSED -> close((Event.TradeClosed) event);
                case EQUITY -> setEquity(((Event.EquityUpdate) event).equity());
                case CLOCK, PAYOUT -> {
                    // time has already passed in advanceTo; a payout is applied by payout()
                }
                case TRADE_MODIFIED -> {
                    if (conduct != null) {
                        conductState = ConductChecks.modified(conductState, (Event.TradeModified) event);
                    }
                }
            }
        }

        private void open(Event.TradeOpened opened) {
            String[] ids = openTradeIds.toArray(new String[openTradeIds.size() + 1]);
            ids[ids.length - 1] = opened.id();
            openTradeIds = Set.of(ids);
            lastTradeOpenedAt = opened.at();
            // Never earlier than it stands: a deadline staff extended is not cut short by a trade.
            Instant fresh = AccountState.plusDays(rules, opened.at(), phase.inactivityDays());
            if (fresh != null && (inactivityDeadline == null || fresh.isAfter(inactivityDeadline))) {
                inactivityDeadline = fresh;
            }
            // Boundaries up to the event are applied, so the current day is the one the trade opened in.
            LocalDate day = currentDayStart.atZone(rules.dayBoundary().zone()).toLocalDate();
            if (!day.equals(lastTradingDay)) {
                tradingDays++;
                lastTradingDay = day;
                outcomes.add(new Outcome.TradingDayCounted(day, tradingDays));
                if (funded.isFunded()) {
                    funded = funded.tradingDayCounted();
                }
            }
            if (conduct != null) {
                violations = new ArrayList<>(2);
                conductState = ConductChecks.opened(conduct, conductState, opened, initial, calendar, violations);
            }
        }

        private void close(Event.TradeClosed closed) {
            if (openTradeIds.size() == 1) {
                openTradeIds = Set.of();
            } else {
                String[] ids = new String[openTradeIds.size() - 1];
                int i = 0;
                for (String id : openTradeIds) {
                    if (!id.equals(closed.id())) {
                        ids[i++] = id;
                    }
                }
                openTradeIds = Set.of(ids);
            }
            balance = balance.add(closed.profit());
            if (conduct != null) {
                violations = new ArrayList<>(2);
                conductState = ConductChecks.closed(conduct, conductState, closed, calendar, violations);
            }
            dayClosedProfit = dayClosedProfit.add(closed.profit());
            if (funded.isFunded()) {
                funded = funded.closed(closed.profit());
            }
            if (maxLoss != null && maxLoss.mode() == MaxLossRule.Mode.TRAILING_CLOSED_BALANCE) {
                raiseMaxLossReference(balance);
            }
            if (openTradeIds.isEmpty()) {
                setEquity(balance);
            }
            // With trades still open, the equity last reported already held this trade's profit.
        }

        private void setEquity(BigDecimal value) {
            equity = value;
            if (value.compareTo(dayPeakEquity) > 0) {
                dayPeakEquity = value;
            }
            if (maxLoss != null && maxLoss.mode() == MaxLossRule.Mode.TRAILING_INTRADAY_EQUITY) {
                raiseMaxLossReference(value);
            }
        }

        private void raiseMaxLossReference(BigDecimal value) {
            if (value.compareTo(maxLossReference) > 0) {
                maxLossReference = value;
                // A floor a payout locked at the initial balance stays there (§20.6).
                if (!funded.floorLocked()) {
                    maxLossFloor = maxLossFloor.max(maxLoss.floor(initial, maxLossReference));
                }
            }
        }

        private BigDecimal dailyFloor() {
            return daily.floor(initial, dayStartBalance, dayStartEquity, dayPeakEquity);
        }

        /**
         * Equity against the intraday daily floor (unless already paused) and the max loss floor. When
         * both are crossed, the failure names the higher floor; a tie names the max loss.
         */
        void checkLosses(Instant at) {
            BigDecimal dailyFloor = null;
            if (daily != null && daily.check() == DailyLossRule.Check.INTRADAY
                    && status != ChallengeStatus.PAUSED) {
                BigDecimal floor = dailyFloor();
                if (rules.breachWhen().breaches(equity, floor)) {
                    dailyFloor = floor;
                    outcomes.add(new Outcome.Breach(FailureRule.DAILY_LOSS, floor, equity, at));
                }
            }
            BigDecimal maxFloor = null;
            if (maxLossFloor != null && rules.breachWhen().breaches(equity, maxLossFloor)) {
                maxFloor = maxLossFloor;
                outcomes.add(new Outcome.Breach(FailureRule.MAX_LOSS, maxLossFloor, equity, at));
            }
            boolean dailyFails = dailyFloor != null && daily.onBreach() == DailyLossRule.OnBreach.FAIL;
            if (dailyFails && (maxFloor == null || dailyFloor.compareTo(maxFloor) > 0)) {
                fail(FailureRule.DAILY_LOSS, at, dailyFloor);
            } else if (maxFloor != null) {
                fail(FailureRule.MAX_LOSS, at, maxFloor);
            } else if (dailyFloor != null) {
                pause(nextDayStart);
            }
        }

        /**
         * The conduct violations found, as outcomes, then the strongest action among them: a FAIL fails the
         * challenge under the first failing rule, else a PAUSE pauses it until the next day boundary. A
         * challenge the loss checks failed is judged no further: the loss failure wins.
         */
        void enforceConduct(Instant at) {
            List<Outcome.ConductViolation> found = violations;
            violations = null;
            if (found == null || found.isEmpty() || status == ChallengeStatus.FAILED) {
                return;
            }
            outcomes.addAll(found);
            Outcome.ConductViolation failing = null;
            boolean pausing = false;
            for (Outcome.ConductViolation violation : found) {
                if (violation.action() == OnViolation.FAIL && failing == null) {
                    failing = violation;
                }
                pausing |= violation.action() == OnViolation.PAUSE;
            }
            if (failing != null) {
                fail(failing.rule().failureRule(), at, null);
            } else if (pausing) {
                pause(nextDayStart);
            }
        }

        /** Pauses until {@code until}, or longer when already paused longer (staff's pause is not cut short). */
        private void pause(Instant until) {
            if (status == ChallengeStatus.PAUSED && pausedUntil.isAfter(until)) {
                until = pausedUntil;
            }
            status = ChallengeStatus.PAUSED;
            pausedUntil = until;
            outcomes.add(new Outcome.Paused(until));
        }

        private void resume(Instant at) {
            status = ChallengeStatus.ACTIVE;
            pausedUntil = null;
            outcomes.add(new Outcome.Resumed(at));
        }

        private void extend(int days) {
            timeLimitAt = AccountState.plusDays(rules, timeLimitAt, timeLimitAt == null ? null : days);
            inactivityDeadline = AccountState.plusDays(rules, inactivityDeadline,
                    inactivityDeadline == null ? null : days);
            outcomes.add(new Outcome.Extended(days, timeLimitAt, inactivityDeadline));
        }

        /** Clears the failure; everything else stays as it was when the challenge failed. */
        private void restore(Instant at) {
            FailureRule previous = failure.rule();
            status = ChallengeStatus.ACTIVE;
            failure = null;
            outcomes.add(new Outcome.Restored(previous, at));
        }

        private void fail(FailureRule rule, Instant at, BigDecimal floor) {
            status = ChallengeStatus.FAILED;
            pausedUntil = null;
            failure = new Failure(rule, at, floor, equity);
            outcomes.add(new Outcome.Failed(rule, at, floor, equity));
        }

        /** The profit target and its gates; returns the next phase's fresh account when one starts. */
        AccountState checkPass(Instant at) {
            if (phase.kind() == PhaseKind.FUNDED || phase.profitTarget() == null) {
                return null;
            }
            // Profit a conduct rule excluded stays in the balance but does not reach the target (§19).
            if (balance.subtract(conductState.excludedProfit()).compareTo(phase.profitTarget().balance(initial)) < 0) {
                return null;
            }
            HoldReason hold = holdReason();
            if (hold != null) {
                outcomes.add(new Outcome.PassHeldBack(hold));
                return null;
            }
            return passPhase(at, false);
        }

        /**
         * The one pass transition, automatic or by staff: a phase with {@code review} waits in PENDING_REVIEW
         * unless {@code approved}; the last phase makes the challenge PASSED; any other returns the next
         * phase's fresh account, starting at {@code at}.
         */
        AccountState passPhase(Instant at, boolean approved) {
            pausedUntil = null;
            if (phase.review() && !approved) {
                status = ChallengeStatus.PENDING_REVIEW;
                outcomes.add(new Outcome.PendingReview(at));
                return null;
            }
            if (rules.isLastPhase(phaseIndex)) {
                status = ChallengeStatus.PASSED;
                outcomes.add(new Outcome.Passed(at));
                return null;
            }
            outcomes.add(new Outcome.PhasePassed(phaseIndex, phaseIndex + 1, at));
            return AccountState.freshPhase(rules, phaseIndex + 1, at);
        }

        private HoldReason holdReason() {
            if (phase.requireFlat() && !openTradeIds.isEmpty()) {
                return HoldReason.NOT_FLAT;
            }
            if (tradingDays < phase.minTradingDays()) {
                return HoldReason.MIN_TRADING_DAYS;
            }
            ConsistencyRule consistency = phase.consistency();
            if (consistency != null
                    && !consistency.holds(bestDayProfit.max(dayClosedProfit), balance.subtract(initial))) {
                return HoldReason.CONSISTENCY;
            }
            return null;
        }
    }
}
