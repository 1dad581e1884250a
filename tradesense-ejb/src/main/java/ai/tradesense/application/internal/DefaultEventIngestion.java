package ai.tradesense.application.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ai.tradesense.application.challenge.AppliedEvent;
import ai.tradesense.application.challenge.AuditContent;
import ai.tradesense.application.challenge.BridgeAnswer;
import ai.tradesense.application.challenge.BridgeBatch;
import ai.tradesense.application.challenge.ChallengeDocuments;
import ai.tradesense.application.challenge.ChallengeSnapshot;
import ai.tradesense.application.challenge.EventBatch;
import ai.tradesense.application.challenge.EventIngestion;
import ai.tradesense.application.challenge.EventOutOfOrderException;
import ai.tradesense.application.challenge.IngestAnswer;
import ai.tradesense.application.challenge.LiveMessage;
import ai.tradesense.application.challenge.RecordedEventView;
import ai.tradesense.application.security.Caller;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.challenge.AuditEntry;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.model.challenge.ChallengeNotFoundException;
import ai.tradesense.domain.model.challenge.ChallengeRepository;
import ai.tradesense.domain.model.challenge.RecordedEvent;
import ai.tradesense.domain.model.challenge.Trade;
import ai.tradesense.domain.rules.AccountState;
import ai.tradesense.domain.rules.CompactingLog;
import ai.tradesense.domain.rules.Evaluation;
import ai.tradesense.domain.rules.EconomicCalendar;
import ai.tradesense.domain.rules.Evaluator;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.EventRejectedException;
import ai.tradesense.domain.rules.EventType;
import ai.tradesense.domain.rules.OutcomeType;
import ai.tradesense.domain.rules.RuleSet;

/**
 * Ingestion: requests are queued for the {@link IngestionWriter}, which hands whatever is waiting to
 * {@link #commit} as one transaction; the worker's clock applies in the worker's own transaction.
 */
@Stateless
@LocalBean
@Local(EventIngestion.class)
public class DefaultEventIngestion implements EventIngestion {

    /** The worker's ticks carry this id and their time, so a tick sent twice is applied once. */
    static final String CLOCK_ID_PREFIX = "clock:";
    static final String WORKER_ACTOR = "worker:risk-monitor";

    @Inject
    ChallengeRepository challenges;

    @Inject
    EconomicCalendars calendars;

    @Inject
    ChallengeDocuments documents;

    @Inject
    PlanRules planRules;

    @Inject
    AuditWriter audit;

    @Inject
    ChangePublisher publisher;

    @Inject
    IngestionWriter writer;

    @Inject
    StoredTicks ticks;

    @Inject
    Clock clock;

    /** Room-use levels that raise alerts: a tick that reaches another is information, and stored. */
    @Inject
    @ConfigProperty(name = "tradesense.worker.alert-levels", defaultValue = "80,95")
    String alertLevelSetting;

