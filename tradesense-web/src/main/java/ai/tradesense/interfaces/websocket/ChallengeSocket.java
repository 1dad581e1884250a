package ai.tradesense.interfaces.websocket;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import ai.tradesense.application.challenge.ChallengeService;
import ai.tradesense.application.challenge.ChallengeSnapshot;
import ai.tradesense.application.security.Caller;
import ai.tradesense.application.security.IdentityService;
import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.domain.model.challenge.ChallengeNotFoundException;

/**
 * {@code /ws/challenges/{id}?access_token=…}: one challenge, live, for its trader and staff. A missing
 * or bad token, or a challenge the caller may not see, closes the connection with 1008 (policy
 * violation) before anything is sent. On connect the client gets a {@code STATE} first; then every
 * committed change as {@code {"type", "challengeId", "seq", "at", "data"}}.
 */
@ServerEndpoint("/ws/challenges/{id}")
public class ChallengeSocket {

    private static final Logger LOG = Logger.getLogger(ChallengeSocket.class.getName());

    @Inject
    IdentityService identities;

    @Inject
    ChallengeService challenges;

    @Inject
    LiveSessions sessions;

    @Inject
    Clock clock;

    @OnOpen
    public void open(Session session, @PathParam("id") String challengeId) {
        Optional<Caller> caller = token(session).flatMap(identities::authenticateToken);
        if (caller.isEmpty()) {
            refuse(session, "sign in: connect with ?access_token=<access token>");
            return;
        }
        ChallengeSnapshot state;
        try {
            state = challenges.find(caller.get(), challengeId);
        } catch (ChallengeNotFoundException notVisible) {
            refuse(session, "no such challenge");
            return;
        }
        sessions.add(challengeId, session);
        sessions.send(session, Json.createObjectBuilder().add("type", "STATE").add("challengeId", challengeId)
                .add("seq", state.seq()).add("at", clock.instant().toString()).add("data", state.toJson())
                .build().toString());
    }

    /** Clients only listen; anything they send only shows they are still there. */
    @OnMessage
    public void message(String ignored, Session session) {
        sessions.seen(session);
    }

    @OnMessage
    public void pong(PongMessage pong, Session session) {
        sessions.seen(session);
    }

    @OnClose
    public void close(Session session, @PathParam("id") String challengeId) {
        sessions.remove(challengeId, session);
    }

    @OnError
    public void error(Session session, @PathParam("id") String challengeId, Throwable failure) {
        LOG.log(Level.FINE, "live session error", failure);
        sessions.remove(challengeId, session);
    }

    private static Optional<String> token(Session session) {
        List<String> tokens = session.getRequestParameterMap().get("access_token");
        return tokens == null || tokens.isEmpty() ? Optional.empty() : Optional.of(tokens.get(0));
    }

    private static void refuse(Session session, String why) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, why));
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing a refused live session failed", e);
        }
    }
}
