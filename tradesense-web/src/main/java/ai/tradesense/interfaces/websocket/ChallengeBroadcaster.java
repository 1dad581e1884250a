package ai.tradesense.interfaces.websocket;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import ai.tradesense.application.SharedStore;
import ai.tradesense.application.challenge.ChallengeChanged;
import ai.tradesense.application.challenge.LiveChannel;

/**
 * Pushes a challenge's changes once the transaction that made them has committed: to this node's
 * watchers at once, and through Redis pub/sub to every other API node's. While Redis is down each node
 * still serves its own watchers; clients that see a gap in {@code seq} re-read from the REST API.
 */
@ApplicationScoped
public class ChallengeBroadcaster {

    static final String CHANNEL = LiveChannel.NAME;
    private static final Logger LOG = Logger.getLogger(ChallengeBroadcaster.class.getName());
    /** What staff see on the ops channel: changes of status, not every tick. */
    private static final Set<String> OPS_TYPES = Set.of("BREACH", "PAUSED", "RESUMED", "PHASE_PASSED",
            "PENDING_REVIEW", "PASSED", "FAILED", "EXTENDED", "RESTORED", "ALERT");

    private final String node = UUID.randomUUID().toString();

    @Inject
    LiveSessions sessions;

    @Inject
    SharedStore sharedStore;

    private AutoCloseable subscription;

    void listen(@Observes @Initialized(ApplicationScoped.class) Object started) {
        subscription = sharedStore.subscribe(CHANNEL, this::received);
    }

    @PreDestroy
    void stop() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing the live subscription failed", e);
            }
        }
    }

    void pushAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChallengeChanged change) {
        LiveChannel.Envelope envelope = LiveChannel.Envelope.of(node, change);
        deliver(envelope.challengeId(), envelope.messages());
        sharedStore.publish(CHANNEL, envelope.toJson());
    }

    /**
     * A change made on another node, or by the worker (on this node or another); this node's own come
     * back too and are skipped.
     */
    private void received(String json) {
        LiveChannel.Envelope envelope = LiveChannel.Envelope.parse(json);
        if (!node.equals(envelope.origin())) {
            deliver(envelope.challengeId(), envelope.messages());
        }
    }

    private void deliver(String challengeId, List<String> messages) {
        sessions.publish(challengeId, messages);
        sessions.publishOps(messages.stream().filter(ChallengeBroadcaster::forOps).toList());
    }

    private static boolean forOps(String message) {
        int type = message.indexOf("\"type\":\"");
        if (type < 0) {
            return false;
        }
        int start = type + "\"type\":\"".length();
        return OPS_TYPES.contains(message.substring(start, message.indexOf('"', start)));
    }
}
