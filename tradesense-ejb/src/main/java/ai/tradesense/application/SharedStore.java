package ai.tradesense.application;

import java.util.function.Consumer;

/**
 * What the nodes share beside the database: Redis in production, an in-process stand-in in embedded
 * mode. Holds nothing that cannot be rebuilt; when Redis is down, callers degrade to local behaviour.
 */
public interface SharedStore {

    /** True when this store is shared between nodes (Redis), false for the in-process stand-in. */
    boolean isShared();

    /** True when the store answers right now. */
    boolean isAvailable();

    /** Memory the store uses, in bytes (Redis INFO used_memory); 0 when unknown or unavailable. */
    long usedMemoryBytes();

    /** Number of entries in a work queue; 0 when it is empty or the store is unavailable. */
    long queueLength(String queue);

    /**
     * Sends a message to every node listening on the channel. Best effort: while Redis is down the
     * message reaches no other node (each node still serves its own clients) and false is returned.
     */
    boolean publish(String channel, String message);

    /**
     * Listens on a channel, in a thread of its own, until the returned handle is closed. A lost
     * connection is re-established by itself; messages sent while it was down are not replayed.
     */
    AutoCloseable subscribe(String channel, Consumer<String> listener);
}
