package ai.tradesense.infrastructure.redis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import ai.tradesense.application.SharedStoreUnavailableException;

/**
 * Redis through the node's two Jedis clients ({@link RedisPools}), one node, a Cluster or a Sentinel set
 * alike. Every call borrows a connection, so a Redis that went away and came back (or a primary that
 * Sentinel or the Cluster replaced) is used again without any action: the pools drop broken connections
 * and open new ones where the topology now says. What a client or a scrape waits for (publishes,
 * availability, gauges, single reads) goes through the request path's client and its breaker, so a Redis
 * that hangs costs it at most a short timeout; the worker's bookkeeping uses the other client. Keys one
 * script touches together share a hash tag ({@link Keys}), so in a Cluster they are in one slot.
 * Subscribers block on a connection of their own, on threads the container makes; in a Cluster a PUBLISH
 * reaches the subscribers of every node.
 */
final class RedisSharedStore implements Store {

    private static final Logger LOG = Logger.getLogger(RedisSharedStore.class.getName());

    private final LazyClient worker;
    private final LazyClient requestPath;
    private final RequestPathBreaker breaker;
    private final ThreadFactory threads;
    private final String description;
    private volatile boolean lastSeenAvailable = true;

    RedisSharedStore(LazyClient worker, LazyClient requestPath, RequestPathBreaker breaker, ThreadFactory threads) {
        this.worker = worker;
        this.requestPath = requestPath;
        this.breaker = breaker;
        this.threads = threads;
        this.description = worker.description();
    }

    @Override
    public boolean isShared() {
        return true;
    }

    /** Asks Redis itself, past the breaker, so readiness sees it return; bounded by the short timeout. */
    @Override
    public boolean isAvailable() {
        try {
            boolean up = "PONG".equals(requestPath.get().ping());
            noteAvailability(up, null);
            return up;
        } catch (JedisException e) {
            noteAvailability(false, e);
            return false;
        }
    }

    @Override
    public long usedMemoryBytes() {
        return guarded(RedisSharedStore::usedMemory, 0L);
    }

    /**
     * A Cluster's memory is its nodes' together (INFO alone would answer one node's), of those that answer:
     * a replica that is down costs the gauge its share, not a failure that would count toward the breaker.
     */
    private static long usedMemory(UnifiedJedis client) {
        if (!(client instanceof RedisClusterClient cluster)) {
            return parseUsedMemory(client.info("memory"));
        }
        long used = 0;
        JedisException missed = null;
        boolean anyAnswered = false;
        for (ConnectionPool node : cluster.getClusterNodes().values()) {
            // closing the Jedis over a pool's connection gives the connection back to the pool
            try (Jedis jedis = new Jedis(node.getResource())) {
                used += parseUsedMemory(jedis.info("memory"));
                anyAnswered = true;
            } catch (JedisException e) {
                missed = e;
            }
        }
        if (!anyAnswered && missed != null) {
            throw missed;
        }
        return used;
    }

    @Override
    public long queueLength(String queue) {
        return guarded(jedis -> jedis.llen(queue), 0L);
    }

    @Override
    public boolean publish(String channel, String message) {
        return guarded(jedis -> {
            jedis.publish(channel, message);
            return true;
        }, false);
    }

    /** One call on the request path: the short client, behind the breaker; {@code otherwise} when either says no. */
    private <T> T guarded(Function<UnifiedJedis, T> work, T otherwise) {
        if (!breaker.allowsCall()) {
            return otherwise;
        }
        try {
            T result = work.apply(requestPath.get());
            breaker.succeeded();
            return result;
        } catch (JedisException e) {
            breaker.failed(e);
            noteAvailability(false, e);
            return otherwise;
        }
    }

    @Override
    public AutoCloseable subscribe(String channel, Consumer<String> listener) {
        Subscription subscription = new Subscription(channel, listener);
        Thread thread = threads.newThread(subscription);
        thread.setName("redis-subscriber-" + channel);
        thread.setDaemon(true);
        thread.start();
        return subscription;
    }

