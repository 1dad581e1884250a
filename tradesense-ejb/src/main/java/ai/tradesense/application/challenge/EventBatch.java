package ai.tradesense.application.challenge;

import java.util.List;

import ai.tradesense.domain.rules.Event;

/**
 * The events of one ingestion request, in order. A request of one object and a request of a one-item
 * array answer differently (a repeated single event answers its first entry alone), so the shape
 * the client sent is kept.
 *
 * @param single true when the request was one event, not an array
 */
public record EventBatch(List<Event> events, boolean single) {

    /** Events in one request; larger histories go to the simulation API or several requests. */
    public static final int MAX_EVENTS = 1_000;

    public EventBatch {
        events = List.copyOf(events);
    }
}
