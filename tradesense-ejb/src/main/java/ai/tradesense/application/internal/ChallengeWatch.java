package ai.tradesense.application.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import ai.tradesense.application.challenge.ChallengeDocuments;
import ai.tradesense.application.challenge.ChallengeSnapshot;
import ai.tradesense.application.challenge.EventIngestion;
import ai.tradesense.application.challenge.LiveMessage;
import ai.tradesense.application.risk.Shard;
import ai.tradesense.domain.model.alert.Alert;
import ai.tradesense.domain.model.alert.AlertData;
import ai.tradesense.domain.model.alert.AlertRepository;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.model.challenge.ChallengeDay;
import ai.tradesense.domain.model.challenge.ChallengeNotFoundException;
import ai.tradesense.domain.model.challenge.ChallengeRepository;
import ai.tradesense.domain.model.challenge.RecordedEvent;
import ai.tradesense.domain.rules.AccountState;
import ai.tradesense.domain.rules.DayBoundary;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.Outcome;
import ai.tradesense.domain.rules.EventType;
import ai.tradesense.domain.rules.RiskWatch;
import ai.tradesense.domain.rules.RuleSet;

/**
 * The worker's work on one challenge, each call in a transaction of its own: a challenge that cannot be
 * handled costs only itself, and what one call did is committed before the next begins.
 */
@Stateless
public class ChallengeWatch {

    /** Boundaries applied one by one before the rest are applied by one tick (see RiskWatch.dueClocks). */
    static final int MAX_TICKS = 400;
    private static final int EVENTS_PER_READ = 500;

    @Inject
    ChallengeRepository challenges;

    @Inject
    EventIngestion ingestion;

    @Inject
    ChallengeDocuments documents;

    @Inject
    PlanRules planRules;

    @Inject
    AlertRaiser alerts;

    @Inject
    AlertRepository alertKeys;

    @Inject
    ChangePublisher publisher;

    /** What attending one challenge did. */
    public record Attention(int ticks, int alerts) { }

    /** The challenges of a shard that need the worker now. */
    public List<String> candidates(Shard shard, BigDecimal minUse, Duration staleAfter) {
        return challenges.needingAttention(shard.fromId(), shard.toId(), shard.at(), minUse,
                shard.at().minus(staleAfter), shard.kind() == Shard.Kind.RESET);
    }

    /** Challenges with events the daily snapshots do not include yet. */
    public List<String> withNewEvents(int limit) {
        return challenges.withNewEvents(limit);
    }

    /**
     * Brings the challenge to {@code now} (each boundary and deadline passed, as a tick through the
     * engine), then, unless only resets are asked for, raises the alerts it has earned.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Attention attend(String id, Instant now, boolean resetOnly, List<Integer> levels, Duration staleAfter) {
        Challenge challenge = challenges.lock(id).orElseThrow(() -> new ChallengeNotFoundException(id));
        return attendLocked(challenge, now, resetOnly, levels, staleAfter, null);
    }

    /**
     * As {@link #attend} for several challenges in one transaction: one statement locks them all (in id
     * order, as every worker does, so workers never wait on each other in a circle) and one reads the
     * level alerts they have had since yesterday. If one of them fails, the whole call rolls back; the
     * caller then attends them one by one.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Attention attendAll(List<String> ids, Instant now, boolean resetOnly, List<Integer> levels,
                               Duration staleAfter) {
        Map<String, Set<String>> raised = resetOnly ? Map.of()
                : alertKeys.keysSince(ids, now.minus(2, ChronoUnit.DAYS));
        int ticks = 0;
        int raisedNow = 0;
        for (Challenge challenge : challenges.lockAll(ids)) {
            Attention attention = attendLocked(challenge, now, resetOnly, levels, staleAfter,
                    raised.getOrDefault(challenge.id(), Set.of()));
            ticks += attention.ticks();
            raisedNow += attention.alerts();
        }
        return new Attention(ticks, raisedNow);
    }

    /**
     * @param levelAlerts the dedupe keys of the level alerts the challenge had lately, or null to ask the
     *                    database for each
     */
    private Attention attendLocked(Challenge challenge, Instant now, boolean resetOnly, List<Integer> levels,
                                   Duration staleAfter, Set<String> levelAlerts) {
        String id = challenge.id();
        RuleSet rules = planRules.of(challenge.planCode(), challenge.planVersion());
        challenge.refreshWatchColumns(rules);
        List<Instant> due = RiskWatch.dueClocks(challenge.account(), rules, now, MAX_TICKS).stream()
                .map(RiskWatch.DueClock::at).toList();
        int ticks = due.isEmpty() ? 0 : ingestion.advance(id, due);
        if (resetOnly) {
            return new Attention(ticks, 0);
        }
        AccountState state = challenge.account();
        List<LiveMessage> messages = new ArrayList<>();
        RiskWatch.RoomUse use = RiskWatch.roomUse(state, rules);
        LocalDate day = rules.dayBoundary().tradingDayOf(state.currentDayStart());
        for (RiskWatch.Warning warning : RiskWatch.warnings(state, use, levels)) {
            String kind = warning.floor().name() + "_" + warning.percent();
            Alert.Severity severity = warning.percent() >= 95 ? Alert.Severity.CRITICAL : Alert.Severity.WARNING;
            BigDecimal room = warning.floor() == RiskWatch.Floor.DAILY_LOSS ? state.dailyLossRoom(rules)
                    : state.maxLossRoom();
            AlertData.Figures facts = new AlertData.RoomUsed(warning.floor(), warning.percent(), warning.used(),
                    state.equity(), room, day);
            String key = kind + ":" + day;
            if (levelAlerts != null && levelAlerts.contains(key)) {
                continue;
            }
            alerts.raise(challenge, kind, severity, key,
                    String.format("%s room %d%% used on %s (%s left)", warning.floor(), warning.percent(), day,
                            room.stripTrailingZeros().toPlainString()), facts, now).ifPresent(messages::add);
        }
        if (RiskWatch.feedStale(state, challenge.lastFeedAt(), challenge.startedAt(), now, staleAfter)) {
            Instant last = challenge.lastFeedAt() == null ? challenge.startedAt() : challenge.lastFeedAt();
            AlertData.Figures facts = new AlertData.StaleFeed(last, state.openTrades(), staleAfter.toMinutes());
            alerts.raise(challenge, "STALE_FEED", Alert.Severity.WARNING, "STALE_FEED:" + last,
                    "No equity from the platform since " + last + " with " + state.openTrades() + " open trades",
                    facts, now).ifPresent(messages::add);
        }
        publisher.publishAsIs(challenge, messages);
        return new Attention(ticks, messages.size());
    }

