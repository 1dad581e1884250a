package ai.tradesense.interfaces.websocket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

/**
 * The open live sessions of this node: by the challenge they watch, and the staff's ops channel.
 * Every session is pinged every {@value #PING_SECONDS} s; one that has not answered for
 * {@value #SILENT_SECONDS} s is dropped.
 */
@ApplicationScoped
public class LiveSessions {

    static final long PING_SECONDS = 30;
    static final long SILENT_SECONDS = 75;
    private static final Logger LOG = Logger.getLogger(LiveSessions.class.getName());
    private static final String OUTBOX = Outbox.class.getName();
    private static final String LAST_SEEN = LiveSessions.class.getName() + ".lastSeen";
    private static final ByteBuffer PING = ByteBuffer.wrap(new byte[] {'t', 's'});

    private final Map<String, Set<Session>> byChallenge = new ConcurrentHashMap<>();
    private final Set<Session> ops = ConcurrentHashMap.newKeySet();

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> pinger;

    /**
     * Created at start-up, in the application's own context: the metrics scraper reads the session count
     * from a thread of the server where the application's resources cannot be looked up.
     */
    void created(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.fine("live sessions ready");
    }

    @PostConstruct
    void startPinging() {
        pinger = scheduler.scheduleAtFixedRate(this::pingAll, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stopPinging() {
        if (pinger != null) {
            pinger.cancel(false);
        }
    }

    void add(String challengeId, Session session) {
        prepare(session);
        byChallenge.computeIfAbsent(challengeId, id -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void addOps(Session session) {
        prepare(session);
        ops.add(session);
    }

    void remove(String challengeId, Session session) {
        byChallenge.computeIfPresent(challengeId, (id, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }

    void removeOps(Session session) {
        ops.remove(session);
    }

    /** A pong (or any message) shows the client is still there. */
    void seen(Session session) {
        Object lastSeen = session.getUserProperties().get(LAST_SEEN);
        if (lastSeen instanceof AtomicLong time) {
            time.set(System.nanoTime());
        }
    }

    /** Queues a message for one session. */
    void send(Session session, String message) {
        Object outbox = session.getUserProperties().get(OUTBOX);
        if (outbox instanceof Outbox queue) {
            queue.send(message);
        }
    }

    /** Queues messages, in order, for every session watching the challenge. */
    public void publish(String challengeId, Iterable<String> messages) {
        Set<Session> watchers = byChallenge.get(challengeId);
        if (watchers != null) {
            for (Session session : watchers) {
                messages.forEach(message -> send(session, message));
            }
        }
    }

    /** Queues messages for every staff session on the ops channel. */
    public void publishOps(Iterable<String> messages) {
        for (Session session : ops) {
            messages.forEach(message -> send(session, message));
        }
    }

    /** Open sessions on this node, for {@code websocket_connections_active}. */
    public int count() {
        return byChallenge.values().stream().mapToInt(Set::size).sum() + ops.size();
    }

    private static void prepare(Session session) {
        session.getUserProperties().put(OUTBOX, new Outbox(session));
        session.getUserProperties().put(LAST_SEEN, new AtomicLong(System.nanoTime()));
    }

    private void pingAll() {
        long silentLimit = System.nanoTime() - TimeUnit.SECONDS.toNanos(SILENT_SECONDS);
        byChallenge.values().forEach(sessions -> sessions.forEach(session -> ping(session, silentLimit)));
        ops.forEach(session -> ping(session, silentLimit));
    }

    static void ping(Session session, long silentLimit) {
        Object lastSeen = session.getUserProperties().get(LAST_SEEN);
        try {
            if (lastSeen instanceof AtomicLong time && time.get() < silentLimit) {
                session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "no answer to pings"));
            } else if (session.isOpen()) {
                session.getAsyncRemote().sendPing(PING.duplicate());
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "pinging a live session failed", e);
        }
    }
}
