package ai.tradesense.application.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import ai.tradesense.application.challenge.AppliedEvent;
import ai.tradesense.application.challenge.AuditContent;
import ai.tradesense.application.challenge.ChallengeDocuments;
import ai.tradesense.application.challenge.ChallengeSnapshot;
import ai.tradesense.application.challenge.EventBatch;
import ai.tradesense.application.challenge.EventIngestion;
import ai.tradesense.application.challenge.EventOutOfOrderException;
import ai.tradesense.application.challenge.IngestAnswer;
import ai.tradesense.application.challenge.LiveMessage;
import ai.tradesense.application.security.Caller;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.challenge.AuditEntry;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.model.challenge.ChallengeNotFoundException;
import ai.tradesense.domain.model.challenge.ChallengeRepository;
import ai.tradesense.domain.model.challenge.RecordedEvent;
import ai.tradesense.domain.model.challenge.Trade;
import ai.tradesense.domain.rules.Evaluation;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.EventRejectedException;
import ai.tradesense.domain.rules.EventType;
import ai.tradesense.domain.rules.OutcomeType;
import ai.tradesense.domain.rules.RuleSet;

@Stateless
public class DefaultEventIngestion implements EventIngestion {

    /** The worker's ticks carry this id and their time, so a tick sent twice is applied once. */
    static final String CLOCK_ID_PREFIX = "clock:";
    static final String WORKER_ACTOR = "worker:risk-monitor";

    @Inject
    ChallengeRepository challenges;

    @Inject
    ChallengeDocuments documents;

    @Inject
    PlanRules planRules;

    @Inject
    AuditWriter audit;

    @Inject
    ChangePublisher publisher;

    @Inject
    Clock clock;

    @Override
    public IngestAnswer ingest(Caller caller, String challengeId, EventBatch batch) {
        Challenge challenge = VisibleChallenges.visible(caller, challenges.lock(challengeId), challengeId);
        return record(challenge, batch.events(), batch.single(), caller.auditName(), false);
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
        record(challenge, events, false, WORKER_ACTOR, true);
        return (int) (challenge.seq() - before);
    }

    /**
     * Applies events in order, records each with its answer, its trade and its audit entries, and hands
     * the live messages over for after the commit.
     *
     * @param untilFrozen stop at the first event after which the challenge is frozen (the worker's clock:
     *                    later ticks would only be recorded as ignored)
     */
    private IngestAnswer record(Challenge challenge, List<Event> events, boolean single, String actor,
                                boolean untilFrozen) {
        RuleSet rules = planRules.of(challenge.planCode(), challenge.planVersion());
        Instant now = clock.instant();
        List<AppliedEvent> applied = new ArrayList<>();
        IngestAnswer lastAnswer = null;
        boolean allRepeats = true;
        Map<String, RecordedEvent> recordedNow = new HashMap<>();
        List<LiveMessage> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            if (untilFrozen && challenge.status().isFrozen()) {
                break;
            }
            String path = single ? "" : "[" + i + "]";
            String key = event.type().name() + ':' + event.id();
            Optional<RecordedEvent> earlier = event.id() == null ? Optional.empty()
                    : Optional.ofNullable(recordedNow.get(key))
                            .or(() -> challenges.recordedEvent(challenge.id(), event.type().name(), event.id()));
            if (earlier.isPresent()) {
                lastAnswer = repeatOf(earlier.get(), event, path);
                applied.add(lastAnswer.applied().get(0).asDuplicate());
                continue;
            }
            allRepeats = false;
            Evaluation evaluation = apply(challenge, rules, event, now, path);
            AppliedEvent entry = new AppliedEvent(challenge.seq(), event.type().name(), event.id(), event.at(),
                    evaluation.outcomes(), false);
            // Stored as it is answered, so a repeat of a single event gets exactly this answer again.
            lastAnswer = new IngestAnswer(ChallengeSnapshot.of(challenge, rules), List.of(entry), false);
            RecordedEvent recorded = documents.recorded(challenge, event, evaluation.outcomes(), lastAnswer, now);
            challenges.add(recorded);
            if (event.id() != null) {
                recordedNow.put(key, recorded);
            }
            recordTrade(challenge, event, evaluation);
            audit.write(challenge, evaluation.has(OutcomeType.IGNORED_FROZEN) ? AuditEntry.Kind.EVENT_IGNORED
                    : AuditEntry.Kind.EVENT_APPLIED, event.at(), actor, new AuditContent.EventRecorded(entry, event));
            audit.statusChanges(challenge, evaluation, event.at());
            messages.add(new LiveMessage.EventApplied(challenge.id(), challenge.seq(), event.at(), entry));
            publisher.outcomes(challenge, evaluation, event.at(), now, messages);
            applied.add(entry);
        }
        publisher.publish(challenge, rules, now, messages);
        if (single) {
            return lastAnswer.asReplay(allRepeats);
        }
        return new IngestAnswer(ChallengeSnapshot.of(challenge, rules), applied, allRepeats);
    }

    /**
     * The stored answer of an event seen before. The same (type, id) with different content is no
     * repeat but a second, conflicting event (a trade opened twice, an id reused) and is refused.
     */
    private IngestAnswer repeatOf(RecordedEvent earlier, Event event, String path) {
        if (!documents.sameEvent(earlier, event)) {
            throw InvalidInputException.of(join(path, "id"), Kind.VALUE,
                    event.type() == EventType.TRADE_OPENED
                            ? "trade " + event.id() + " was opened already (event " + earlier.seq() + ") with other values"
                            : "id " + event.id() + " was used already by a different " + event.type()
                                    + " event (event " + earlier.seq() + ")");
        }
        return documents.answer(earlier);
    }

    /** One event through the engine; a refusal aborts the whole request and nothing is applied. */
    private static Evaluation apply(Challenge challenge, RuleSet rules, Event event, Instant now, String path) {
        try {
            return challenge.apply(rules, event, now);
        } catch (EventRejectedException e) {
            String field = join(path, e.field());
            if (e.reason() == EventRejectedException.Reason.OUT_OF_ORDER) {
                throw new EventOutOfOrderException(field, e.getMessage());
            }
            throw InvalidInputException.of(field, Kind.VALUE, e.getMessage());
        }
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
