package ai.tradesense.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

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
import ai.tradesense.testsupport.TestServices;

/**
 * The risk worker on real PostgreSQL and Redis. Node A runs the API and the worker; node B is a worker
 * alone, reaching PostgreSQL through a proxy the test can cut. Both share one Redis database and one
 * work queue; the test drives them through their JMX {@code RiskMonitor}, as an operator would, and
 * pauses the timers so that only what it starts runs. Both nodes' clocks are set to midday UTC
 * ({@code tradesense.clock.offset}), so the scenario, built around the midnight just passed, never
 * straddles the next one, whatever time the test runs at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkerIT {

    private static final Duration BOOT = Duration.ofMinutes(3);
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int REDIS_DATABASE = 14;
    private static final String DATABASE = "tradesense_worker_it";

    private TestServices.Database db;
    private TcpProxy databaseOfB;
    private RedisProbe redis;
    private RunningNode a;
    private RunningNode b;
    private Jmx jmxA;
    private Jmx jmxB;
    private Http admin;
    private Http platform;
    private String plan;
    /** Midnight UTC, the test plan's day boundary; the tests are built around the one just passed. */
    private Instant today;
    private Instant yesterday;
    /** How far the nodes' clocks are set from this machine's: they start at noon of {@link #today}. */
    private Duration offset;
    private String carried;
    private String healthy;
    private String missed;

    @BeforeAll
    void startTwoWorkers() throws Exception {
        Instant now = Instant.now();
        today = now.truncatedTo(ChronoUnit.DAYS);
        yesterday = today.minus(1, ChronoUnit.DAYS);
        offset = Duration.between(now, today.plus(12, ChronoUnit.HOURS));
        db = WorkerSupport.freshDatabase(DATABASE);
        InetSocketAddress redisAddress = TestServices.address(TestServices.redis());
        redis = new RedisProbe(redisAddress, REDIS_DATABASE);
        redis.call("FLUSHDB");
        String redisUrl = "redis://" + redisAddress.getHostString() + ":" + redisAddress.getPort() + "/" + REDIS_DATABASE;
        databaseOfB = new TcpProxy(TestServices.address(db.url()));
        databaseOfB.up();
        String proxiedUrl = db.url().replaceFirst("//[^/]+/", "//127.0.0.1:" + databaseOfB.port() + "/");
        int jmxPortA = Nodes.freePort();
        int jmxPortB = Nodes.freePort();
        a = Launcher.start(WorkerSupport.worker(Nodes.runCommandDefaults("worker-a"), db.url(), redisUrl)
                .withSetting("tradesense.clock.offset", offset.toString()).withLocalJmx(jmxPortA));
        b = Launcher.start(WorkerSupport.worker(Nodes.runCommandDefaults("worker-b").workerOnly(), proxiedUrl, redisUrl)
                .withSetting("tradesense.clock.offset", offset.toString()).withLocalJmx(jmxPortB));
        a.awaitReady(BOOT);
        jmxA = WorkerSupport.monitorOn(jmxPortA, a);
        jmxB = WorkerSupport.monitorOn(jmxPortB, b);
        jmxA.invoke("pause");
        admin = Accounts.admin(new Http(a.baseUri().resolve("api/v1/")));
        plan = WorkerSupport.dailyLossPlan(admin, "worker");
        platform = Accounts.platform(admin);
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {jmxA, jmxB, redis, databaseOfB}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // A node that was killed has no JMX connection left to close.
            }
        }
        if (a != null) {
            a.stop();
        }
        if (b != null) {
            b.stop();
        }
    }

    @Test
    @Order(1)
    void theResetAtThePlansBoundaryFailsTheCarriedLossAndCatchesUpMissedBoundariesOnce() throws Exception {
        // DESIGN's worked example: +4,000 closed and 191,000 equity at 23:59 is fine against 190,000;
        // at midnight the floor becomes 194,000 and the account fails at the reset itself.
        carried = start("carried", yesterday.plus(10, ChronoUnit.HOURS));
        events(carried, """
                [ {"type": "TRADE_OPENED", "id": "a", "at": "%1$s", "symbol": "EURUSD", "side": "BUY", "volume": 1, "price": 1.1},
                  {"type": "TRADE_OPENED", "id": "b", "at": "%1$s", "symbol": "EURUSD", "side": "BUY", "volume": 1, "price": 1.1},
                  {"type": "TRADE_CLOSED", "id": "a", "at": "%2$s", "price": 1.14, "profit": 4000},
                  {"type": "EQUITY", "at": "%3$s", "equity": 191000} ]""".formatted(yesterday.plus(11, ChronoUnit.HOURS),
                yesterday.plus(12, ChronoUnit.HOURS), today.minusSeconds(60)));
        healthy = start("healthy", yesterday.plus(10, ChronoUnit.HOURS));
        events(healthy, """
                [ {"type": "TRADE_OPENED", "id": "c", "at": "%s", "symbol": "EURUSD", "side": "BUY", "volume": 1, "price": 1.1},
                  {"type": "EQUITY", "at": "%s", "equity": 199000} ]""".formatted(yesterday.plus(11, ChronoUnit.HOURS),
                yesterday.plus(23, ChronoUnit.HOURS)));
        Instant threeDaysAgo = today.minus(3, ChronoUnit.DAYS);
        missed = start("missed", threeDaysAgo.plus(10, ChronoUnit.HOURS));
        events(missed, "{\"type\": \"EQUITY\", \"at\": \"" + threeDaysAgo.plus(11, ChronoUnit.HOURS)
                + "\", \"equity\": 200100}");

        assertThat(WorkerSupport.run(jmxA, "daily-reset").getString("status")).isEqualTo("COMPLETED");

        JsonObject failed = admin.get("challenges/" + carried).json();
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getJsonObject("failure").getString("rule")).isEqualTo("DAILY_LOSS");
        assertThat(Instant.parse(failed.getJsonObject("failure").getString("at"))).isEqualTo(today);
        JsonObject fine = admin.get("challenges/" + healthy).json();
        assertThat(fine.getString("status")).isEqualTo("ACTIVE");
        assertThat(Instant.parse(fine.getString("dayStartedAt"))).isEqualTo(today);
        List<String> expected = List.of("clock:" + today.minus(2, ChronoUnit.DAYS), "clock:" + yesterday, "clock:" + today);
        assertThat(clockIds(missed)).containsExactlyElementsOf(expected);
        assertThat(clockIds(carried)).containsExactly("clock:" + today);
        assertThat(admin.get("alerts?challengeId=" + carried + "&kind=FAILED").json().getInt("total")).isEqualTo(1);

        // Again, and a scan on the other worker: every boundary was applied once and stays so.
        WorkerSupport.run(jmxA, "daily-reset");
        WorkerSupport.run(jmxB, "risk-scan");
        assertThat(clockIds(missed)).containsExactlyElementsOf(expected);
        assertThat(clockIds(healthy)).containsExactly("clock:" + today);
        JsonObject lastAudit = last(admin.get("challenges/" + carried + "/audit").json());
        assertThat(lastAudit.getString("actor")).isEqualTo("engine");
        assertThat(admin.get("challenges/" + carried + "/audit/verify").json().getBoolean("valid")).isTrue();
    }

    @Test
    @Order(2)
    void anAlertFiresOncePerLevelReachesTheOpsChannelAndIsAcknowledgedOnce() throws Exception {
        Instant now = nodesNow().truncatedTo(ChronoUnit.SECONDS);
        String id = start("alerts", now.minus(3, ChronoUnit.MINUTES));
        // 10,000 of daily room; 191,500 uses 85% of it.
        events(id, """
                [ {"type": "TRADE_OPENED", "id": "x", "at": "%s", "symbol": "EURUSD", "side": "SELL", "volume": 2, "price": 1.1},
                  {"type": "EQUITY", "at": "%s", "equity": 191500} ]""".formatted(now.minus(2, ChronoUnit.MINUTES),
                now.minus(2, ChronoUnit.MINUTES)));
        LiveClient ops = LiveClient.connect(URI.create("ws://127.0.0.1:" + a.baseUri().getPort() + "/ws/ops?access_token="
                + admin.header("Authorization").substring("Bearer ".length())));

        WorkerSupport.run(jmxA, "risk-scan");
        assertThat(kinds(id)).containsExactly("DAILY_LOSS_80");
        JsonObject pushed = ops.next("ALERT", WAIT);
        assertThat(pushed.getString("challengeId")).isEqualTo(id);
        assertThat(pushed.getJsonObject("data").getString("kind")).isEqualTo("DAILY_LOSS_80");

        WorkerSupport.run(jmxB, "risk-scan");
        WorkerSupport.run(jmxA, "risk-scan");
        assertThat(kinds(id)).containsExactly("DAILY_LOSS_80");

        // 190,300 uses 97%: the 95% level fires, the 80% one does not again.
        events(id, "{\"type\": \"EQUITY\", \"at\": \"" + now.minus(1, ChronoUnit.MINUTES) + "\", \"equity\": 190300}");
        WorkerSupport.run(jmxB, "risk-scan");
        assertThat(kinds(id)).containsExactlyInAnyOrder("DAILY_LOSS_80", "DAILY_LOSS_95");

        JsonObject critical = admin.get("alerts?challengeId=" + id + "&kind=DAILY_LOSS_95").json()
                .getJsonArray("items").getJsonObject(0);
        assertThat(critical.getString("severity")).isEqualTo("CRITICAL");
        String ack = "alerts/" + critical.getString("id") + "/ack";
        assertThat(platform.post(ack, "{\"note\": \"not staff\"}").status()).isEqualTo(403);
        assertThat(admin.post(ack, "{}").status()).isEqualTo(422);
        Http.Answer acknowledged = admin.post(ack, "{\"note\": \"Called the trader; position hedged\"}");
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        assertThat(acknowledged.json().getString("acknowledgedBy")).isEqualTo("admin:" + Accounts.ADMIN_EMAIL);
        assertThat(admin.post(ack, "{\"note\": \"twice\"}").status()).isEqualTo(409);
        JsonObject open = admin.get("alerts?status=OPEN&challengeId=" + id).json();
        assertThat(open.getInt("total")).isEqualTo(1);
        assertThat(open.getJsonArray("items").getJsonObject(0).getString("kind")).isEqualTo("DAILY_LOSS_80");
        assertThat(admin.get("alerts/no-such-alert").status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void statisticsComeFromTheDailySnapshots() throws Exception {
        WorkerSupport.run(jmxA, "snapshots");
        JsonObject stats = admin.get("challenges/" + carried + "/stats").json();
        assertThat(stats.getInt("closedTrades")).isEqualTo(1);
        assertThat(stats.getInt("wins")).isEqualTo(1);
        assertThat(stats.getJsonNumber("winRate").bigDecimalValue()).isEqualByComparingTo("1");
        assertThat(stats.getJsonNumber("averageWin").bigDecimalValue()).isEqualByComparingTo("4000");
        assertThat(stats.get("profitFactor")).isEqualTo(JsonValue.NULL);
        assertThat(stats.getJsonObject("bestDay").getString("day")).isEqualTo(yesterday.toString().substring(0, 10));
        assertThat(stats.getJsonObject("bestDay").getJsonNumber("profit").bigDecimalValue()).isEqualByComparingTo("4000");
        assertThat(stats.getJsonNumber("maxDrawdown").bigDecimalValue()).isGreaterThanOrEqualTo(new BigDecimal("9000"));
        JsonObject first = stats.getJsonArray("days").getJsonObject(0);
        assertThat(first.getJsonNumber("startBalance").bigDecimalValue()).isEqualByComparingTo("200000");
        assertThat(first.getJsonNumber("endBalance").bigDecimalValue()).isEqualByComparingTo("204000");
        assertThat(first.getJsonNumber("lowEquity").bigDecimalValue()).isEqualByComparingTo("191000");
        Http.Answer stranger = Accounts.trader(admin).http().get("challenges/" + carried + "/stats");
        assertThat(stranger.status()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void theMBeanShowsRunsAndPausesResumesAndStartsJobs() throws Exception {
        assertThat((String[]) jmxA.attribute("Jobs")).contains("risk-scan", "daily-reset", "shard-drain",
                "snapshots", "maintenance");
        assertThat((Boolean) jmxB.attribute("Paused")).as("the pause set on A holds on B").isTrue();
        jmxB.invoke("resume");
        assertThat((Boolean) jmxA.attribute("Paused")).isFalse();
        jmxA.invoke("pause");
        assertThat((Boolean) jmxB.attribute("Paused")).isTrue();

        JsonObject maintenance = WorkerSupport.run(jmxA, "maintenance");
        assertThat(maintenance.getString("status")).isEqualTo("COMPLETED");
        assertThat(maintenance.getString("detail")).contains("rows.challenge=", "rows.audit_entry=");
        assertThat((String[]) jmxA.attribute("LastRuns")).anySatisfy(line ->
                assertThat(line).startsWith("risk-scan: ").contains("\"status\":\"COMPLETED\""));
        assertThat(Json.createReader(new StringReader((String) jmxA.attribute("LastScanCycle"))).readObject()
                .getString("kind")).isEqualTo("SCAN");
        assertThat((Long) jmxA.attribute("QueueLength")).isZero();
        assertThatThrownBy(() -> jmxA.invoke("runNow", "no-such-job")).hasStackTraceContaining("no job 'no-such-job'");
        assertThat(admin.get("../../metrics").body()).contains("worker_lag_seconds", "worker_cycle_duration_seconds",
                "engine_events_applied_total", "engine_failures_total", "engine_alerts_total",
                "engine_events_applied_total{app=\"tradesense-batch\"", "engine_events_applied_total{app=\"tradesense-web\"");
    }

    @Test
    @Order(5)
    void aFailingJobIsReportedAndRetriedWhileTradingGoesOn() throws Exception {
        databaseOfB.down();
        try {
            assertThat(WorkerSupport.run(jmxB, "risk-scan").getString("status")).isEqualTo("FAILED");
            // The API node trades on, undisturbed by its worker's trouble.
            Http.Answer event = platform.post("challenges/" + healthy + "/events",
                    "{\"type\": \"EQUITY\", \"at\": \"" + nodesNow() + "\", \"equity\": 199500}");
            assertThat(event.status()).as(event.body()).isEqualTo(200);
        } finally {
            databaseOfB.up();
        }
        String answer = (String) jmxB.invoke("runNow", "risk-scan");
        assertThat(answer).startsWith("restarted failed execution");
        assertThat(WorkerSupport.await(jmxB, "risk-scan", WorkerSupport.execution(answer)).getString("status")).isEqualTo("COMPLETED");
    }

    @Test
    @Order(6)
    void twoWorkersDrainOneQueueAndTheShardsOfAWorkerThatDiesAreTakenOver() throws Exception {
        // 1,000 accounts two boundaries behind: a reset cycle of 21 shards of 50, with real work in each.
        String template = start("template", today.minus(2, ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS));
        WorkerSupport.copyChallenges(db, "seed", 0, 1000, "'" + template + "'");
        String first = (String) jmxA.invoke("runNow", "daily-reset");
        Poll.until("the reset cycle is queued", WAIT, () -> queueLength() > 0);
        String cycle = (String) redis.call("GET", "tradesense:worker:running-cycle:RESET");
        String drainOnB = (String) jmxB.invoke("runNow", "shard-drain");
        assertThat((String) jmxA.invoke("runNow", "daily-reset")).as("not started twice").startsWith("still running");

        String nodeB = b.process().pid() + "@";
        Poll.until("worker B has finished two shards", WAIT, () -> doneBy(cycle, nodeB) >= 2);
        Object inFlight = redis.call("LRANGE", "{tradesense:queue:risk-scan}:inflight", "0", "-1");
        b.process().destroyForcibly().waitFor();
        System.out.println("worker B killed with shards in flight: " + inFlight + " (after " + drainOnB + ")");
        // The timers may run again: A's drain trigger takes back what B held once its lease runs out.
        jmxA.invoke("resume");
        Poll.until("the reset cycle is finished", Duration.ofMinutes(3), () -> cycle.equals(WorkerSupport.lastCycle(redis, "RESET").getString("cycle", "")));
        jmxA.invoke("pause");
        WorkerSupport.await(jmxA, "daily-reset", WorkerSupport.execution(first));

        JsonObject finished = WorkerSupport.lastCycle(redis, "RESET");
        assertThat(finished.getInt("shards")).isEqualTo(21);
        assertThat(finished.getJsonNumber("failures").longValue()).isZero();
        assertThat(finished.getJsonObject("shardsByNode").keySet()).hasSize(2);
        try (Connection connection = db.connect(); Statement sql = connection.createStatement();
             ResultSet counts = sql.executeQuery("""
                     SELECT COUNT(DISTINCT c.id), COUNT(e.seq), MIN(c.seq), MAX(c.seq) FROM challenge c
                     LEFT JOIN challenge_event e ON e.challenge_id = c.id AND e.type = 'CLOCK'
                     WHERE c.trader_id LIKE 'seed-%'""")) {
            counts.next();
            assertThat(counts.getLong(1)).as("seeded accounts").isEqualTo(1000);
            assertThat(counts.getLong(2)).as("ticks: two boundaries each, none lost, none twice").isEqualTo(2000);
            assertThat(counts.getLong(3)).isEqualTo(2);
            assertThat(counts.getLong(4)).isEqualTo(2);
        }
    }

    // --- helpers ---

    /** The time on the nodes' clocks. */
    private Instant nodesNow() {
        return Instant.now().plus(offset);
    }

    private String start(String trader, Instant startAt) {
        Http.Answer started = admin.post("challenges", "{\"planCode\": \"" + plan + "\", \"traderId\": \"" + trader
                + "\", \"startAt\": \"" + startAt + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().getString("id");
    }

    private void events(String id, String body) {
        Http.Answer answer = platform.post("challenges/" + id + "/events", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private List<String> clockIds(String id) {
        List<String> ids = new ArrayList<>();
        for (JsonValue item : admin.get("challenges/" + id + "/events?after=0").json().getJsonArray("items")) {
            JsonObject event = item.asJsonObject();
            if ("CLOCK".equals(event.getString("type"))) {
                ids.add(event.getJsonObject("event").getString("id"));
            }
        }
        return ids;
    }

    private static JsonObject last(JsonObject page) {
        var items = page.getJsonArray("items");
        return items.getJsonObject(items.size() - 1);
    }

    private List<String> kinds(String id) {
        return admin.get("alerts?challengeId=" + id).json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("kind")).toList();
    }

    private long queueLength() {
        try {
            return (Long) redis.call("LLEN", "tradesense:queue:risk-scan");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private long doneBy(String cycle, String nodePrefix) {
        try {
            List<Object> entries = (List<Object>) redis.call("HVALS", "tradesense:cycle:" + cycle + ":done");
            return entries.stream().filter(v -> v.toString().contains("\"node\":\"" + nodePrefix)).count();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
