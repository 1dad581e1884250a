package ai.tradesense.infrastructure.redis;

import java.net.URI;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.exceptions.JedisException;

import ai.tradesense.application.SharedStore;

/**
 * Redis through a Jedis pool. Every call borrows a connection, so a Redis that went away and came back
 * is used again without any action: the pool drops broken connections and opens new ones.
 */
final class RedisSharedStore implements SharedStore, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RedisSharedStore.class.getName());

    private final JedisPool pool;
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
