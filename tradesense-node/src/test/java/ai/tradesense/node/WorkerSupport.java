package ai.tradesense.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import ai.tradesense.node.Launcher.RunningNode;
import ai.tradesense.testsupport.Http;
import ai.tradesense.testsupport.Plans;
import ai.tradesense.testsupport.Poll;
import ai.tradesense.testsupport.TestServices;

/** Worker nodes for system tests and benchmarks: their settings, their database, their MBean. */
public final class WorkerSupport {

    public static final Duration BOOT = Duration.ofMinutes(3);
    public static final Duration WAIT = Duration.ofSeconds(90);
    private static final Pattern EXECUTION = Pattern.compile("execution (\\d+)$");

    private WorkerSupport() {
    }

    public static NodeOptions worker(NodeOptions options, String dbUrl, String redisUrl) {
        TestServices.Database db = TestServices.postgres();
        return options.withSetting("tradesense.db.url", dbUrl)
                .withSetting("tradesense.db.user", db.user())
                .withSetting("tradesense.db.password", db.password())
                .withSetting("tradesense.redis.url", redisUrl)
                .withSetting("tradesense.worker.shard-size", "50")
                .withSetting("tradesense.worker.lease-seconds", "8");
    }

    /**
     * A new plan of 200,000 whose day (UTC) allows a loss of 5% of the day's starting balance, checked
     * intraday (10,000 of room, so alerts at 8,000 and 9,500), and 10% in all; answers its code.
     */
    public static String dailyLossPlan(Http admin, String prefix) {
        String code = Plans.uniqueCode(prefix);
        Http.Answer created = admin.post("plans", """
                { "code": "%s", "name": "Worker test 200k", "initialBalance": 200000,
                  "dayBoundary": { "zone": "UTC", "time": "00:00" },
                  "phases": [ { "name": "Challenge", "profitTarget": { "pct": 10 },
                    "dailyLoss": { "pct": 5, "anchor": "DAY_START_BALANCE", "check": "INTRADAY", "onBreach": "FAIL" },
                    "maxLoss": { "pct": 10, "mode": "STATIC" } } ] }""".formatted(code));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return code;
    }

    /** A database of its own: the worker scans every challenge there is. */
    public static TestServices.Database freshDatabase(String name) throws Exception {
        TestServices.Database shared = TestServices.postgres();
        String admin = shared.url().replaceFirst("/[^/?]+(\\?.*)?$", "/postgres");
        try (Connection connection = DriverManager.getConnection(admin, shared.user(), shared.password());
             Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + name);
        }
        return new TestServices.Database(shared.url().replaceFirst("/[^/?]+(\\?.*)?$", "/" + name),
                shared.user(), shared.password());
    }

    public static Jmx monitorOn(int port, RunningNode node) {
        Jmx[] connected = new Jmx[1];
        Poll.until("the RiskMonitor MBean on port " + port, BOOT, () -> {
            assertThat(node.process().isAlive()).as("node alive; see " + node.logFile()).isTrue();
            try {
                if (connected[0] == null) {
                    connected[0] = Jmx.connect(port);
                }
                return connected[0].registered();
            } catch (Exception e) {
                return false;
            }
        });
        return connected[0];
    }

    /** Starts a job through the MBean and waits for that execution to end. */
    public static JsonObject run(Jmx jmx, String job) throws Exception {
        String answer = (String) jmx.invoke("runNow", job);
        assertThat(answer).as(job).containsPattern(EXECUTION);
        return await(jmx, job, execution(answer));
    }

    public static long execution(String answer) {
        Matcher matcher = EXECUTION.matcher(answer);
        assertThat(matcher.find()).as(answer).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    public static JsonObject await(Jmx jmx, String job, long execution) {
        JsonObject[] run = new JsonObject[1];
        Poll.until(job + " execution " + execution + " ends", WAIT, () -> {
            try {
                String json = (String) jmx.invoke("lastRun", job);
                if (json.isEmpty()) {
                    return false;
                }
                run[0] = Json.createReader(new StringReader(json)).readObject();
                return run[0].getJsonNumber("execution").longValue() == execution
                        && List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(run[0].getString("status"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return run[0];
    }


    /** The last finished cycle of a kind (RESET or SCAN) as the workers recorded it; empty before the first. */
    public static JsonObject lastCycle(RedisProbe redis, String kind) {
        try {
            Object json = redis.call("GET", "tradesense:worker:last-cycle:" + kind);
            return json == null ? Json.createObjectBuilder().build()
                    : Json.createReader(new StringReader((String) json)).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies real challenges with SQL: {@code to - from} new trading accounts numbered {@code from + 1} to
     * {@code to}, traders {@code <prefix>-<n>}, each a copy of the challenge {@code templateId} names (an SQL
     * expression that may use the number {@code g}). The copies start with no events and an empty audit
     * trail, so the worker's ticks write a valid chain for each.
     */
    public static void copyChallenges(TestServices.Database db, String prefix, int from, int to, String templateId)
            throws SQLException {
        try (Connection connection = db.connect(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("""
                    INSERT INTO challenge (id, plan_code, plan_version, trader_id, status, phase_index, balance, equity,
                        state, seq, audit_seq, audit_hash, started_at, created_at, updated_at, next_day_start, due_at,
                        open_trades, daily_loss_used, max_loss_used, last_feed_at, snapshot_seq)
                    SELECT md5('%1$s' || g || random())::uuid::text, t.plan_code, t.plan_version, '%1$s-' || g,
                        t.status, t.phase_index, t.balance, t.equity, t.state, 0, 0, '%2$s', t.started_at, t.created_at,
                        t.updated_at, t.next_day_start, t.due_at, t.open_trades, t.daily_loss_used, t.max_loss_used,
                        t.last_feed_at, 0
                    FROM generate_series(%3$d, %4$d) g JOIN challenge t ON t.id = %5$s"""
                    .formatted(prefix, "0".repeat(64), from + 1, to, templateId));
            sql.execute("ANALYZE challenge");
        }
    }
}
