package ai.tradesense.interfaces.batch;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import ai.tradesense.application.LiveFanOut;
import ai.tradesense.application.challenge.ChallengeChanged;
import ai.tradesense.application.challenge.LiveChannel;
import ai.tradesense.infrastructure.json.LiveEnvelope;

/**
 * The worker has no WebSocket clients of its own: what it changes (ticks, failures at a reset, alerts)
 * goes onto the live channel after the commit, and every API node pushes it to its watchers.
 */
@ApplicationScoped
public class LiveRelay {

    private final String node = "worker-" + UUID.randomUUID();

    @Inject
    LiveFanOut fanOut;

    void relay(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChallengeChanged change) {
        fanOut.publish(LiveChannel.NAME, LiveEnvelope.of(node, change).toJson());
    }
}
