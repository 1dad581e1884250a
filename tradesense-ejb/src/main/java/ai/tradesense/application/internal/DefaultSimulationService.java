package ai.tradesense.application.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import ai.tradesense.application.challenge.ChallengeSnapshot;
import ai.tradesense.application.challenge.SimulationService;
import ai.tradesense.domain.model.InvalidInputException;
import ai.tradesense.domain.model.InvalidInputException.Kind;
import ai.tradesense.domain.model.plan.Plan;
import ai.tradesense.domain.model.plan.PlanRepository;
import ai.tradesense.domain.rules.AccountState;
import ai.tradesense.domain.rules.EconomicCalendar;
import ai.tradesense.domain.rules.Evaluation;
import ai.tradesense.domain.rules.Evaluator;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.EventRejectedException;
import ai.tradesense.domain.rules.RuleSet;

@Stateless
public class DefaultSimulationService implements SimulationService {

    @Inject
    PlanRepository plans;

    @Inject
    PlanRules planRules;

    @Inject
    EconomicCalendars calendars;

    @Inject
    Clock clock;

    @Override
    public SimulatedPlan storedPlan(String code, Integer version) {
        Plan plan = (version == null ? plans.latest(code) : plans.version(code, version)).orElseThrow(() ->
                InvalidInputException.of("planCode", Kind.VALUE, version == null ? "no plan with code '" + code + "'"
                        : "plan '" + code + "' has no version " + version));
        return new SimulatedPlan(plan.code(), plan.version(), planRules.of(plan.code(), plan.version()));
    }

    @Override
    public Result simulate(Request request) {
        List<Event> events = request.events();
        if (events.size() > MAX_EVENTS) {
            throw InvalidInputException.of("events", Kind.VALUE, "at most " + MAX_EVENTS + " events per simulation");
        }
        RuleSet rules = request.plan().rules();
        Instant startAt = request.startAt() != null ? request.startAt()
                : events.isEmpty() ? clock.instant() : events.get(0).at();
        AccountState state = AccountState.start(rules, startAt);
        // A simulation that brings its own calendar is judged against it; otherwise against the firm's.
        EconomicCalendar calendar = request.calendar() != null ? EconomicCalendar.of(request.calendar())
                : calendars.forRules(rules);
        List<Step> timeline = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            Evaluation evaluation;
            try {
                evaluation = Evaluator.apply(rules, state, event, calendar);
            } catch (EventRejectedException e) {
                throw InvalidInputException.of("events[" + i + "]." + e.field(), Kind.VALUE, e.getMessage());
            }
            state = evaluation.state();
            timeline.add(new Step(i, event.type().name(), event.at(), state.status(), state.balance(),
                    state.equity(), state.dailyLossFloor(rules), state.maxLossFloor(), evaluation.outcomes()));
        }
        ChallengeSnapshot fin = ChallengeSnapshot.of(null, request.plan().code(), request.plan().version(), null,
                rules, state, events.size(), startAt, clock.instant());
        return new Result(fin, timeline);
    }
}
