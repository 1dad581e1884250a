package ai.tradesense.interfaces.websocket;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

/**
 * A WebSocket session on the server side as the outbox and the pinger see it: it records what is
 * sent and how it is closed, and completes a send only when the test says the client has taken it.
 */
final class FakeSession {

    final List<String> sent = new ArrayList<>();
    final List<SendHandler> inFlight = new ArrayList<>();
    final Map<String, Object> properties = new HashMap<>();
    int pings;
    CloseReason closed;

    final Session session = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(),
            new Class<?>[] {Session.class}, (proxy, method, args) -> switch (method.getName()) {
                case "isOpen" -> closed == null;
                case "getUserProperties" -> properties;
                case "getAsyncRemote" -> async();
                case "close" -> {
                    closed = args == null ? new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "") : (CloseReason) args[0];
                    yield null;
                }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private RemoteEndpoint.Async async() {
        return (RemoteEndpoint.Async) Proxy.newProxyInstance(RemoteEndpoint.Async.class.getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "sendText" -> {
                        sent.add((String) args[0]);
                        inFlight.add((SendHandler) args[1]);
                        yield null;
                    }
                    case "sendPing" -> {
                        pings++;
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The client takes the oldest message in flight. */
    void deliver() {
        inFlight.remove(0).onResult(new SendResult());
    }
}