    private List<Integer> alertLevels;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CompletionStage<IngestAnswer> ingest(Caller caller, String challengeId, EventBatch batch) {
        List<Submission.Entry> entries = new ArrayList<>();
        for (int i = 0; i < batch.events().size(); i++) {
            entries.add(new Submission.Entry(i, challengeId, batch.events().get(i), batch.single() ? "" : "[" + i + "]"));
        }
        return writer.submit(new Submission(caller, entries, batch.single(), false, new CompletableFuture<>()))
                .thenApply(settled -> ((Submission.Settled.Answered) settled).answer());
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CompletionStage<BridgeAnswer> ingest(Caller caller, BridgeBatch batch) {
        List<Submission.Entry> entries = new ArrayList<>();
        for (int i = 0; i < batch.events().size(); i++) {
            BridgeBatch.Entry entry = batch.events().get(i);
            entries.add(new Submission.Entry(i, entry.challengeId(), entry.event(), "events[" + i + "]"));
        }
        return writer.submit(new Submission(caller, entries, false, true, new CompletableFuture<>()))
                .thenApply(settled -> ((Submission.Settled.Bridged) settled).answer());
    }

    @Override
    public int advance(String challengeId, List<Instant> clocks) {
        Challenge challenge = challenges.lock(challengeId)
                .orElseThrow(() -> new ChallengeNotFoundException(challengeId));
        List<Event> events = clocks.stream()
                .filter(at -> !at.isBefore(challenge.account().lastEventAt()))
                .<Event>map(at -> new Event.Clock(CLOCK_ID_PREFIX + at, at))
                .toList();
        if (events.isEmpty() || challenge.status().isFrozen()) {
            return 0;
        }
        long before = challenge.seq();
        Map<String, RecordedEvent> known = known(List.of(challengeId), events).getOrDefault(challengeId, new HashMap<>());
        challenges.batched(() -> record(challenge, events, false, WORKER_ACTOR, true, known));
        return (int) (challenge.seq() - before);
    }

    /**
     * The requests the writer took, in one transaction: every challenge involved locked in one statement
     * (in id order, so nodes never deadlock), one look-up of the events seen before, then each request in
     * arrival order. Each challenge's events of a request are first tried on the immutable state, so a
     * refused event refuses them before any row is touched; then they are recorded.
     *
     * @return what to answer each request, in the order given; valid only once the transaction committed
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Submission.Settled> commit(List<Submission> group) {
        return challenges.batched(() -> settle(group));
    }

    private List<Submission.Settled> settle(List<Submission> group) {
        Set<String> ids = new TreeSet<>();
        List<Event> events = new ArrayList<>();
        for (Submission submission : group) {
            for (Submission.Entry entry : submission.entries()) {
                ids.add(entry.challengeId());
                events.add(entry.event());
            }
        }
        Map<String, Challenge> locked = new HashMap<>();
        challenges.lockAll(ids).forEach(c -> locked.put(c.id(), c));
        Map<String, Map<String, RecordedEvent>> known = known(ids, events);
        List<Submission.Settled> settled = new ArrayList<>(group.size());
        for (Submission submission : group) {
            settled.add(submission.bridge() ? bridge(submission, locked, known) : request(submission, locked, known));
        }
        return settled;
    }

    /** A request to one challenge: all or nothing. */
    private Submission.Settled request(Submission submission, Map<String, Challenge> locked,
                                       Map<String, Map<String, RecordedEvent>> known) {
        String id = submission.entries().get(0).challengeId();
        try {
            Challenge challenge = VisibleChallenges.visible(submission.caller(), Optional.ofNullable(locked.get(id)), id);
            RuleSet rules = planRules.of(challenge.planCode(), challenge.planVersion());
            Map<String, RecordedEvent> seen = known.computeIfAbsent(id, k -> new HashMap<>());
            Optional<Refusal> refusal = tryOut(challenge, rules, submission.entries(), seen);
            if (refusal.isPresent()) {
                return new Submission.Settled.Refused(refusal.get().problem());
            }
            return new Submission.Settled.Answered(record(challenge, events(submission.entries()), submission.single(),
                    submission.caller().auditName(), false, seen));
        } catch (ChallengeNotFoundException e) {
            return new Submission.Settled.Refused(e);
        }
    }

    /** A bridge request: all or nothing per challenge, a result per event. */
    private Submission.Settled bridge(Submission submission, Map<String, Challenge> locked,
                                      Map<String, Map<String, RecordedEvent>> known) {
        Map<String, List<Submission.Entry>> byChallenge = new LinkedHashMap<>();
        submission.entries().forEach(e -> byChallenge.computeIfAbsent(e.challengeId(), k -> new ArrayList<>()).add(e));
        // Results by the event's place in this submission (a part of a split request holds some of its events).
        Map<Integer, Integer> place = new HashMap<>();
        submission.entries().forEach(e -> place.put(e.index(), place.size()));
        BridgeAnswer.Result[] results = new BridgeAnswer.Result[submission.entries().size()];
        byChallenge.forEach((id, entries) -> {
            Challenge challenge;
            try {
                challenge = VisibleChallenges.visible(submission.caller(), Optional.ofNullable(locked.get(id)), id);
            } catch (ChallengeNotFoundException e) {
                entries.forEach(entry -> results[place.get(entry.index())] = new BridgeAnswer.Refused(entry.index(), id, e));
                return;
            }
            RuleSet rules = planRules.of(challenge.planCode(), challenge.planVersion());
            Map<String, RecordedEvent> seen = known.computeIfAbsent(id, k -> new HashMap<>());
            Optional<Refusal> refusal = tryOut(challenge, rules, entries, seen);
            if (refusal.isPresent()) {
                int refused = entries.get(refusal.get().position()).index();
                entries.forEach(entry -> results[place.get(entry.index())] = entry.index() == refused
                        ? new BridgeAnswer.Refused(refused, id, refusal.get().problem())
                        : new BridgeAnswer.NotApplied(entry.index(), id, refused));
                return;
            }
            IngestAnswer answer = record(challenge, events(entries), false, submission.caller().auditName(), false, seen);
            for (int i = 0; i < entries.size(); i++) {
                AppliedEvent applied = answer.applied().get(i);
                int index = entries.get(i).index();
                results[place.get(index)] = applied.duplicate() ? new BridgeAnswer.Duplicate(index, id, applied.seq())
                        : new BridgeAnswer.Applied(index, id, applied.seq(), applied.outcomes());
            }
        });
        return new Submission.Settled.Bridged(new BridgeAnswer(List.of(results)));
    }

    /** The event refused at {@code position} of a challenge's events in a request, and why. */
    private record Refusal(int position, RuntimeException problem) { }

    /**
     * The events through the engine on the immutable state, with the checks of {@link #record} for
     * repeats and compaction, changing nothing: the first refusal, if any. It must refuse exactly what
     * {@link #record} would, so a repeat is one here only where it is one there: stored (before, or in this
     * request), or the challenge's pending tick while it is.
     */
    private Optional<Refusal> tryOut(Challenge challenge, RuleSet rules, List<Submission.Entry> entries,
                                     Map<String, RecordedEvent> seen) {
        AccountState state = challenge.account();
        EconomicCalendar calendar = calendars.forRules(rules);
        CompactingLog log = challenge.compactingLog().orElse(null);
        long seq = challenge.seq();
        Map<String, Event> pending = new HashMap<>();
        Map<String, Long> pendingSeq = new HashMap<>();
        for (int p = 0; p < entries.size(); p++) {
            Submission.Entry entry = entries.get(p);
            Event event = entry.event();
            String key = key(event);
            try {
                if (event.id() != null && seen.containsKey(key)) {
                    RecordedEvent earlier = seen.get(key);
                    if (!documents.sameEvent(earlier, event)) {
                        throw conflict(earlier.seq(), event, entry.path());
                    }
                    continue;
                }
                if (event.id() != null && pending.containsKey(key)) {
                    if (!documents.sameEvent(pending.get(key), event)) {
                        throw conflict(pendingSeq.get(key), event, entry.path());
                    }
                    continue;
                }
                if (log != null && isRepeatOf(log.pending(), event)) {
                    if (!documents.sameEvent(log.pending(), event)) {
                        throw conflict(seq, event, entry.path());
                    }
                    continue;
                }
                List<Event> stored;
                if (log == null) {
                    state = evaluate(rules, calendar, state, event, entry.path()).state();
                    stored = List.of(event);
                } else {
                    CompactingLog.Step step = step(log, rules, calendar, event, entry.path());
                    log = step.log();
                    stored = step.stored();
                }
                for (Event s : stored) {
                    seq++;
                    if (s.id() != null) {
                        pending.put(key(s), s);
                        pendingSeq.put(key(s), seq);
                    }
                }
            } catch (InvalidInputException | EventOutOfOrderException refused) {
                return Optional.of(new Refusal(p, refused));
            }
        }
        return Optional.empty();
    }

    /** True when {@code event} has the type and id of the challenge's pending tick (null: none). */
    private static boolean isRepeatOf(Event pendingTick, Event event) {
        return pendingTick != null && event.id() != null && event.type() == pendingTick.type()
                && event.id().equals(pendingTick.id());
    }

    private static String key(Event event) {
        return event.type().name() + ':' + event.id();
    }

    /** The events recorded before among these, by challenge and then by type and id, in one look-up. */
    private Map<String, Map<String, RecordedEvent>> known(Collection<String> challengeIds, List<Event> events) {
        Set<String> eventIds = new HashSet<>();
        events.forEach(e -> {
            if (e.id() != null) {
                eventIds.add(e.id());
            }
        });
        Map<String, Map<String, RecordedEvent>> known = new HashMap<>();
        for (RecordedEvent recorded : challenges.recordedEvents(challengeIds, eventIds)) {
            known.computeIfAbsent(recorded.challengeId(), k -> new HashMap<>())
                    .put(recorded.type() + ':' + recorded.eventId(), recorded);
        }
        return known;
    }

    private static List<Event> events(List<Submission.Entry> entries) {
        return entries.stream().map(Submission.Entry::event).toList();
    }

    /**
     * Applies events in order, records each with its outcomes, its trade and its audit entries, and hands
     * the live messages over for after the commit.
     *
     * @param untilFrozen stop at the first event after which the challenge is frozen (the worker's clock:
     *                    later ticks would only be recorded as ignored)
     * @param recordedNow the challenge's events recorded before, by type and id: looked up once for the
     *                    transaction, and what this call records is added
     */
    private IngestAnswer record(Challenge challenge, List<Event> events, boolean single, String actor,
                                boolean untilFrozen, Map<String, RecordedEvent> recordedNow) {
        RuleSet rules = planRules.of(challenge.planCode(), challenge.planVersion());
        EconomicCalendar calendar = calendars.forRules(rules);
        Instant now = clock.instant();
        List<AppliedEvent> applied = new ArrayList<>();
        // A single event's repeat answers what repeatOf gave (an old row's whole stored answer, perhaps).
        IngestAnswer repeatAnswer = null;
        boolean allRepeats = true;
        List<LiveMessage> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            if (untilFrozen && challenge.status().isFrozen()) {
                break;
            }
            String path = single ? "" : "[" + i + "]";
            String key = event.type().name() + ':' + event.id();
            Optional<RecordedEvent> earlier = event.id() == null ? Optional.empty()
                    : Optional.ofNullable(recordedNow.get(key));
            if (earlier.isPresent()) {
                repeatAnswer = repeatOf(challenge, rules, earlier.get(), event, path);
                applied.add(repeatAnswer.applied().get(0).asDuplicate());
                continue;
            }
            if (isRepeatOf(challenge.pendingTick().orElse(null), event)) {
                repeatAnswer = repeatOfPendingTick(challenge, rules, event, path);
                applied.add(repeatAnswer.applied().get(0).asDuplicate());
                continue;
            }
            allRepeats = false;
            repeatAnswer = null;
            Challenge.Recorded result = apply(challenge, rules, calendar, event, now, actor, path);
            if (result.stored() != null) {
                RecordedEvent tick = ticks.store(challenge, result.stored());
                if (tick.eventId() != null) {
                    recordedNow.put(tick.type() + ':' + tick.eventId(), tick);
                }
            }
            Evaluation evaluation = result.evaluation();
            // A compacted tick answers the unchanged seq; it is logged (and audited) only if stored later.
            AppliedEvent entry = new AppliedEvent(challenge.seq(), event.type().name(), event.id(), event.at(),
                    evaluation.outcomes(), false);
            if (!result.compacted()) {
                RecordedEvent recorded = documents.recorded(challenge, event, evaluation.outcomes(), now);
                challenges.add(recorded);
                if (event.id() != null) {
                    recordedNow.put(key, recorded);
                }
                recordTrade(challenge, event, evaluation);
                audit.write(challenge, evaluation.has(OutcomeType.IGNORED_FROZEN) ? AuditEntry.Kind.EVENT_IGNORED
                        : AuditEntry.Kind.EVENT_APPLIED, event.at(), actor, new AuditContent.EventRecorded(entry, event));
                audit.statusChanges(challenge, evaluation, event.at());
            }
            messages.add(new LiveMessage.EventApplied(challenge.id(), challenge.seq(), event.at(), entry));
            publisher.outcomes(challenge, evaluation, event.at(), now, messages);
            applied.add(entry);
        }
        publisher.publish(challenge, rules, now, messages);
        if (single && repeatAnswer != null) {
            return repeatAnswer.asReplay(true);
        }
        // The state is shown once, as the request left it (not built per event).
        return new IngestAnswer(ChallengeSnapshot.of(challenge, rules), applied, allRepeats);
    }

