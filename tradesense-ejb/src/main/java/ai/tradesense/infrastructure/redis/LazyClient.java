package ai.tradesense.infrastructure.redis;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * A Jedis client made on first use, and made again on a later use after making it failed: a Cluster or
 * Sentinel client asks its nodes for the topology while it is made, and a node must start (and degrade)
 * while Redis is down. One caller makes it at a time; callers that come meanwhile wait for that one
 * attempt (bounded by the client's timeouts) and share its outcome, so a Redis that does not answer costs
 * each of them one attempt's wait at most, never a queue of attempts.
 */
final class LazyClient implements AutoCloseable {

    private final String description;
    private final Supplier<UnifiedJedis> make;
    private final ReentrantLock making = new ReentrantLock();
    private volatile UnifiedJedis client;
    /** Counts the attempts to make the client, so a caller that waited on one does not start another. */
    private volatile long attempts;
    private volatile RuntimeException lastFailure;
    private volatile boolean closed;

    LazyClient(String description, Supplier<UnifiedJedis> make) {
        this.description = description;
        this.make = make;
    }

    /** The client; a JedisConnectionException while it cannot be made. */
    UnifiedJedis get() {
        UnifiedJedis made = client;
        if (made != null) {
            return made;
        }
        long seen = attempts;
        making.lock();
        try {
            if (client != null) {
                return client;
            }
            if (closed) {
                throw new JedisConnectionException("the client to " + description + " is closed");
            }
            if (attempts != seen) {
                throw new JedisConnectionException("no client to " + description + " could be made just now: "
                        + lastFailure.getMessage(), lastFailure);
            }
            attempts = seen + 1;
            try {
                client = make.get();
                return client;
            } catch (RuntimeException e) {
                lastFailure = e;
                throw e instanceof JedisConnectionException connection ? connection
                        : new JedisConnectionException("no client to " + description + " could be made: " + e.getMessage(), e);
            }
        } finally {
            making.unlock();
        }
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        making.lock();
        try {
            closed = true;
            if (client != null) {
                client.close();
                client = null;
            }
        } finally {
            making.unlock();
        }
    }
}
