package ai.tradesense.application.challenge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import ai.tradesense.domain.rules.CalendarEntry;
import ai.tradesense.domain.rules.ChallengeStatus;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.Outcome;
import ai.tradesense.domain.rules.RuleSet;

/**
 * What-if: a plan (stored or given inline) and a history of events through the same engine as live
 * ingestion, with nothing stored.
 */
public interface SimulationService {

    /** Events one simulation may carry. */
    int MAX_EVENTS = 100_000;

    /**
     * The stored plan version to simulate, the newest when {@code version} is null.
     *
     * @throws ai.tradesense.domain.model.InvalidInputException on {@code planCode} when there is none
     */
    SimulatedPlan storedPlan(String code, Integer version);

    /**
     * @throws ai.tradesense.domain.model.InvalidInputException on {@code events[i].<field>} when the
     *         engine refuses an event
     */
    Result simulate(Request request);

    /** The rules to simulate; code and version are those of a stored plan, or what an inline plan says. */
    record SimulatedPlan(String code, Integer version, RuleSet rules) {

        /** A plan given inline, not stored. */
        public static SimulatedPlan inline(RuleSet rules) {
            return new SimulatedPlan(rules.code(), null, rules);
        }
    }

    /**
     * A simulation: the account opens at {@code startAt}; without it, at the first event (or now, with
     * none). At most {@link #MAX_EVENTS} events. {@code calendar} is the simulation's own economic calendar;
     * null to use the firm's.
     */
    record Request(SimulatedPlan plan, Instant startAt, List<Event> events, List<CalendarEntry> calendar) {

        public Request(SimulatedPlan plan, Instant startAt, List<Event> events) {
            this(plan, startAt, events, null);
        }
    }

    /** The final state and one step per event. */
    record Result(ChallengeSnapshot fin, List<Step> timeline) { }

    /** The state after one event and what the engine said about it. */
    record Step(int index, String type, Instant at, ChallengeStatus status, BigDecimal balance, BigDecimal equity,
                BigDecimal dailyLossFloor, BigDecimal maxLossFloor, List<Outcome> outcomes) { }
}
