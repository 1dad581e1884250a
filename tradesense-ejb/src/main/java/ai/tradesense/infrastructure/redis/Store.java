package ai.tradesense.infrastructure.redis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the nodes share beside the database, in Redis's terms: Redis in production, an in-process
 * stand-in in embedded mode. Holds nothing that cannot be rebuilt; when Redis is down, callers degrade to
 * local behaviour. The application sees it only through the narrow ports made over it ({@link SharedPorts}).
 */
interface Store {

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
     * Listens on a channel, in a thread of its own (from the container), until the returned handle is closed. A lost
     * connection is re-established by itself; messages sent while it was down are not replayed.
     */
    AutoCloseable subscribe(String channel, Consumer<String> listener);

    // Values, for state the worker nodes share. Reads answer empty while the store is unavailable.

    Optional<String> get(String key);

    /** Sets a value that expires after {@code ttl}; false when the store is unavailable. */
    boolean set(String key, String value, Duration ttl);

    /** Sets a value only when the key is absent (a lease); false when present or unavailable. */
    boolean setIfAbsent(String key, String value, Duration ttl);

    /** Removes a value; false when the store is unavailable. */
    boolean delete(String key);

    /** Adds {@code by} to a counter that expires after {@code ttl}, and answers the new value. */
    long increment(String key, long by, Duration ttl);

    /** Sets a hash field only when absent; false when it was present. Expires with the hash after {@code ttl}. */
    boolean hashSetIfAbsent(String key, String field, String value, Duration ttl);

    Map<String, String> hash(String key);

    // A work queue that loses nothing: a claimed item stays in flight under a lease until it is
    // completed; an item whose lease ran out (its worker died) is put back by requeueExpired.
    // These throw SharedStoreUnavailableException while the store cannot be reached.

    /** Adds items to the end of the queue. */
    void push(String queue, List<String> items);

    /** Takes the next item, in flight for {@code lease}; empty when the queue is empty. */
    Optional<String> claim(String queue, Duration lease);

    /** The item is done: it leaves the in-flight list for good. */
    void complete(String queue, String item);

    /** Puts every in-flight item whose lease ran out back at the front of the queue; answers how many. */
    int requeueExpired(String queue);

    /** Empties the queue, its in-flight list and its leases. */
    void clear(String queue);
}