    /** On the request path: gauges read the last cycle with it, and an empty answer is what "unavailable" means. */
    @Override
    public Optional<String> get(String key) {
        return guarded(jedis -> Optional.ofNullable(jedis.get(key)), Optional.empty());
    }

    @Override
    public boolean set(String key, String value, Duration ttl) {
        try {
            worker.get().set(key, value, SetParams.setParams().px(ttl.toMillis()));
            return true;
        } catch (JedisException e) {
            noteAvailability(false, e);
            return false;
        }
    }

    @Override
    public boolean setIfAbsent(String key, String value, Duration ttl) {
        try {
            return "OK".equals(worker.get().set(key, value, SetParams.setParams().nx().px(ttl.toMillis())));
        } catch (JedisException e) {
            noteAvailability(false, e);
            return false;
        }
    }

    @Override
    public boolean delete(String key) {
        try {
            worker.get().del(key);
            return true;
        } catch (JedisException e) {
            noteAvailability(false, e);
            return false;
        }
    }

    @Override
    public long increment(String key, long by, Duration ttl) {
        return withJedis(jedis -> {
            long value = jedis.incrBy(key, by);
            jedis.pexpire(key, ttl.toMillis());
            return value;
        });
    }

    @Override
    public boolean hashSetIfAbsent(String key, String field, String value, Duration ttl) {
        return withJedis(jedis -> {
            boolean added = jedis.hsetnx(key, field, value) == 1;
            jedis.pexpire(key, ttl.toMillis());
            return added;
        });
    }

    @Override
    public Map<String, String> hash(String key) {
        return withJedis(jedis -> jedis.hgetAll(key));
    }

    /*
     * The queue is a list; a claimed item moves to an in-flight list and gets a lease (a sorted set
     * scored by its expiry), both in one script, so no item is ever only in the worker's hands.
     */
    private static final String CLAIM = """
            local item = redis.call('RPOPLPUSH', KEYS[1], KEYS[2])
            if item then redis.call('ZADD', KEYS[3], ARGV[1], item) end
            return item""";
    private static final String COMPLETE = """
            redis.call('LREM', KEYS[2], 1, ARGV[1])
            return redis.call('ZREM', KEYS[3], ARGV[1])""";
    private static final String REQUEUE = """
            local expired = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', ARGV[1])
            for _, item in ipairs(expired) do
              redis.call('ZREM', KEYS[3], item)
              if redis.call('LREM', KEYS[2], 1, item) > 0 then redis.call('RPUSH', KEYS[1], item) end
            end
            return #expired""";

    private static List<String> queueKeys(String queue) {
        return List.of(queue, Keys.inFlight(queue), Keys.leases(queue));
    }

    @Override
    public void push(String queue, List<String> items) {
        if (!items.isEmpty()) {
            withJedis(jedis -> jedis.lpush(queue, items.toArray(String[]::new)));
        }
    }

    @Override
    public Optional<String> claim(String queue, Duration lease) {
        long expiry = System.currentTimeMillis() + lease.toMillis();
        return Optional.ofNullable((String) withJedis(jedis ->
                jedis.eval(CLAIM, queueKeys(queue), List.of(Long.toString(expiry)))));
    }

    @Override
    public void complete(String queue, String item) {
        withJedis(jedis -> jedis.eval(COMPLETE, queueKeys(queue), List.of(item)));
    }

    @Override
    public int requeueExpired(String queue) {
        Object requeued = withJedis(jedis -> jedis.eval(REQUEUE, queueKeys(queue),
                List.of(Long.toString(System.currentTimeMillis()))));
        return ((Long) requeued).intValue();
    }

    @Override
    public void clear(String queue) {
        withJedis(jedis -> jedis.del(queueKeys(queue).toArray(String[]::new)));
    }

    private <T> T withJedis(Function<UnifiedJedis, T> work) {
        try {
            return work.apply(worker.get());
        } catch (JedisException e) {
            noteAvailability(false, e);
            throw new SharedStoreUnavailableException("Redis at " + description + " is unavailable: " + e.getMessage(), e);
        }
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
                // Jedis lifts the read timeout while subscribed: a subscriber waits as long as the connection lives.
                try {
                    worker.get().subscribe(this, channel);
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
}
