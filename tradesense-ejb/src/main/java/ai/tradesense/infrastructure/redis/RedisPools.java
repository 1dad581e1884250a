package ai.tradesense.infrastructure.redis;

import java.net.URI;
import java.time.Duration;

import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * The node's two pools to one Redis. The worker's pool ({@code tradesense.redis.timeout-ms}) serves
 * queue, lease and cycle bookkeeping, which can afford to wait. The request path's pool
 * ({@code tradesense.redis.request-timeout-ms}) serves what a client or a scrape waits for; it bounds
 * connecting, reading and borrowing by that short timeout, and does not test a connection before lending
 * it, since against a Redis that hangs each test would cost a full timeout of its own (a broken
 * connection fails its one command, is dropped, and the caller falls back).
 */
final class RedisPools {

    private RedisPools() {
    }

    /** For the worker's bookkeeping: checks a connection before lending it, so a restart costs nothing. */
    static JedisPool worker(URI uri, int timeoutMillis) {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(64);
        config.setMaxIdle(16);
        config.setMinIdle(0);
        config.setTestOnBorrow(true);
        config.setMaxWait(Duration.ofMillis(timeoutMillis));
        return new JedisPool(config, uri, timeoutMillis);
    }

    /** For calls made while someone waits: every step bounded by the short timeout. */
    static JedisPool requestPath(URI uri, int timeoutMillis) {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(64);
        config.setMaxIdle(16);
        config.setMinIdle(0);
        config.setTestOnBorrow(false);
        config.setMaxWait(Duration.ofMillis(timeoutMillis));
        return new JedisPool(config, uri, timeoutMillis);
    }

    static String describe(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }
}
