package ai.tradesense.application.challenge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.json.JsonArray;

import ai.tradesense.domain.rules.ChallengeStatus;

/**
 * What-if: a plan (stored or given inline) and a history of events through the same engine as live
 * ingestion, with nothing stored.
 */
public interface SimulationService {

    /** Events one simulation may carry. */
    int MAX_EVENTS = 100_000;

    /**
     * @throws ai.tradesense.domain.model.InvalidInputException naming the JSON path of every problem
     *         ({@code plan.phases[0].maxLoss.pct}, {@code events[3].equity})
     */
    Result simulate(String request);

    /** The final state and one step per event. */
    record Result(ChallengeSnapshot fin, List<Step> timeline) { }

    /** The state after one event and what the engine said about it. */
    record Step(int index, String type, Instant at, ChallengeStatus status, BigDecimal balance, BigDecimal equity,
                BigDecimal dailyLossFloor, BigDecimal maxLossFloor, JsonArray outcomes) { }
}
