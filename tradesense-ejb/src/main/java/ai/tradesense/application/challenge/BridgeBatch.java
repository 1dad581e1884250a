package ai.tradesense.application.challenge;

import java.util.List;

import ai.tradesense.domain.rules.Event;

/**
 * A platform bridge's request: events of any number of challenges, each applied in array order within
 * its challenge, all-or-nothing per challenge.
 */
public record BridgeBatch(List<Entry> events) {

    /** Events in one bridge request. */
    public static final int MAX_EVENTS = 10_000;

    /** One element of the request. */
    public record Entry(String challengeId, Event event) { }

    public BridgeBatch {
        events = List.copyOf(events);
    }
}
