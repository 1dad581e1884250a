package ai.tradesense.application;

import java.util.function.Consumer;

/**
 * Live changes passed between the nodes: each node pushes to its own watchers what any node or worker
 * publishes. Redis pub/sub in production, the JVM itself in embedded mode.
 */
public interface LiveFanOut {

    /**
     * Sends a message to every node listening on the channel. Best effort: while Redis is down the
     * message reaches no other node (each node still serves its own clients) and false is returned.
     */
    boolean publish(String channel, String message);

    /**
     * Listens on a channel until the returned handle is closed. A lost connection is re-established by
     * itself; messages sent while it was down are not replayed.
     */
    AutoCloseable subscribe(String channel, Consumer<String> listener);
}
