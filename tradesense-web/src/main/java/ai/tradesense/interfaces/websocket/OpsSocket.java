package ai.tradesense.interfaces.websocket;

import java.io.IOException;
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
import jakarta.websocket.server.ServerEndpoint;

import ai.tradesense.application.security.Caller;
import ai.tradesense.application.security.IdentityService;

/**
 * {@code /ws/ops?access_token=…}: every challenge's changes of status, for risk staff and admins.
 * Anyone else is closed with 1008 before anything is sent.
 */
@ServerEndpoint("/ws/ops")
public class OpsSocket {

    private static final Logger LOG = Logger.getLogger(OpsSocket.class.getName());

    @Inject
    IdentityService identities;

    @Inject
    LiveSessions sessions;

    @OnOpen
    public void open(Session session) {
        List<String> tokens = session.getRequestParameterMap().get("access_token");
        Optional<Caller> caller = tokens == null || tokens.isEmpty() ? Optional.empty()
                : identities.authenticateToken(tokens.get(0));
        if (caller.isEmpty() || !caller.get().isStaff()) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
                        "the ops channel is for RISK and ADMIN; connect with ?access_token=<access token>"));
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a refused ops session failed", e);
            }
            return;
        }
        sessions.addOps(session);
    }

    @OnMessage
    public void pong(PongMessage pong, Session session) {
        sessions.seen(session);
    }

    @OnMessage
    public void message(String ignored, Session session) {
        sessions.seen(session);
    }

    @OnClose
    public void close(Session session) {
        sessions.removeOps(session);
    }

    @OnError
    public void error(Session session, Throwable failure) {
        LOG.log(Level.FINE, "ops session error", failure);
        sessions.removeOps(session);
    }
}
