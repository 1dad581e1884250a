package ai.tradesense.interfaces.websocket;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

/**
 * One session's queue of messages, sent one at a time and asynchronously, so a slow client never
 * holds up the engine or anyone else. A client that falls more than {@link #MAX_PENDING} messages
 * behind is closed with 1013 (try again later) and re-reads its state on reconnect.
 */
final class Outbox {

    static final int MAX_PENDING = 256;
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    private final Session session;
    private final Deque<String> pending = new ArrayDeque<>();
    private boolean sending;

    Outbox(Session session) {
        this.session = session;
    }

    void send(String message) {
        synchronized (this) {
            if (pending.size() >= MAX_PENDING) {
                pending.clear();
                closeTooSlow();
                return;
            }
            pending.add(message);
            if (sending) {
                return;
            }
            sending = true;
        }
        next();
    }

    private void next() {
        String message;
        synchronized (this) {
            message = pending.poll();
            if (message == null) {
                sending = false;
                return;
            }
        }
        if (!session.isOpen()) {
            synchronized (this) {
                pending.clear();
                sending = false;
            }
            return;
        }
        session.getAsyncRemote().sendText(message, this::sent);
    }

    private void sent(SendResult result) {
        if (!result.isOK()) {
            LOG.log(Level.FINE, "A live message could not be sent; closing the session", result.getException());
            synchronized (this) {
                pending.clear();
                sending = false;
            }
            close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed"));
            return;
        }
        next();
    }

    private void closeTooSlow() {
        close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER,
                "too slow: more than " + MAX_PENDING + " messages behind; reconnect and re-read the state"));
    }

    private void close(CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing a live session failed", e);
        }
    }
}
