package ai.tradesense.interfaces.websocket;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import ai.tradesense.application.LiveFanOut;
import ai.tradesense.application.challenge.ChallengeChanged;
import ai.tradesense.application.challenge.LiveChannel;
import ai.tradesense.application.challenge.LiveMessage;
import ai.tradesense.infrastructure.json.LiveEnvelope;

/**
 * Pushes a challenge's changes once their transaction has committed, to this node's watchers and through
 * the fan-out to every other node's; clients that see a gap in {@code seq} re-read from the REST API. The
 * sends and the publish run on the container's executor, one change at a time (so each challenge's
 * messages stay in order), never on the request's thread, so no answer waits on Redis; beyond
 * {@value #FAN_OUT_BACKLOG} waiting tasks, newer ones are dropped, and watchers re-read on the gap.
 */
@ApplicationScoped
public class ChallengeBroadcaster {

    static final String CHANNEL = LiveChannel.NAME;
    private static final Logger LOG = Logger.getLogger(ChallengeBroadcaster.class.getName());
    private static final LiveMessageEncoder ENCODER = new LiveMessageEncoder();

    static final int FAN_OUT_BACKLOG = 10_000;

    private final String node = UUID.randomUUID().toString();
    private final String ownStart = LiveEnvelope.startOf(node);
    private OrderedFanOut fanOut;

    /** The fan-out's own thread, made once by the container: a managed executor's submit captured the
     * thread context at every task, scanning the class path each time. */
    @Resource
    ManagedThreadFactory threads;

    private ExecutorService fanOutThread;

    @Inject
    LiveSessions sessions;

    @Inject
    LiveFanOut liveFanOut;

    private AutoCloseable subscription;

    @PostConstruct
    void startFanOut() {
        fanOutThread = Executors.newSingleThreadExecutor(threads);
        fanOut = new OrderedFanOut(fanOutThread, FAN_OUT_BACKLOG, () -> LOG.warning("Live fan-out is " + FAN_OUT_BACKLOG
                + " tasks behind: a change was not pushed or published (watchers re-read on the gap)"));
    }

    void listen(@Observes @Initialized(ApplicationScoped.class) Object started) {
        subscription = liveFanOut.subscribe(CHANNEL, this::received);
    }

    @PreDestroy
    void stop() {
        fanOut.shutdownNow();
        fanOutThread.shutdown();
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing the live subscription failed", e);
            }
        }
    }

    void pushAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChallengeChanged change) {
        LiveEnvelope envelope = LiveEnvelope.of(node, change, change.messages().stream().map(ENCODER::encode).toList());
        deliver(change.challengeId(), envelope.messages(), envelope.opsMessages());
        fanOut.execute(() -> liveFanOut.publish(CHANNEL, envelope.toJson()));
    }

    /**
     * A change made on another node, or by the worker (on this node or another); this node's own come
     * back too and are skipped.
     */
    private void received(String json) {
        if (json.startsWith(ownStart)) {
            return;
        }
        LiveEnvelope envelope = LiveEnvelope.parse(json);
        if (!node.equals(envelope.origin())) {
            deliver(envelope.challengeId(), envelope.messages(), envelope.opsMessages());
        }
    }

    private void deliver(String challengeId, List<String> messages, List<String> ops) {
        fanOut.execute(() -> {
            try {
                sessions.publish(challengeId, messages);
                sessions.publishOps(ops);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Live messages of challenge " + challengeId + " could not be pushed", e);
            }
        });
    }
}
