package ai.tradesense.interfaces.websocket;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;

/** The open live sessions of this node, by the challenge they watch. */
@ApplicationScoped
public class LiveSessions {

    private static final String OUTBOX = Outbox.class.getName();

    private final Map<String, Set<Session>> byChallenge = new ConcurrentHashMap<>();

    void add(String challengeId, Session session) {
        session.getUserProperties().put(OUTBOX, new Outbox(session));
        byChallenge.computeIfAbsent(challengeId, id -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void remove(String challengeId, Session session) {
        byChallenge.computeIfPresent(challengeId, (id, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
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
        if (watchers == null) {
            return;
        }
        for (Session session : watchers) {
            for (String message : messages) {
                send(session, message);
            }
        }
    }

    /** Open sessions on this node, for {@code websocket_connections_active}. */
    public int count() {
        return byChallenge.values().stream().mapToInt(Set::size).sum();
    }
}
