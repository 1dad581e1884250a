package ai.tradesense.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

import ai.tradesense.application.RateLimiter.Decision;
import ai.tradesense.application.SharedStoreUnavailableException;
import ai.tradesense.testsupport.RedisServers;

/**
 * The shared store and the rate limiter with the node's own clients ({@link RedisPools}) against a real
 * three-master Redis Cluster and a real Sentinel set ({@link RedisServers}): the queue's script keys share
 * one slot, a publish on any master reaches a subscriber wherever it listens, rate limits count together
 * whichever master holds a bucket, and after the Sentinel set fails over everything works again without
 * any action. Needs redis-server (7) on this machine; without it these tests fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisTopologiesTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private RedisServers cluster;
    private RedisServers sentinel;
    private final List<AutoCloseable> resources = new ArrayList<>();

    @BeforeAll
    void startTheTopologies() throws Exception {
        cluster = RedisServers.cluster();
        sentinel = RedisServers.sentinel();
    }

    @AfterAll
    void stopThem() {
        for (RedisServers servers : new RedisServers[] {cluster, sentinel}) {
            if (servers != null) {
                servers.close();
            }
        }
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
        resources.clear();
    }

    @Test
    void theQueuesScriptKeysShareOneSlotSoItsItemsMoveThroughClaimCompleteAndRequeueOnACluster() throws Exception {
        RedisSharedStore store = store(cluster);
        String queue = "test:queue:" + UUID.randomUUID();
        try (Jedis node = RedisServers.jedis(cluster.dataNodes().get(0), RedisServers.PASSWORD)) {
            assertThat(List.of(node.clusterKeySlot(Keys.inFlight(queue)), node.clusterKeySlot(Keys.leases(queue))))
                    .containsOnly(node.clusterKeySlot(queue));
            assertThat(node.clusterKeySlot(Keys.RISK_SCAN)).isEqualTo(node.clusterKeySlot(Keys.inFlight(Keys.RISK_SCAN)))
                    .isEqualTo(node.clusterKeySlot(Keys.leases(Keys.RISK_SCAN)));
        }

        store.push(queue, List.of("a", "b", "c"));
        assertThat(store.queueLength(queue)).isEqualTo(3);
        assertThat(store.claim(queue, MINUTE)).contains("a");
        store.complete(queue, "a");
        assertThat(store.claim(queue, Duration.ZERO)).as("a claim whose lease runs out at once").contains("b");
        assertThat(store.requeueExpired(queue)).isEqualTo(1);
        assertThat(store.claim(queue, MINUTE)).as("b, put back in front").contains("b");
        assertThat(store.claim(queue, MINUTE)).contains("c");
        assertThat(store.claim(queue, MINUTE)).isEmpty();
        assertThat(store.requeueExpired(queue)).isZero();
        assertThat(store.queueLength(Keys.inFlight(queue))).isEqualTo(2);

        store.clear(queue);
        assertThat(store.queueLength(queue)).isZero();
        assertThat(store.queueLength(Keys.inFlight(queue))).isZero();
    }

    @Test
    void aPublishOnAnyMasterOfAClusterReachesASubscriberWhereverItListens() throws Exception {
        RedisSharedStore store = store(cluster);
        String channel = "test:channel:" + UUID.randomUUID();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        resources.add(store.subscribe(channel, received::add));
        eventually("the subscriber listens", () -> store.publish(channel, "ready") && received.poll() != null);
        received.clear();

        for (HostAndPort master : cluster.dataNodes()) {
            try (Jedis node = RedisServers.jedis(master, RedisServers.PASSWORD)) {
                node.publish(channel, "from " + master);
            }
        }

        List<String> messages = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (messages.size() < cluster.dataNodes().size() && System.nanoTime() < deadline) {
            String message = received.poll(1, TimeUnit.SECONDS);
            if (message != null && !message.equals("ready")) {
                messages.add(message);
            }
        }
        assertThat(messages).containsExactlyInAnyOrderElementsOf(
                cluster.dataNodes().stream().map(master -> "from " + master).toList());
    }

    @Test
    void rateLimitsCountTogetherAcrossTwoNodesWhicheverMasterHoldsTheBucket() throws Exception {
        RedisTopology topology = RedisTopology.parse(cluster.url());
        RedisRateLimiter nodeA = limiter(topology);
        RedisRateLimiter nodeB = limiter(topology);
        Set<String> masters = new HashSet<>();
        String run = "test:" + UUID.randomUUID() + ":";
        for (int i = 0; masters.size() < cluster.dataNodes().size(); i++) {
            assertThat(i).as("buckets tried before every master held one").isLessThan(200);
            String bucket = run + "login:email:" + i + "@example.com";

            assertThat(nodeA.hit(bucket, 3, MINUTE)).isEqualTo(new Decision(true, 2, 0));
            assertThat(nodeB.hit(bucket, 3, MINUTE)).isEqualTo(new Decision(true, 1, 0));
            assertThat(nodeA.hit(bucket, 3, MINUTE)).isEqualTo(new Decision(true, 0, 0));
            Decision refused = nodeB.hit(bucket, 3, MINUTE);
            assertThat(refused.allowed()).isFalse();
            assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
            masters.add(masterOf(RateLimitKeys.of(bucket)));
        }
        assertThat(nodeA.isDegraded()).isFalse();
        assertThat(nodeB.isDegraded()).isFalse();
    }

    @Test
    void leasesCycleRecordsAndGaugesWorkOnAClusterAndItsMemoryIsItsNodesTogether() throws Exception {
        RedisSharedStore store = store(cluster);
        String run = "test:" + UUID.randomUUID() + ":";
        assertThat(store.isAvailable()).isTrue();
        assertThat(store.setIfAbsent(run + "lease", "cycle-1", MINUTE)).isTrue();
        assertThat(store.setIfAbsent(run + "lease", "cycle-2", MINUTE)).isFalse();
        assertThat(store.get(run + "lease")).contains("cycle-1");
        assertThat(store.delete(run + "lease")).isTrue();
        assertThat(store.get(run + "lease")).isEmpty();
        assertThat(store.increment(run + "remaining", 5, MINUTE)).isEqualTo(5);
        assertThat(store.increment(run + "remaining", -2, MINUTE)).isEqualTo(3);
        assertThat(store.hashSetIfAbsent(run + "done", "0", "node-a", MINUTE)).isTrue();
        assertThat(store.hashSetIfAbsent(run + "done", "0", "node-b", MINUTE)).isFalse();
        assertThat(store.hash(run + "done")).containsExactly(Map.entry("0", "node-a"));

        long largestNode = 0;
        for (HostAndPort master : cluster.dataNodes()) {
            try (Jedis node = RedisServers.jedis(master, RedisServers.PASSWORD)) {
                largestNode = Math.max(largestNode, RedisSharedStore.parseUsedMemory(node.info("memory")));
            }
        }
        assertThat(store.usedMemoryBytes()).isGreaterThan(largestNode);
    }

    @Test
    void aNodeWhoseClusterOrSentinelsDoNotAnswerStartsAndDegrades() {
        for (String url : List.of("redis-cluster://127.0.0.1:1,127.0.0.1:2", "redis-sentinel://127.0.0.1:1/mymaster")) {
            RedisSharedStore store = store(RedisTopology.parse(url));
            assertThat(store.isAvailable()).as(url).isFalse();
            assertThat(store.publish("test:channel", "lost")).isFalse();
            assertThat(store.get("test:key")).isEmpty();
            assertThat(store.set("test:key", "value", MINUTE)).isFalse();
            assertThat(store.usedMemoryBytes()).isZero();
            assertThatThrownBy(() -> store.claim("test:queue", MINUTE)).isInstanceOf(SharedStoreUnavailableException.class);
        }
    }

    @Test
    void afterASentinelFailoverTheStoreAndTheLimiterUseTheNewMasterByThemselves() throws Exception {
        RedisTopology topology = RedisTopology.parse(sentinel.url());
        RedisSharedStore store = store(topology);
        RedisRateLimiter limiter = limiter(topology);
        String run = "test:" + UUID.randomUUID() + ":";
        String channel = run + "channel";
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        resources.add(store.subscribe(channel, received::add));
        eventually("the subscriber listens", () -> store.publish(channel, "ready") && received.poll() != null);
        store.push(run + "queue", List.of("before"));
        assertThat(limiter.hit(run + "bucket", 100, MINUTE).remaining()).isEqualTo(99);
        HostAndPort first = sentinel.master();

        HostAndPort promoted = sentinel.killMaster();

        assertThat(promoted).isNotEqualTo(first);
        eventually("the store writes to the new master", () -> {
            try {
                store.push(run + "queue", List.of("after"));
                return true;
            } catch (SharedStoreUnavailableException e) {
                return false;
            }
        });
        eventually("a publish reaches the subscriber again", () -> {
            received.clear();
            return store.publish(channel, "after the failover") && "after the failover".equals(poll(received));
        });
        eventually("the limiter counts in Redis again", () -> {
            limiter.hit(run + "bucket", 100, MINUTE);
            return !limiter.isDegraded() && valueOn(promoted, RateLimitKeys.of(run + "bucket")).isPresent();
        });
        assertThat(store.isAvailable()).isTrue();
        assertThat(store.claim(run + "queue", MINUTE)).isPresent();
    }

    private RedisSharedStore store(RedisServers servers) {
        return store(RedisTopology.parse(servers.url()));
    }

    private RedisSharedStore store(RedisTopology topology) {
        LazyClient worker = RedisPools.worker(topology, 2_000);
        LazyClient requestPath = RedisPools.requestPath(topology, 150);
        resources.add(worker);
        resources.add(requestPath);
        return new RedisSharedStore(worker, requestPath, RequestPathBreaker.of(topology.describe()), Thread::new);
    }

    private RedisRateLimiter limiter(RedisTopology topology) {
        RedisRateLimiter limiter = RedisRateLimiter.create(topology, 150);
        resources.add(limiter);
        return limiter;
    }

    /** The master whose slots hold {@code key}, as its own CLUSTER NODES line says. */
    private String masterOf(String key) {
        for (HostAndPort master : cluster.dataNodes()) {
            try (Jedis node = RedisServers.jedis(master, RedisServers.PASSWORD)) {
                if (node.clusterCountKeysInSlot((int) node.clusterKeySlot(key)) > 0) {
                    return master.toString();
                }
            }
        }
        throw new AssertionError(key + " is on no master");
    }

    private static Optional<String> valueOn(HostAndPort node, String key) {
        try (Jedis jedis = RedisServers.jedis(node, RedisServers.PASSWORD)) {
            return Optional.ofNullable(jedis.get(key));
        }
    }

    private static String poll(BlockingQueue<String> received) {
        try {
            return received.poll(500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void eventually(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + WAIT.toSeconds() + " s").isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
