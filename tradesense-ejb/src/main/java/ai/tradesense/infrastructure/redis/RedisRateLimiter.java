package ai.tradesense.infrastructure.redis;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

import ai.tradesense.application.RateLimiter;

/**
 * Fixed windows counted in Redis (one Lua script per hit, the key's remaining time to live is the
 * Retry-After), so every API node sees the same count; the script touches its one key only, so in a Redis
 * Cluster it runs on whichever node holds that key's slot. A hit is made while the client waits, so it goes
 * through the request path's pool (short timeouts) and its {@link RequestPathBreaker}: while Redis does not
 * answer in time, an in-process limiter counts instead without touching Redis, and one probe per delay
 * tries Redis again.
 */
final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RedisRateLimiter.class.getName());

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

    private final LazyClient client;
    private final InProcessRateLimiter fallback;
    private final RequestPathBreaker breaker;
    private volatile String scriptSha;

    RedisRateLimiter(LazyClient client, InProcessRateLimiter fallback, RequestPathBreaker breaker) {
        this.client = client;
        this.fallback = fallback;
        this.breaker = breaker;
    }

    /** A limiter with a request-path client and a breaker of its own to the Redis {@code topology} names. */
    static RedisRateLimiter create(RedisTopology topology, int timeoutMillis) {
        return new RedisRateLimiter(RedisPools.requestPath(topology, timeoutMillis), new InProcessRateLimiter(),
                RequestPathBreaker.of(topology.describe()));
    }

    @Override
    public Decision hit(String bucket, int limit, Duration window) {
        long windowMillis = FixedWindow.checkedWindowMillis(bucket, limit, window);
        if (!breaker.allowsCall()) {
            return fallback.hit(bucket, limit, window);
        }
        try {
            Decision decision = hitInRedis(RateLimitKeys.of(bucket), limit, windowMillis);
            breaker.succeeded();
            return decision;
        } catch (JedisDataException e) {
            // Redis is up but refused this one command (a bug, or someone else's value under our key)
            LOG.log(Level.WARNING, "Redis refused a rate-limit hit, counting it in this node: {0}", e.getMessage());
            return fallback.hit(bucket, limit, window);
        } catch (JedisException e) {
            breaker.failed(e);
            return fallback.hit(bucket, limit, window);
        }
    }

    /** True while the breaker is open: hits are counted in this node without asking Redis. */
    boolean isDegraded() {
        return breaker.isOpen();
    }

    private Decision hitInRedis(String key, int limit, long windowMillis) {
        List<String> keys = List.of(key);
        List<String> args = List.of(Long.toString(windowMillis));
        Object reply;
        UnifiedJedis jedis = client.get();
        String sha = scriptSha;
        if (sha == null) {
            sha = jedis.scriptLoad(HIT_SCRIPT, key);
            scriptSha = sha;
        }
        try {
            reply = jedis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            // Redis restarted, was flushed or failed over, or this Cluster node has not seen the script yet:
            // EVAL sends it and caches it there
            reply = jedis.eval(HIT_SCRIPT, keys, args);
        }
        if (!(reply instanceof List<?> values) || values.size() != 2
                || !(values.get(0) instanceof Long count) || !(values.get(1) instanceof Long millisLeft)) {
            throw new JedisDataException("unexpected reply to the rate-limit script: " + reply);
        }
        return FixedWindow.decide(count, limit, millisLeft);
    }

    @Override
    public void close() {
        client.close();
    }
}
