package ai.tradesense.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import ai.tradesense.node.Launcher.RunningNode;
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

}
