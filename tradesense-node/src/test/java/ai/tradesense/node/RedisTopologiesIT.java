package ai.tradesense.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import ai.tradesense.node.Launcher.RunningNode;
import ai.tradesense.testsupport.Accounts;
import ai.tradesense.testsupport.Http;
import ai.tradesense.testsupport.LiveClient;
import ai.tradesense.testsupport.Poll;
import ai.tradesense.testsupport.RedisServers;
import ai.tradesense.testsupport.TestServices;

/**
 * Nodes on the Redis topologies beyond one server, started by the test ({@link RedisServers}): A and B
 * (API and worker each) share a three-master Redis Cluster, C (API and worker) a Sentinel set. On the
 * Cluster an event posted to A reaches a watcher on B, the two workers share the queue, the cycle's lease
 * and its records, a worker's alert on A reaches an ops watcher on B, and sign-in limits count across both.
 * On Sentinel, C's worker alerts reach C's ops watcher through Redis (worker and API are two applications),
 * the master is killed, and once the sentinels have promoted the replica the same works again without any
 * action. All three nodes boot at once; the timers are paused so that only what the test starts runs, and
 * the nodes' clocks are set to midday UTC so that no scan straddles midnight.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisTopologiesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DATABASE = "tradesense_topologies_it";

    private RedisServers cluster;
    private RedisServers sentinel;
    private final List<RunningNode> nodes = new ArrayList<>();
    private final List<AutoCloseable> clients = new ArrayList<>();
    private RunningNode a;
    private RunningNode b;
    private RunningNode c;
    private Jmx jmxA;
    private Jmx jmxB;
    private Jmx jmxC;
    private Http adminA;
    private Http adminB;
    private Http adminC;
    private Http platform;
    private String plan;
    private Duration offset;

    @BeforeAll
    void startTheTopologiesAndThreeNodes() throws Exception {
        cluster = RedisServers.cluster();
        sentinel = RedisServers.sentinel();
        TestServices.Database db = WorkerSupport.freshDatabase(DATABASE);
        Instant now = Instant.now();
        offset = Duration.between(now, now.truncatedTo(ChronoUnit.DAYS).plus(12, ChronoUnit.HOURS));
        int[] jmxPorts = {Nodes.freePort(), Nodes.freePort(), Nodes.freePort()};
        a = start("topology-a", db, cluster.url(), jmxPorts[0]);
        b = start("topology-b", db, cluster.url(), jmxPorts[1]);
        c = start("topology-c", db, sentinel.url(), jmxPorts[2]);
        for (RunningNode node : nodes) {
            node.awaitReady(WorkerSupport.BOOT);
        }
        jmxA = WorkerSupport.monitorOn(jmxPorts[0], a);
        jmxB = WorkerSupport.monitorOn(jmxPorts[1], b);
        jmxC = WorkerSupport.monitorOn(jmxPorts[2], c);
        jmxA.invoke("pause");
        jmxC.invoke("pause");
        adminA = Accounts.admin(new Http(a.baseUri().resolve("api/v1/")));
        adminB = Accounts.admin(new Http(b.baseUri().resolve("api/v1/")));
        adminC = Accounts.admin(new Http(c.baseUri().resolve("api/v1/")));
        plan = WorkerSupport.dailyLossPlan(adminA, "topology");
        platform = Accounts.platform(adminA);
    }

    @AfterAll
    void stopEverything() {
        for (AutoCloseable client : clients) {
            try {
                client.close();
            } catch (Exception e) {
                // a node that was stopped has no connection left to close
            }
        }
        for (RunningNode node : nodes) {
            node.stop();
        }
        for (RedisServers servers : new RedisServers[] {cluster, sentinel}) {
            if (servers != null) {
                servers.close();
            }
        }
    }

    @Test
    @Order(1)
    void anEventPostedToOneNodeReachesAWatcherOnTheOtherThroughTheCluster() throws Exception {
        String id = startChallenge(adminA, "cluster-fan-out");
        LiveClient onB = watch(b, "/ws/challenges/" + id, adminB);
        assertThat(onB.next().getString("type")).isEqualTo("STATE");

        equity(id, 199_000, 1);

        JsonObject pushed = onB.next("EVENT_APPLIED", WAIT);
        assertThat(pushed.getString("challengeId")).isEqualTo(id);
        assertThat(pushed.getInt("seq")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void twoWorkersShareTheQueueTheLeaseAndTheCycleRecordsAndAnAlertOnOneReachesTheOther() throws Exception {
        String id = atEightyFivePercentOfTheDailyRoom(adminA, "cluster-alert");
        LiveClient opsOnB = watch(b, "/ws/ops", adminB);

        assertThat(WorkerSupport.run(jmxA, "risk-scan").getString("status")).isEqualTo("COMPLETED");

        assertThat(alertFor(opsOnB, id, "DAILY_LOSS_80", WAIT)).as("the alert of A's scan, pushed on B").isTrue();
        JsonObject onA = lastScanCycle(jmxA);
        assertThat(lastScanCycle(jmxB)).as("B reads the cycle A recorded").isEqualTo(onA);
        assertThat(onA.getJsonObject("shardsByNode").keySet()).allMatch(node -> node.startsWith(a.process().pid() + "@"));

        assertThat(WorkerSupport.run(jmxB, "risk-scan").getString("status")).isEqualTo("COMPLETED");

        JsonObject onB = lastScanCycle(jmxA);
        assertThat(onB.getString("cycle")).as("B took the lease A released").isNotEqualTo(onA.getString("cycle"));
        assertThat(onB.getJsonObject("shardsByNode").keySet()).allMatch(node -> node.startsWith(b.process().pid() + "@"));
        assertThat(onB.getInt("shards")).isEqualTo(onA.getInt("shards"));
        assertThat((Long) jmxA.attribute("QueueLength")).isZero();
        assertThat(onB.getJsonNumber("failures").longValue()).isZero();
    }

    @Test
    @Order(3)
    void signInLimitsCountAcrossBothNodesOfTheCluster() {
        // tradesense.ratelimit.auth-per-email-per-minute is 10: five tries on each node use it up
        String body = "{\"email\": \"nobody-" + UUID.randomUUID() + "@tradesense.test\", \"password\": \"wrong-one\"}";
        for (int i = 0; i < 5; i++) {
            assertThat(adminA.anonymous().post("auth/login", body).status()).as("try %d on A", i + 1).isNotEqualTo(429);
            assertThat(adminB.anonymous().post("auth/login", body).status()).as("try %d on B", i + 1).isNotEqualTo(429);
        }

        Http.Answer refused = adminA.anonymous().post("auth/login", body);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(adminB.anonymous().post("auth/login", body).status()).isEqualTo(429);
    }

    @Test
    @Order(4)
    void aNodeOnASentinelSetKeepsItsWorkersAlertsFlowingThroughAFailover() throws Exception {
        LiveClient opsOnC = watch(c, "/ws/ops", adminC);
        String before = atEightyFivePercentOfTheDailyRoom(adminC, "sentinel-before");
        assertThat(WorkerSupport.run(jmxC, "risk-scan").getString("status")).isEqualTo("COMPLETED");
        assertThat(alertFor(opsOnC, before, "DAILY_LOSS_80", WAIT)).as("C's scan alert, through the master").isTrue();

        sentinel.killMaster();

        Poll.until("Redis is available to node C again", WAIT, () -> "true".equals(redisAvailable(c)));
        Poll.until("a scan after the failover alerts C's ops watcher", WAIT, () -> {
            String after = atEightyFivePercentOfTheDailyRoom(adminC, "sentinel-after");
            JsonObject run = runQuietly(jmxC);
            return run != null && "COMPLETED".equals(run.getString("status"))
                    && alertFor(opsOnC, after, "DAILY_LOSS_80", Duration.ofSeconds(5));
        });
        assertThat(lastScanCycle(jmxC).getJsonNumber("failures").longValue()).isZero();
    }

    private RunningNode start(String name, TestServices.Database db, String redisUrl, int jmxPort) throws Exception {
        RunningNode node = Launcher.start(WorkerSupport.worker(Nodes.runCommandDefaults(name), db.url(), redisUrl)
                .withSetting("tradesense.clock.offset", offset.toString()).withLocalJmx(jmxPort));
        nodes.add(node);
        return node;
    }

    private Instant nodesNow() {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.SECONDS);
    }

    private String startChallenge(Http admin, String trader) {
        Http.Answer started = admin.post("challenges", "{\"planCode\": \"" + plan + "\", \"traderId\": \"" + trader
                + "\", \"startAt\": \"" + nodesNow().minus(3, ChronoUnit.MINUTES) + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().getString("id");
    }

    /** A new challenge whose open trade has used 85% of the day's 10,000 of room: a scan alerts at 80%. */
    private String atEightyFivePercentOfTheDailyRoom(Http admin, String trader) {
        String id = startChallenge(admin, trader);
        Instant at = nodesNow().minus(2, ChronoUnit.MINUTES);
        Http.Answer answer = platform.post("challenges/" + id + "/events", """
                [ {"type": "TRADE_OPENED", "id": "x", "at": "%1$s", "symbol": "EURUSD", "side": "SELL", "volume": 2, "price": 1.1},
                  {"type": "EQUITY", "at": "%1$s", "equity": 191500} ]""".formatted(at));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return id;
    }

    private void equity(String id, int equity, int secondsAgo) {
        Http.Answer answer = platform.post("challenges/" + id + "/events", "{\"type\": \"EQUITY\", \"at\": \""
                + nodesNow().minusSeconds(secondsAgo) + "\", \"equity\": " + equity + "}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private LiveClient watch(RunningNode node, String path, Http admin) throws Exception {
        LiveClient client = LiveClient.connect(URI.create("ws://127.0.0.1:" + node.baseUri().getPort() + path
                + "?access_token=" + admin.header("Authorization").substring("Bearer ".length())));
        clients.add(() -> client.socket().abort());
        return client;
    }

    /** True when an ALERT of {@code kind} for the challenge arrives within {@code within}; other messages pass. */
    private static boolean alertFor(LiveClient ops, String challengeId, String kind, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            JsonObject message = ops.poll();
            if (message != null && "ALERT".equals(message.getString("type"))
                    && challengeId.equals(message.getString("challengeId"))
                    && kind.equals(message.getJsonObject("data").getString("kind"))) {
                return true;
            }
        }
        return false;
    }

    /** A scan run through the MBean, or null while the worker cannot start or finish one. */
    private static JsonObject runQuietly(Jmx jmx) {
        try {
            return WorkerSupport.run(jmx, "risk-scan");
        } catch (Exception | AssertionError e) {
            return null;
        }
    }

    private static JsonObject lastScanCycle(Jmx jmx) throws Exception {
        return Json.createReader(new StringReader((String) jmx.attribute("LastScanCycle"))).readObject();
    }

    private static String redisAvailable(RunningNode node) {
        JsonObject health = new Http(node.baseUri()).get("health/ready").json();
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("redis")).findFirst()
                .map(check -> check.getJsonObject("data").getString("available")).orElse("missing");
    }
}
