package ai.tradesense.application.challenge;

import java.time.Instant;

import ai.tradesense.application.risk.AlertView;
import ai.tradesense.domain.rules.Outcome;
import ai.tradesense.domain.rules.OutcomeType;

/**
 * A message pushed to a challenge's watchers (and, for changes of status and alerts, to the ops
 * channel): on the wire {@code {"type", "challengeId", "seq", "at", "data"}}, written by the WebSocket
 * encoder. {@code seq} is the challenge's event sequence number when the message was made.
 */
public sealed interface LiveMessage {

    String challengeId();

    long seq();

    Instant at();

    /** Changes of status and alerts go to the ops channel too; events and states are for watchers only. */
    default boolean forOps() {
        return this instanceof OutcomeReported || this instanceof Alert;
    }

    /** EVENT_APPLIED: one event went through the engine. */
    record EventApplied(String challengeId, long seq, Instant at, AppliedEvent event) implements LiveMessage { }

    /**
     * An outcome a screen shows as it happens: a breach or a change of status (BREACH, PAUSED, RESUMED,
     * PHASE_PASSED, PENDING_REVIEW, PASSED, FAILED, EXTENDED, RESTORED, PAYOUT_PAID, SCALED), typed by the outcome.
     */
    record OutcomeReported(String challengeId, long seq, Instant at, Outcome outcome) implements LiveMessage {

        /** The outcomes that are pushed; the others (a day rolled, a pass held back...) are not. */
        public static boolean reported(OutcomeType type) {
            return switch (type) {
                case BREACH, PAUSED, RESUMED, PHASE_PASSED, PENDING_REVIEW, PASSED, FAILED, EXTENDED, RESTORED,
                     CONDUCT_VIOLATION, PAYOUT_PAID, SCALED -> true;
                default -> false;
            };
        }
    }

    /** STATE: the challenge as it is now. */
    record State(String challengeId, long seq, Instant at, ChallengeSnapshot challenge) implements LiveMessage { }

    /** ALERT: an alert for risk staff was raised or acknowledged. */
    record Alert(String challengeId, long seq, Instant at, AlertView alert)
            implements LiveMessage {

        public boolean acknowledged() {
            return alert.acknowledgedAt() != null;
        }
    }
}
