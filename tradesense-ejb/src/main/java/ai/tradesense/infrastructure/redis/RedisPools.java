package ai.tradesense.infrastructure.redis;

import java.time.Duration;
import java.util.LinkedHashSet;

import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The node's two Jedis clients to its Redis, one node, a Cluster or a Sentinel-watched primary alike
 * ({@link RedisTopology}). The worker's ({@code tradesense.redis.timeout-ms}) serves queue, lease and cycle
 * bookkeeping, which can afford to wait. The request path's ({@code tradesense.redis.request-timeout-ms})
 * serves what a client or a scrape waits for; it bounds connecting, reading and borrowing by that short
 * timeout, tries a Cluster command at most twice (one redirection) within it, and does not test a
 * connection before lending it, since against a Redis that hangs each test would cost a full timeout of its
 * own (a broken connection fails its one command, is dropped, and the caller falls back). A Cluster client
 * keeps such a pool per node; a Sentinel client follows the primary the sentinels announce.
 */
final class RedisPools {

    private static final int REQUEST_PATH_CLUSTER_ATTEMPTS = 2;

    private RedisPools() {
    }

    /** For the worker's bookkeeping: checks a connection before lending it, so a restart costs nothing. */
    static LazyClient worker(RedisTopology topology, int timeoutMillis) {
        return new LazyClient(topology.describe(), () -> client(topology, pool(timeoutMillis, true), timeoutMillis, 0));
    }

    /** For calls made while someone waits: every step bounded by the short timeout. */
    static LazyClient requestPath(RedisTopology topology, int timeoutMillis) {
        return new LazyClient(topology.describe(), () -> client(topology, pool(timeoutMillis, false), timeoutMillis,
                REQUEST_PATH_CLUSTER_ATTEMPTS));
    }

    private static ConnectionPoolConfig pool(int timeoutMillis, boolean testOnBorrow) {
        ConnectionPoolConfig config = new ConnectionPoolConfig();
        config.setMaxTotal(64);
        config.setMaxIdle(16);
        config.setMinIdle(0);
        config.setTestOnBorrow(testOnBorrow);
        config.setMaxWait(Duration.ofMillis(timeoutMillis));
        return config;
    }

    /** {@code clusterAttempts} 0 keeps Jedis's own (5 attempts within 5 timeouts). */
    private static UnifiedJedis client(RedisTopology topology, ConnectionPoolConfig pool, int timeoutMillis,
            int clusterAttempts) {
        JedisClientConfig dataNodes = config(timeoutMillis, topology.ssl()).user(topology.user().orElse(null))
                .password(topology.password().orElse(null)).database(topology.database()).build();
        return switch (topology.kind()) {
            case STANDALONE -> RedisClient.builder().hostAndPort(topology.nodes().get(0)).clientConfig(dataNodes)
                    .poolConfig(pool).build();
            case CLUSTER -> {
                var cluster = RedisClusterClient.builder().nodes(new LinkedHashSet<>(topology.nodes()))
                        .clientConfig(dataNodes).poolConfig(pool);
                if (clusterAttempts > 0) {
                    cluster.maxAttempts(clusterAttempts).maxTotalRetriesDuration(Duration.ofMillis(timeoutMillis));
                }
                yield cluster.build();
            }
            case SENTINEL -> RedisSentinelClient.builder().masterName(topology.masterName().orElseThrow())
                    .sentinels(new LinkedHashSet<>(topology.nodes())).clientConfig(dataNodes).poolConfig(pool)
                    .sentinelClientConfig(config(timeoutMillis, topology.ssl()).user(topology.sentinelUser().orElse(null))
                            .password(topology.sentinelPassword().orElse(null)).build())
                    .build();
        };
    }

    private static DefaultJedisClientConfig.Builder config(int timeoutMillis, boolean ssl) {
        return DefaultJedisClientConfig.builder().connectionTimeoutMillis(timeoutMillis).socketTimeoutMillis(timeoutMillis)
                .ssl(ssl);
    }
}
