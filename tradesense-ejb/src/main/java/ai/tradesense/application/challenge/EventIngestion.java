package ai.tradesense.application.challenge;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

import ai.tradesense.application.security.Caller;

/**
 * Feeding challenges events: the platform's reports and the risk worker's clock, through the engine.
 * Reports are answered asynchronously: concurrent requests share one transaction (group commit) and each
 * is answered only after it committed.
 */
public interface EventIngestion {

    /**
     * Applies the events in order, all or nothing, and answers with the resulting state and what
     * happened to each. A repeat of an event's (type, id) answers its entry as the first time did, with
     * the current state, and changes nothing. Completes exceptionally with {@link ai.tradesense.domain.model.InvalidInputException} when
     * an event cannot be applied, {@link EventOutOfOrderException} when one is older than the last one
     * applied, {@link ai.tradesense.domain.model.challenge.ChallengeNotFoundException}, or
     * {@link CommitFailedException} (nothing applied in any of these cases).
     */
    CompletionStage<IngestAnswer> ingest(Caller caller, String challengeId, EventBatch events);

    /**
     * A platform bridge's events for many challenges: all or nothing per challenge, one result per
     * event. Completes exceptionally only with {@link CommitFailedException}.
     */
    CompletionStage<BridgeAnswer> ingest(Caller caller, BridgeBatch events);

    /**
     * The risk worker's clock: applies a {@code CLOCK} at each instant, in order, as the worker (audited
     * as such), in the caller's transaction. Each tick's id is its time, so a tick sent again is a repeat
     * and changes nothing; instants before the challenge's last event are skipped, and it stops once the
     * challenge is frozen.
     *
     * @return how many ticks were applied
     */
    int advance(String challengeId, List<Instant> clocks);
}