    /**
     * The answer to an event seen before: its entry as the first answer gave it (rebuilt from the row) with
     * the challenge's current state, or the whole first answer where an old row stored it. The same
     * (type, id) with different content is no repeat but a second, conflicting event (a trade opened
     * twice, an id reused) and is refused.
     */
    private IngestAnswer repeatOf(Challenge challenge, RuleSet rules, RecordedEvent earlier, Event event,
                                  String path) {
        if (!documents.sameEvent(earlier, event)) {
            throw conflict(earlier.seq(), event, path);
        }
        return documents.storedAnswer(earlier).orElseGet(() -> {
            RecordedEventView first = documents.view(earlier);
            AppliedEvent entry = new AppliedEvent(earlier.seq(), earlier.type(), earlier.eventId(), first.event().at(),
                    first.outcomes(), false);
            return new IngestAnswer(ChallengeSnapshot.of(challenge, rules), List.of(entry), false);
        });
    }

    /**
     * The answer to a repeat of the pending tick (not stored, still the latest applied): its entry as its
     * first answer gave it, the unchanged seq and no outcome, with the current state.
     */
    private IngestAnswer repeatOfPendingTick(Challenge challenge, RuleSet rules, Event event, String path) {
        Event tick = challenge.pendingTick().orElseThrow();
        if (!documents.sameEvent(tick, event)) {
            throw conflict(challenge.seq(), event, path);
        }
        AppliedEvent entry = new AppliedEvent(challenge.seq(), tick.type().name(), tick.id(), tick.at(), List.of(), false);
        return new IngestAnswer(ChallengeSnapshot.of(challenge, rules), List.of(entry), false);
    }