    /**
     * Extends the challenge's daily snapshots with its events after the last one included, in order: each
     * event's result (the balance, equity and phase stored with it) lands on its trading day in the plan's zone.
     *
     * @return events taken in
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int snapshot(String id, Instant now) {
        Challenge challenge = challenges.lock(id).orElseThrow(() -> new ChallengeNotFoundException(id));
        RuleSet rules = planRules.of(challenge.planCode(), challenge.planVersion());
        DayBoundary days = rules.dayBoundary();
        ChallengeDay current = challenges.lastDay(id).orElse(null);
        long after = challenge.snapshotSeq();
        int taken = 0;
        List<RecordedEvent> events = challenges.eventsAfter(id, after, EVENTS_PER_READ);
        while (!events.isEmpty()) {
            for (RecordedEvent event : events) {
                current = take(challenge, rules, days, current, event, now);
                after = event.seq();
                taken++;
            }
            events = challenges.eventsAfter(id, after, EVENTS_PER_READ);
        }
        challenge.snapshotsTakenTo(after);
        return taken;
    }

    private ChallengeDay take(Challenge challenge, RuleSet rules, DayBoundary days, ChallengeDay current,
                              RecordedEvent event, Instant now) {
        if (documents.outcomes(event).stream().anyMatch(o -> o instanceof Outcome.IgnoredFrozen)) {
            return current;
        }
        RecordedEvent.Figures figures = event.figures().orElseGet(() -> {
            ChallengeSnapshot state = documents.storedAnswer(event).orElseThrow().challenge();
            return new RecordedEvent.Figures(state.balance(), state.equity(), state.phaseIndex());
        });
        BigDecimal balance = figures.balance();
        BigDecimal equity = figures.equity();
        int phase = figures.phaseIndex();
        LocalDate day = days.tradingDayOf(event.occurredAt());
        boolean newPhase = current != null && current.phaseIndex() != phase;
        if (current == null || day.isAfter(current.tradingDay())) {
            BigDecimal initial = rules.initialBalance();
            ChallengeDay next = current == null
                    ? ChallengeDay.open(challenge.id(), day, phase, initial, initial, initial, BigDecimal.ZERO)
                    : ChallengeDay.open(challenge.id(), day, phase, current.endBalance(), current.endEquity(),
                            newPhase ? equity : current.peakEquity(), current.maxDrawdown());
            challenges.add(next);
            current = next;
        }
        EventType type = EventType.valueOf(event.type());
        BigDecimal closedProfit = null;
        if (type == EventType.TRADE_CLOSED) {
            closedProfit = documents.event(event) instanceof Event.TradeClosed closed ? closed.profit() : null;
        }
        current.record(event.seq(), phase, balance, equity, type == EventType.TRADE_OPENED, closedProfit, newPhase,
                now);
        return current;
    }
}
