package ai.tradesense.application.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;

import ai.tradesense.application.challenge.ChallengeSnapshot;
import ai.tradesense.application.challenge.SimulationService;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.infrastructure.json.StrictJson;
import ai.tradesense.infrastructure.json.EventDocument;
import ai.tradesense.infrastructure.json.OutcomeJson;
import ai.tradesense.domain.model.plan.Plan;
import ai.tradesense.infrastructure.json.PlanDocument;
import ai.tradesense.domain.model.plan.PlanRepository;
import ai.tradesense.domain.rules.AccountState;
import ai.tradesense.domain.rules.Evaluation;
import ai.tradesense.domain.rules.Evaluator;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.EventRejectedException;
import ai.tradesense.domain.rules.RuleSet;

@Stateless
public class DefaultSimulationService implements SimulationService {

    private static final Set<String> FIELDS = Set.of("plan", "planCode", "planVersion", "startAt", "events");

    @Inject
    PlanRepository plans;

    @Inject
    PlanRules planRules;

    @Inject
    Clock clock;

    @Override
    public Result simulate(String request) {
        StrictJson json = new StrictJson();
        StrictJson.Obj body = json.object(StrictJson.parse(request), "", FIELDS);
        json.throwIfInvalid();
        PlanRef plan = plan(json, body);
        JsonArray eventArray = body.array("events", true);
        List<Event> events = new ArrayList<>();
        if (eventArray != null) {
            if (eventArray.size() > MAX_EVENTS) {
                json.violation("events", Kind.VALUE, "at most " + MAX_EVENTS + " events per simulation");
            } else {
                for (int i = 0; i < eventArray.size(); i++) {
                    events.add(EventDocument.read(json, eventArray.get(i), "events[" + i + "]"));
                }
            }
        }
        Instant startAt = startAt(json, body, events);
        json.throwIfInvalid();

        AccountState state = AccountState.start(plan.rules(), startAt);
        List<Step> timeline = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            Evaluation evaluation;
            try {
                evaluation = Evaluator.apply(plan.rules(), state, event);
            } catch (EventRejectedException e) {
                throw InvalidInputException.of("events[" + i + "]." + e.field(), Kind.VALUE, e.getMessage());
            }
            state = evaluation.state();
            timeline.add(new Step(i, event.type().name(), event.at(), state.status(), state.balance(),
                    state.equity(), state.dailyLossFloor(plan.rules()), state.maxLossFloor(),
                    OutcomeJson.write(evaluation.outcomes())));
        }
        ChallengeSnapshot fin = ChallengeSnapshot.of(null, plan.code(), plan.version(), null, plan.rules(), state,
                events.size(), startAt, clock.instant());
        return new Result(fin, timeline);
    }

    private record PlanRef(String code, Integer version, RuleSet rules) { }

    /** Exactly one of an inline {@code plan} and a stored {@code planCode} (with an optional version). */
    private PlanRef plan(StrictJson json, StrictJson.Obj body) {
        boolean inline = body.has("plan");
        boolean stored = body.has("planCode");
        if (inline == stored) {
            throw InvalidInputException.of(inline ? "planCode" : "plan", Kind.VALUE,
                    "give exactly one of plan (a plan document) and planCode (a stored plan)");
        }
        if (inline) {
            if (body.has("planVersion")) {
                throw InvalidInputException.of("planVersion", Kind.VALUE, "applies only with planCode");
            }
            RuleSet rules = PlanDocument.read(body.raw("plan"), "plan", false);
            return new PlanRef(rules.code(), null, rules);
        }
        String code = body.string("planCode", true, null);
        Integer version = body.integer("planVersion", null, 1, Integer.MAX_VALUE);
        json.throwIfInvalid();
        Plan plan = (version == null ? plans.latest(code) : plans.version(code, version)).orElseThrow(() ->
                InvalidInputException.of("planCode", Kind.VALUE, version == null ? "no plan with code '" + code + "'"
                        : "plan '" + code + "' has no version " + version));
        return new PlanRef(plan.code(), plan.version(), planRules.of(plan.code(), plan.version()));
    }

    /** The account opens at {@code startAt}; without it, at the first event (or now, with none). */
    private Instant startAt(StrictJson json, StrictJson.Obj body, List<Event> events) {
        String text = body.string("startAt", false, null);
        if (text == null) {
            return events.isEmpty() || events.get(0) == null ? clock.instant() : events.get(0).at();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            json.violation("startAt", Kind.VALUE, "must be an ISO-8601 instant such as 2026-03-02T00:00:00Z");
            return clock.instant();
        }
    }
}
