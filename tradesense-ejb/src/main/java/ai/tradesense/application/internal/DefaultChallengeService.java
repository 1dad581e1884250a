package ai.tradesense.application.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import ai.tradesense.application.challenge.ChallengeChanged;
import ai.tradesense.application.challenge.ChallengeService;
import ai.tradesense.application.challenge.ChallengeSnapshot;
import ai.tradesense.application.challenge.EventOutOfOrderException;
import ai.tradesense.application.security.AccessDeniedException;
import ai.tradesense.application.security.Caller;
import ai.tradesense.application.security.Role;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.domain.model.Page;
import ai.tradesense.infrastructure.json.StrictJson;
import ai.tradesense.domain.model.challenge.AuditEntry;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.model.challenge.ChallengeNotFoundException;
import ai.tradesense.domain.model.challenge.ChallengeRepository;
import ai.tradesense.infrastructure.json.EventDocument;
import ai.tradesense.infrastructure.json.OutcomeJson;
import ai.tradesense.domain.model.challenge.RecordedEvent;
import ai.tradesense.domain.model.challenge.Trade;
import ai.tradesense.domain.model.plan.Plan;
import ai.tradesense.domain.model.plan.PlanRepository;
import ai.tradesense.domain.rules.ChallengeStatus;
import ai.tradesense.domain.rules.Evaluation;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.EventRejectedException;
import ai.tradesense.domain.rules.EventType;
import ai.tradesense.domain.rules.ManualAction;
import ai.tradesense.domain.rules.Outcome;
import ai.tradesense.domain.rules.OutcomeType;
import ai.tradesense.domain.rules.RuleSet;

@Stateless
public class DefaultChallengeService implements ChallengeService {

    private static final Logger LOG = Logger.getLogger(DefaultChallengeService.class.getName());

    /** Events in one request; larger histories go to the simulation API or several requests. */
    static final int MAX_EVENTS_PER_REQUEST = 1_000;
    private static final int MAX_TRADER_ID = 128;
    /** The worker's ticks carry this id and their time, so a tick sent twice is applied once. */
    static final String CLOCK_ID_PREFIX = "clock:";
    static final String WORKER_ACTOR = "worker:risk-monitor";

    @Inject
    ChallengeRepository challenges;

    @Inject
    PlanRepository plans;

    @Inject
    PlanRules planRules;

    @Inject
    jakarta.enterprise.event.Event<ChallengeChanged> changes;

    @Inject
    AlertRaiser alerts;

    @Inject
    Clock clock;

    @Override
    public ChallengeSnapshot start(Caller caller, String planCode, String traderId, Instant startAt) {
        if (!caller.is(Role.ADMIN)) {
            // A trader starts challenges only for themself.
            if (traderId != null && !traderId.equals(caller.id())) {
                throw new AccessDeniedException("traders start challenges only for themselves");
            }
            traderId = caller.id();
        }
        if (traderId == null || traderId.isBlank() || traderId.length() > MAX_TRADER_ID) {
            throw InvalidInputException.of("traderId", Kind.VALUE, "must be 1 to " + MAX_TRADER_ID + " characters");
        }
        if (planCode == null || planCode.isBlank()) {
            throw InvalidInputException.of("planCode", Kind.VALUE, "is required");
        }
        Plan plan = plans.latest(planCode).orElseThrow(() ->
                InvalidInputException.of("planCode", Kind.VALUE, "no plan with code '" + planCode + "'"));
        Instant now = clock.instant();
        // Opened "now" means this second: a platform stamping its first event at a whole second would
        // otherwise be refused as older than the account.
        Instant opening = startAt == null ? now.truncatedTo(ChronoUnit.SECONDS) : startAt;
        RuleSet rules = planRules.of(plan.code(), plan.version());
        Challenge challenge = Challenge.start(UUID.randomUUID().toString(), plan.code(), plan.version(), rules,
                traderId, opening, now);
        challenges.add(challenge);
        challenges.add(challenge.audit(AuditEntry.Kind.CHALLENGE_STARTED, opening, caller.auditName(),
                Json.createObjectBuilder().add("planCode", plan.code()).add("planVersion", plan.version())
                        .add("traderId", traderId).add("startAt", opening.toString()).build().toString()));
        LOG.log(Level.INFO, "Challenge {0} started on plan {1} v{2} for trader {3}",
                new Object[] {challenge.id(), plan.code(), plan.version(), traderId});
        return ChallengeSnapshot.of(challenge, rules);
    }

