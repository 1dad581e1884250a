package ai.tradesense.application.challenge;

import java.time.Instant;
import java.util.List;

import ai.tradesense.domain.rules.Outcome;

/**
 * What happened to one event of a request: its sequence number, what it was and what the engine said.
 *
 * @param id        null for events without one
 * @param duplicate true when it repeated an event seen before and changed nothing
 */
public record AppliedEvent(long seq, String type, String id, Instant at, List<Outcome> outcomes, boolean duplicate) {

    public AppliedEvent {
        outcomes = List.copyOf(outcomes);
    }

    public AppliedEvent asDuplicate() {
        return new AppliedEvent(seq, type, id, at, outcomes, true);
    }
}
