package ai.tradesense.application.challenge;

import java.time.Instant;
import java.util.List;

import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.Outcome;

/** A recorded event as the API lists it: the event as received and what the engine made of it. */
public record RecordedEventView(long seq, String type, Event event, List<Outcome> outcomes, Instant receivedAt) {

    public RecordedEventView {
        outcomes = List.copyOf(outcomes);
    }
}
