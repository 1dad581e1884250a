package ai.tradesense.infrastructure.redis;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

import ai.tradesense.application.RateLimiter;

/**
 * Fixed windows counted in Redis (one Lua script per hit, the key's remaining time to live is the
 * Retry-After), so every API node sees the same count; while Redis does not answer, an in-process limiter
 * counts instead and one request per probe interval tries Redis again, so a dead Redis costs no request
 * more than one connection attempt.
 */
final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RedisRateLimiter.class.getName());

    static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(5);

    /**
     * KEYS[1] the bucket's key, ARGV[1] the window in ms; returns {count, ms left}. A key that somehow
     * has no expiry is given one, so a bucket can never stay locked for good.
     */
    static final String HIT_SCRIPT = """
            local count = redis.call('INCR', KEYS[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            return {count, ttl}
            """;

    private final JedisPool pool;
    private final InProcessRateLimiter fallback;
    private final LongSupplier nowMillis;
    private final long probeIntervalMillis;
    private final String description;
    private final AtomicBoolean degraded = new AtomicBoolean();
    private final AtomicLong nextProbeAt = new AtomicLong();
    private volatile String scriptSha;

    RedisRateLimiter(JedisPool pool, String description, InProcessRateLimiter fallback,
            LongSupplier nowMillis, Duration probeInterval) {
        this.pool = pool;
        this.description = description;
        this.fallback = fallback;
        this.nowMillis = nowMillis;
        this.probeIntervalMillis = probeInterval.toMillis();
    }

    /** A limiter with a pool of its own to the Redis at {@code uri}, falling back to this JVM. */
    static RedisRateLimiter create(URI uri, int timeoutMillis) {
        return create(pool(uri, timeoutMillis), uri);
    }

    /** A limiter over the node's pool to the Redis at {@code uri}, falling back to this JVM. */
    static RedisRateLimiter create(JedisPool pool, URI uri) {
        return new RedisRateLimiter(pool, uri.getHost() + ":" + uri.getPort(), new InProcessRateLimiter(),
                () -> System.nanoTime() / 1_000_000, DEFAULT_PROBE_INTERVAL);
    }

    /**
     * The node's one pool to Redis, shared by the shared store and the rate limiter. It checks a
     * connection before lending it, so connections broken by a restart are dropped.
     */
    static JedisPool pool(URI uri, int timeoutMillis) {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(64);
        config.setMaxIdle(16);
        config.setMinIdle(0);
        config.setTestOnBorrow(true);
        config.setMaxWait(Duration.ofMillis(timeoutMillis));
        return new JedisPool(config, uri, timeoutMillis);
    }

    @Override
    public Decision hit(String bucket, int limit, Duration window) {
        long windowMillis = FixedWindow.checkedWindowMillis(bucket, limit, window);
        if (degraded.get() && !claimProbe()) {
            return fallback.hit(bucket, limit, window);
        }
        try {
            Decision decision = hitInRedis(RateLimitKeys.of(bucket), limit, windowMillis);
            if (degraded.compareAndSet(true, false)) {
                LOG.log(Level.INFO, "Redis at {0} answers again: rate limits are shared between nodes again",
                        description);
            }
            return decision;
        } catch (JedisDataException e) {
            // Redis is up but refused this one command (a bug, or someone else's value under our key)
            LOG.log(Level.WARNING, "Redis refused a rate-limit hit, counting it in this node: {0}", e.getMessage());
            return fallback.hit(bucket, limit, window);
        } catch (JedisException e) {
            nextProbeAt.set(nowMillis.getAsLong() + probeIntervalMillis);
            if (degraded.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "Redis at {0} is unavailable, rate limits now hold per node: {1}",
                        new Object[] {description, e.getMessage()});
            }
            return fallback.hit(bucket, limit, window);
        }
    }

    /** True when Redis does not answer and hits are counted in this node. */
    boolean isDegraded() {
        return degraded.get();
    }

    /** Lets one caller try Redis once the probe interval has passed; the others stay local meanwhile. */
    private boolean claimProbe() {
        long probeAt = nextProbeAt.get();
        long now = nowMillis.getAsLong();
        return now >= probeAt && nextProbeAt.compareAndSet(probeAt, now + probeIntervalMillis);
    }

    private Decision hitInRedis(String key, int limit, long windowMillis) {
        List<String> keys = List.of(key);
        List<String> args = List.of(Long.toString(windowMillis));
        Object reply;
        try (Jedis jedis = pool.getResource()) {
            String sha = scriptSha;
            if (sha == null) {
                sha = jedis.scriptLoad(HIT_SCRIPT);
                scriptSha = sha;
            }
            try {
                reply = jedis.evalsha(sha, keys, args);
            } catch (JedisNoScriptException e) {
                // Redis restarted or was flushed and forgot the script: EVAL sends it and caches it again
                reply = jedis.eval(HIT_SCRIPT, keys, args);
            }
        }
        if (!(reply instanceof List<?> values) || values.size() != 2
                || !(values.get(0) instanceof Long count) || !(values.get(1) instanceof Long millisLeft)) {
            throw new JedisDataException("unexpected reply to the rate-limit script: " + reply);
        }
        return FixedWindow.decide(count, limit, millisLeft);
    }

    @Override
    public void close() {
        pool.close();
    }
}
