package ai.tradesense.infrastructure.redis;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;

import ai.tradesense.application.SharedStore;

/**
 * Redis through a Jedis pool. Every call borrows a connection, so a Redis that went away and came back
 * is used again without any action: the pool drops broken connections and opens new ones.
 */
final class RedisSharedStore implements SharedStore, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RedisSharedStore.class.getName());

    private final JedisPool pool;
    private final URI uri;
    private final int timeoutMillis;
    private final String description;
    private volatile boolean lastSeenAvailable = true;

    RedisSharedStore(URI uri, int timeoutMillis) {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(32);
        config.setMaxIdle(8);
        config.setMinIdle(0);
        config.setTestOnBorrow(true);
        config.setMaxWait(Duration.ofMillis(timeoutMillis));
        this.pool = new JedisPool(config, uri, timeoutMillis);
        this.uri = uri;
        this.timeoutMillis = timeoutMillis;
        this.description = uri.getHost() + ":" + uri.getPort();
    }

    @Override
    public boolean isShared() {
        return true;
    }

    @Override
    public boolean isAvailable() {
        try (Jedis jedis = pool.getResource()) {
            boolean up = "PONG".equals(jedis.ping());
            noteAvailability(up, null);
            return up;
        } catch (JedisException e) {
            noteAvailability(false, e);
            return false;
        }
    }

    @Override
    public long usedMemoryBytes() {
        try (Jedis jedis = pool.getResource()) {
            return parseUsedMemory(jedis.info("memory"));
        } catch (JedisException e) {
            noteAvailability(false, e);
            return 0;
        }
    }

    @Override
    public long queueLength(String queue) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.llen(queue);
        } catch (JedisException e) {
            noteAvailability(false, e);
            return 0;
        }
    }

    @Override
    public boolean publish(String channel, String message) {
        try (Jedis jedis = pool.getResource()) {
            jedis.publish(channel, message);
            return true;
        } catch (JedisException e) {
            noteAvailability(false, e);
            return false;
        }
    }

    @Override
    public AutoCloseable subscribe(String channel, Consumer<String> listener) {
        Subscription subscription = new Subscription(channel, listener);
        Thread thread = new Thread(subscription, "redis-subscriber-" + channel);
        thread.setDaemon(true);
        thread.start();
        return subscription;
    }

    /** One channel's subscriber: a blocking connection of its own, re-opened whenever it is lost. */
    private final class Subscription extends JedisPubSub implements Runnable, AutoCloseable {
        private static final long RETRY_MILLIS = 1_000;
        private final String channel;
        private final Consumer<String> listener;
        private volatile boolean closed;

        Subscription(String channel, Consumer<String> listener) {
            this.channel = channel;
            this.listener = listener;
        }

        @Override
        public void run() {
            while (!closed) {
                // No read timeout: a subscriber waits for messages as long as the connection lives.
                try (Jedis jedis = new Jedis(uri, timeoutMillis, 0)) {
                    jedis.subscribe(this, channel);
                } catch (JedisException e) {
                    noteAvailability(false, e);
                }
                if (!closed) {
                    pause();
                }
            }
        }

        @Override
        public void onSubscribe(String subscribed, int count) {
            noteAvailability(true, null);
        }

        @Override
        public void onMessage(String from, String message) {
            try {
                listener.accept(message);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A message on {0} could not be handled: {1}", new Object[] {from, e.getMessage()});
            }
        }

        private void pause() {
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }

        @Override
        public void close() {
            closed = true;
            if (isSubscribed()) {
                unsubscribe();
            }
        }
    }

    static long parseUsedMemory(String info) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).strip());
            }
        }
        return 0;
    }

    /** Logs each change between available and unavailable once, not on every call. */
    private void noteAvailability(boolean up, Exception cause) {
        if (up != lastSeenAvailable) {
            lastSeenAvailable = up;
            if (up) {
                LOG.log(Level.INFO, "Redis at {0} is available again", description);
            } else {
                LOG.log(Level.WARNING, "Redis at {0} is unavailable, degrading to local behaviour: {1}",
                        new Object[] {description, cause == null ? "no answer" : cause.getMessage()});
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