    @Override
    public ChallengeSnapshot find(Caller caller, String id) {
        Challenge challenge = visible(caller, challenges.find(id), id);
        return ChallengeSnapshot.of(challenge, planRules.of(challenge.planCode(), challenge.planVersion()));
    }

    @Override
    public Page<ChallengeSnapshot> list(Caller caller, ChallengeStatus status, String planCode, String traderId,
                                        int page, int size) {
        if (!caller.isStaff()) {
            if (!caller.is(Role.TRADER)) {
                throw new AccessDeniedException("listing challenges needs the TRADER, RISK or ADMIN role");
            }
            traderId = caller.id();
        }
        return challenges.search(status, planCode, traderId, page, size)
                .map(c -> ChallengeSnapshot.of(c, planRules.of(c.planCode(), c.planVersion())));
    }

    @Override
    public IngestAnswer ingest(Caller caller, String challengeId, String body) {
        JsonValue json = StrictJson.parse(body);
        List<Event> events = events(json);
        boolean single = !(json instanceof JsonArray);
        Challenge challenge = visible(caller, challenges.lock(challengeId), challengeId);
        if (!caller.is(Role.PLATFORM) && !caller.is(Role.ADMIN)) {
            // Only the platform reports trades and equity (and admins, audited, for corrections).
            throw new AccessDeniedException("only the trading platform's key reports events");
        }
        return record(challenge, events, single, caller.auditName(), false);
    }