    private static InvalidInputException conflict(long earlierSeq, Event event, String path) {
        return InvalidInputException.of(join(path, "id"), Kind.VALUE,
                event.type() == EventType.TRADE_OPENED
                        ? "trade " + event.id() + " was opened already (event " + earlierSeq + ") with other values"
                        : "id " + event.id() + " was used already by a different " + event.type()
                                + " event (event " + earlierSeq + ")");
    }

    /** One event through the engine (and compaction); a refusal aborts the whole request and nothing is applied. */
    private Challenge.Recorded apply(Challenge challenge, RuleSet rules, EconomicCalendar calendar, Event event,
                                     Instant now, String actor, String path) {
        try {
            return challenge.record(rules, event, calendar, now, actor, alertLevels());
        } catch (EventRejectedException e) {
            throw refusal(e, path);
        }
    }

    /** One event through compaction on an immutable log, changing nothing. */
    private CompactingLog.Step step(CompactingLog log, RuleSet rules, EconomicCalendar calendar, Event event,
                                    String path) {
        try {
            return log.apply(rules, event, calendar, alertLevels());
        } catch (EventRejectedException e) {
            throw refusal(e, path);
        }
    }

    private List<Integer> alertLevels() {
        if (alertLevels == null) {
            alertLevels = AlertLevels.parse(alertLevelSetting);
        }
        return alertLevels;
    }

