package ai.tradesense.application.challenge;

import java.time.Instant;
import java.util.List;

import ai.tradesense.application.security.Caller;

/** Feeding challenges events: the platform's reports and the risk worker's clock, through the engine. */
public interface EventIngestion {

    /**
     * Applies the events in order, in one transaction, and answers with the resulting state and what
     * happened to each. A repeat of an event's (type, id) answers as the first time did and changes
     * nothing.
     *
     * @throws ai.tradesense.domain.model.InvalidInputException when an event cannot be applied (nothing
     *         is applied then)
     * @throws EventOutOfOrderException when an event is older than the last one applied
     */
    IngestAnswer ingest(Caller caller, String challengeId, EventBatch events);

    /**
     * The risk worker's clock: applies a {@code CLOCK} at each instant, in order, as the worker (audited
     * as such). Each tick's id is its time, so a tick sent again is a repeat and changes nothing; instants
     * before the challenge's last event are skipped, and it stops once the challenge is frozen.
     *
     * @return how many ticks were applied
     */
    int advance(String challengeId, List<Instant> clocks);
}
