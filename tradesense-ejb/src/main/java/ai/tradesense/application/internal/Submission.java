package ai.tradesense.application.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import ai.tradesense.application.challenge.BridgeAnswer;
import ai.tradesense.application.challenge.IngestAnswer;
import ai.tradesense.application.security.Caller;
import ai.tradesense.domain.rules.Event;

/**
 * One ingestion request waiting for the {@link IngestionWriter}: its events, in request order, and the
 * future its answer completes once the transaction holding it committed.
 *
 * @param single true for a request of one event object (its repeat answers its first entry alone)
 * @param bridge true for a bridge request (all-or-nothing per challenge, one result per event); otherwise
 *               every event is of one challenge and the request is all-or-nothing
 */
record Submission(Caller caller, List<Entry> entries, boolean single, boolean bridge,
                  CompletableFuture<Settled> settled) {

    Submission {
        entries = List.copyOf(entries);
    }

    /**
     * An event of the request.
     *
     * @param index its position in the request
     * @param path  the JSON path of the event within the request body ({@code ""}, {@code [3]},
     *              {@code events[3]}), which problems name
     */
    record Entry(int index, String challengeId, Event event, String path) { }

    /** What the transaction answered to one request. */
    sealed interface Settled {

        record Answered(IngestAnswer answer) implements Settled { }

        record Bridged(BridgeAnswer answer) implements Settled { }

        /** Refused before anything was touched; nothing of the request was applied. */
        record Refused(RuntimeException problem) implements Settled { }
    }
}