    /** One event through the engine on a state, changing nothing. */
    private static Evaluation evaluate(RuleSet rules, EconomicCalendar calendar, AccountState state, Event event,
                                       String path) {
        try {
            return Evaluator.apply(rules, state, event, calendar);
        } catch (EventRejectedException e) {
            throw refusal(e, path);
        }
    }

    private static RuntimeException refusal(EventRejectedException e, String path) {
        String field = join(path, e.field());
        if (e.reason() == EventRejectedException.Reason.OUT_OF_ORDER) {
            return new EventOutOfOrderException(field, e.getMessage());
        }
        return InvalidInputException.of(field, Kind.VALUE, e.getMessage());
    }

    /** A field's JSON path within the request: {@code equity} for a single event, {@code [3].equity} in an array. */
    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private void recordTrade(Challenge challenge, Event event, Evaluation evaluation) {
        if (evaluation.has(OutcomeType.IGNORED_FROZEN)) {
            return;
        }
        if (event instanceof Event.TradeOpened opened) {
            challenges.add(Trade.opened(challenge.id(), challenge.account().phaseIndex(), opened));
        } else if (event instanceof Event.TradeClosed closed) {
            challenges.trade(challenge.id(), closed.id()).ifPresent(trade -> trade.close(closed));
        }
    }
}
