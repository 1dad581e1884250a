package ai.tradesense.application.challenge;

import java.util.List;

import ai.tradesense.domain.rules.Outcome;

/** What a bridge request answers: one result per event, in request order. */
public record BridgeAnswer(List<Result> results) {

    public BridgeAnswer {
        results = List.copyOf(results);
    }

    /** What happened to the event at {@code index} of the request. */
    public sealed interface Result {

        int index();

        String challengeId();
    }

    /** It went through the engine; {@code seq} is the challenge's sequence number after it. */
    public record Applied(int index, String challengeId, long seq, List<Outcome> outcomes) implements Result {
        public Applied {
            outcomes = List.copyOf(outcomes);
        }
    }

    /** (challenge, type, id) was applied before; {@code seq} is what the first application answered. */
    public record Duplicate(int index, String challengeId, long seq) implements Result { }

    /** The event's own problem: invalid, out of order, or a challenge unknown to the caller. */
    public record Refused(int index, String challengeId, RuntimeException problem) implements Result { }

    /** Not applied because the event at {@code refusedIndex}, of the same challenge, was refused. */
    public record NotApplied(int index, String challengeId, int refusedIndex) implements Result { }
}