    @Override
    public int advance(String challengeId, List<Instant> clocks) {
        Challenge challenge = challenges.lock(challengeId).orElseThrow(() -> new ChallengeNotFoundException(challengeId));
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
        String challengeId = challenge.id();
        RuleSet rules = planRules.of(challenge.planCode(), challenge.planVersion());
        Instant now = clock.instant();

        JsonArrayBuilder applied = Json.createArrayBuilder();
        JsonObject lastAnswer = null;
        boolean allRepeats = true;
        Map<String, RecordedEvent> recordedNow = new HashMap<>();
        List<JsonObject> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            if (untilFrozen && challenge.status().isFrozen()) {
                break;
            }
            String path = single ? "" : "[" + i + "]";
            String key = event.type().name() + ':' + event.id();
            Optional<RecordedEvent> earlier = event.id() == null ? Optional.empty()
                    : Optional.ofNullable(recordedNow.get(key))
                            .or(() -> challenges.recordedEvent(challengeId, event.type().name(), event.id()));
            if (earlier.isPresent()) {
                lastAnswer = repeatOf(earlier.get(), event, path);
                JsonObject first = lastAnswer.getJsonArray("applied").getJsonObject(0);
                applied.add(Json.createObjectBuilder(first).add("duplicate", true));
                continue;
            }
            allRepeats = false;
            Evaluation evaluation = apply(challenge, rules, event, now, path);
            JsonArray outcomes = OutcomeJson.write(evaluation.outcomes());
            JsonObject entry = entry(challenge.seq(), event, outcomes);
            // Stored as it is answered, so a repeat of a single event gets exactly this answer again.
            lastAnswer = Json.createObjectBuilder()
                    .add("challenge", ChallengeSnapshot.of(challenge, rules).toJson())
                    .add("applied", Json.createArrayBuilder().add(Json.createObjectBuilder(entry).add("duplicate", false)))
                    .build();
            RecordedEvent recorded = new RecordedEvent(challengeId, challenge.seq(), event,
                    EventDocument.write(event).toString(), outcomes.toString(), lastAnswer.toString(), now);
            challenges.add(recorded);
            if (event.id() != null) {
                recordedNow.put(key, recorded);
            }
            recordTrade(challenge, event, evaluation);
            audit(challenge, event, evaluation, entry, actor);
            messages.add(message("EVENT_APPLIED", challenge, event.at(), entry));
            outcomeMessages(challenge, evaluation, event.at(), messages);
            alertOnFailure(challenge, evaluation, now, messages);
            applied.add(Json.createObjectBuilder(entry).add("duplicate", false));
        }
        publish(challenge, rules, now, messages);
        if (single) {
            return new IngestAnswer(lastAnswer, allRepeats);
        }
        JsonObject answer = Json.createObjectBuilder()
                .add("challenge", ChallengeSnapshot.of(challenge, rules).toJson())
                .add("applied", applied).build();
        return new IngestAnswer(answer, allRepeats);
    }

    /**
     * The stored answer of an event seen before. The same (type, id) with different content is no
     * repeat but a second, conflicting event (a trade opened twice, an id reused) and is refused.
     */
    private static JsonObject repeatOf(RecordedEvent earlier, Event event, String path) {
        Event first = EventDocument.read(StrictJson.parse(earlier.payload()), "");
        if (!EventDocument.sameEvent(first, event)) {
            throw InvalidInputException.of(StrictJson.join(path, "id"), Kind.VALUE,
                    event.type() == EventType.TRADE_OPENED
                            ? "trade " + event.id() + " was opened already (event " + earlier.seq() + ") with other values"
                            : "id " + event.id() + " was used already by a different " + event.type()
                                    + " event (event " + earlier.seq() + ")");
        }
        return StrictJson.parse(earlier.answer()).asJsonObject();
    }

    @Override
    public ChallengeSnapshot act(Caller caller, String challengeId, Action action, String reason, Instant until,
                                 Integer days) {
        Challenge challenge = visible(caller, challenges.lock(challengeId), challengeId);
        boolean riskMayDo = action == Action.PAUSE || action == Action.RESUME;
        if (!caller.is(Role.ADMIN) && !(caller.is(Role.RISK) && riskMayDo)) {
            throw new AccessDeniedException("this action needs the ADMIN role" + (riskMayDo ? " or RISK" : ""));
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw InvalidInputException.of("reason", Kind.VALUE, "a reason of 1 to 500 characters is required");
        }
        Instant now = clock.instant();
        // Staff act now, but never before the account's last event.
        Instant at = now.isBefore(challenge.account().lastEventAt()) ? challenge.account().lastEventAt() : now;
        ManualAction manual = switch (action) {
            case FAIL -> new ManualAction.Fail(at);
            case PASS -> new ManualAction.Pass(at);
            case PAUSE -> new ManualAction.Pause(at, until);
            case RESUME -> new ManualAction.Resume(at);
            case EXTEND -> {
                if (days == null) {
                    throw InvalidInputException.of("days", Kind.VALUE, "is required to extend");
                }
                yield new ManualAction.Extend(at, days);
            }
            case RESTORE -> new ManualAction.Restore(at);
        };
        RuleSet rules = planRules.of(challenge.planCode(), challenge.planVersion());
        Evaluation evaluation;
        try {
            evaluation = challenge.act(rules, manual, now);
        } catch (EventRejectedException e) {
            throw InvalidInputException.of(e.field(), Kind.VALUE, e.getMessage());
        }
        JsonObjectBuilder content = Json.createObjectBuilder().add("action", action.name()).add("reason", reason.strip())
                .add("outcomes", OutcomeJson.write(evaluation.outcomes()));
        if (until != null) {
            content.add("until", until.toString());
        }
        if (days != null) {
            content.add("days", days);
        }
        challenges.add(challenge.audit(AuditEntry.Kind.MANUAL_ACTION, at, caller.auditName(), content.build().toString()));
        auditStatusChanges(challenge, evaluation, at);
        List<JsonObject> messages = new ArrayList<>();
        outcomeMessages(challenge, evaluation, at, messages);
        alertOnFailure(challenge, evaluation, now, messages);
        publish(challenge, rules, now, messages);
        LOG.log(Level.INFO, "{0} applied {1} to challenge {2}: {3}",
                new Object[] {caller.auditName(), action, challengeId, reason.strip()});
        return ChallengeSnapshot.of(challenge, rules);
    }

    /** A live message: {@code {"type", "challengeId", "seq", "at", "data"}}. */
    static JsonObject message(String type, Challenge challenge, Instant at, JsonObject data) {
        return Json.createObjectBuilder().add("type", type).add("challengeId", challenge.id())
                .add("seq", challenge.seq()).add("at", at.toString()).add("data", data).build();
    }

    /** The outcomes a screen must show as they happen: breaches and every change of status. */
    private static void outcomeMessages(Challenge challenge, Evaluation evaluation, Instant at, List<JsonObject> messages) {
        for (Outcome outcome : evaluation.outcomes()) {
            String type = switch (outcome.type()) {
                case BREACH -> "BREACH";
                case PAUSED -> "PAUSED";
                case RESUMED -> "RESUMED";
                case PHASE_PASSED -> "PHASE_PASSED";
                case PENDING_REVIEW -> "PENDING_REVIEW";
                case PASSED -> "PASSED";
                case FAILED -> "FAILED";
                case EXTENDED -> "EXTENDED";
                case RESTORED -> "RESTORED";
                default -> null;
            };
            if (type != null) {
                messages.add(message(type, challenge, at, OutcomeJson.write(outcome)));
            }
        }
    }

    /** A failure is an alert for risk staff, raised with it in the same transaction. */
    private void alertOnFailure(Challenge challenge, Evaluation evaluation, Instant now, List<JsonObject> messages) {
        if (evaluation.has(OutcomeType.FAILED)) {
            alerts.failed(challenge, now).ifPresent(messages::add);
        }
    }

    /** Hands the messages and the resulting state to the live channels; they push after the commit. */
    private void publish(Challenge challenge, RuleSet rules, Instant now, List<JsonObject> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<JsonObject> all = new ArrayList<>(messages);
        all.add(message("STATE", challenge, now, ChallengeSnapshot.of(challenge, rules).toJson()));
        changes.fire(new ChallengeChanged(challenge.id(), challenge.traderId(), challenge.planCode(), all));
    }

    private static List<Event> events(JsonValue json) {
        StrictJson reader = new StrictJson();
        List<Event> events = new ArrayList<>();
        if (json instanceof JsonArray array) {
            if (array.isEmpty() || array.size() > MAX_EVENTS_PER_REQUEST) {
                throw InvalidInputException.of("", Kind.VALUE,
                        "send 1 to " + MAX_EVENTS_PER_REQUEST + " events in one request");
            }
            for (int i = 0; i < array.size(); i++) {
                events.add(EventDocument.read(reader, array.get(i), "[" + i + "]"));
            }
        } else {
            events.add(EventDocument.read(reader, json, ""));
        }
        reader.throwIfInvalid();
        return events;
    }

    /** One event through the engine; a refusal aborts the whole request and nothing is applied. */
    private static Evaluation apply(Challenge challenge, RuleSet rules, Event event, Instant now, String path) {
        try {
            return challenge.apply(rules, event, now);
        } catch (EventRejectedException e) {
            String field = StrictJson.join(path, e.field());
            if (e.reason() == EventRejectedException.Reason.OUT_OF_ORDER) {
                throw new EventOutOfOrderException(field, e.getMessage());
            }
            throw InvalidInputException.of(field, Kind.VALUE, e.getMessage());
        }
    }

    private static JsonObject entry(long seq, Event event, JsonArray outcomes) {
        JsonObjectBuilder entry = Json.createObjectBuilder().add("seq", seq).add("type", event.type().name());
        entry.add("id", event.id() == null ? JsonValue.NULL : Json.createValue(event.id()));
        return entry.add("at", event.at().toString()).add("outcomes", outcomes).build();
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

    /** The event itself, then every change of status it caused, each as one chained entry. */
    private void audit(Challenge challenge, Event event, Evaluation evaluation, JsonObject entry, String actor) {
        boolean ignored = evaluation.has(OutcomeType.IGNORED_FROZEN);
        JsonObject content = Json.createObjectBuilder(entry).add("event", EventDocument.write(event)).build();
        challenges.add(challenge.audit(ignored ? AuditEntry.Kind.EVENT_IGNORED : AuditEntry.Kind.EVENT_APPLIED,
                event.at(), actor, content.toString()));
        auditStatusChanges(challenge, evaluation, event.at());
    }

    /** Every change of status the engine reported, each as one chained entry. */
    private void auditStatusChanges(Challenge challenge, Evaluation evaluation, Instant at) {
        for (Outcome outcome : evaluation.outcomes()) {
            AuditEntry.Kind kind = switch (outcome.type()) {
                case FAILED -> AuditEntry.Kind.FAILED;
                case PAUSED -> AuditEntry.Kind.PAUSED;
                case RESUMED -> AuditEntry.Kind.RESUMED;
                case PHASE_PASSED -> AuditEntry.Kind.PHASE_PASSED;
                case PENDING_REVIEW -> AuditEntry.Kind.PENDING_REVIEW;
                case PASSED -> AuditEntry.Kind.PASSED;
                case EXTENDED -> AuditEntry.Kind.EXTENDED;
                case RESTORED -> AuditEntry.Kind.RESTORED;
                default -> null;
            };
            if (kind != null) {
                challenges.add(challenge.audit(kind, at, "engine", Json.createObjectBuilder()
                        .add("eventSeq", challenge.seq()).add("outcome", OutcomeJson.write(outcome))
                        .add("status", challenge.status().name()).build().toString()));
                LOG.log(Level.INFO, "Challenge {0}: {1} ({2})",
                        new Object[] {challenge.id(), outcome.type(), OutcomeJson.write(outcome)});
            }
        }
    }

    @Override
    public List<JsonObject> events(Caller caller, String challengeId, long afterSeq, int limit) {
        visible(caller, challenges.find(challengeId), challengeId);
        return challenges.eventsAfter(challengeId, afterSeq, limit).stream().map(e -> Json.createObjectBuilder()
                .add("seq", e.seq())
                .add("type", e.type())
                .add("event", StrictJson.parse(e.payload()))
                .add("outcomes", StrictJson.parse(e.outcomes()))
                .add("receivedAt", e.receivedAt().toString())
                .build()).toList();
    }

    @Override
    public List<JsonObject> audit(Caller caller, String challengeId, long afterSeq, int limit) {
        visible(caller, challenges.find(challengeId), challengeId);
        return challenges.auditTrail(challengeId, afterSeq, limit).stream().map(a -> Json.createObjectBuilder()
                .add("seq", a.seq())
                .add("kind", a.kind())
                .add("at", a.occurredAt().toString())
                .add("actor", a.actor())
                .add("content", StrictJson.parse(a.content()))
                .add("previousHash", a.previousHash())
                .add("hash", a.hash())
                .build()).toList();
    }

    @Override
    public JsonObject verifyAudit(Caller caller, String challengeId) {
        long written = visible(caller, challenges.find(challengeId), challengeId).auditSeq();
        String expectedPrevious = AuditEntry.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        final int batch = 1_000;
        List<AuditEntry> entries = challenges.auditTrail(challengeId, 0, batch);
        while (!entries.isEmpty()) {
            for (AuditEntry entry : entries) {
                String problem = null;
                if (entry.seq() != expectedSeq) {
                    problem = "entry " + expectedSeq + " is missing";
                } else if (!entry.previousHash().equals(expectedPrevious)) {
                    problem = "its previous hash does not match the entry before it";
                } else if (!entry.computeHash().equals(entry.hash())) {
                    problem = "its content does not match its hash";
                }
                if (problem != null) {
                    LOG.log(Level.WARNING, "Audit chain of challenge {0} is broken at entry {1}: {2}",
                            new Object[] {challengeId, expectedSeq, problem});
                    return Json.createObjectBuilder().add("challengeId", challengeId).add("valid", false)
                            .add("entriesChecked", checked).add("firstBrokenSeq", expectedSeq)
                            .add("problem", problem).build();
                }
                expectedPrevious = entry.hash();
                expectedSeq++;
                checked++;
            }
            entries = challenges.auditTrail(challengeId, expectedSeq - 1, batch);
        }
        if (checked != written) {
            return Json.createObjectBuilder().add("challengeId", challengeId).add("valid", false)
                    .add("entriesChecked", checked).add("firstBrokenSeq", checked + 1)
                    .add("problem", "the trail ends at entry " + checked + " but " + written + " were written")
                    .build();
        }
        return Json.createObjectBuilder().add("challengeId", challengeId).add("valid", true)
                .add("entriesChecked", checked).addNull("firstBrokenSeq").build();
    }

    /**
     * The challenge when the caller may see it: staff see all, traders their own, platform keys those on
     * their plans. Anything else is "not found", so ids cannot be probed.
     */
    private static Challenge visible(Caller caller, Optional<Challenge> found, String id) {
        return found.filter(c -> caller.isStaff()
                        || (caller.is(Role.TRADER) && c.traderId().equals(caller.id()))
                        || (caller.is(Role.PLATFORM) && caller.mayUsePlan(c.planCode())))
                .orElseThrow(() -> new ChallengeNotFoundException(id));
    }
}
