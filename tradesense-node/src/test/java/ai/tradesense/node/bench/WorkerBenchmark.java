package ai.tradesense.node.bench;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import jakarta.json.JsonObject;

import ai.tradesense.node.Jmx;
import ai.tradesense.node.Launcher.RunningNode;
import ai.tradesense.node.RedisProbe;
import ai.tradesense.node.WorkerSupport;
import ai.tradesense.testsupport.Accounts;
import ai.tradesense.testsupport.Http;
import ai.tradesense.testsupport.TestServices;

/**
 * How long one full risk scan takes over 10,000 and 100,000 trading challenges, with one worker and with
 * two, and what it costs per challenge. Node A runs the API and a worker, node B a worker alone; both on
 * the local PostgreSQL and Redis. One in twenty accounts has used 84% of its daily room, so each scan
 * does real work: it locks those accounts and raises (and stores, and publishes) an alert for each (the
 * alerts are deleted between runs). The accounts are copies of two real challenges, made with SQL.
 *
 * <p>Run from the project folder after {@code ./mvnw -o -q -B install -DskipTests}:
 * {@code java -cp ... ai.tradesense.node.bench.WorkerBenchmark} (see docs/benchmarks.md).
 */
public final class WorkerBenchmark {

    private static final String DATABASE = "tradesense_worker_bench";
    private static final int REDIS_DATABASE = 10;
    private static final int[] SIZES = {10_000, 100_000};
    private static final int HOT_EVERY = 20;

    private WorkerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = BenchSupport.root();
        TestServices.Database db = WorkerSupport.freshDatabase(DATABASE);
        InetSocketAddress redisAddress = TestServices.address(TestServices.redis());
        String redisUrl = "redis://" + redisAddress.getHostString() + ":" + redisAddress.getPort() + "/" + REDIS_DATABASE;
        int jmxPortA = BenchSupport.freePort();
        int jmxPortB = BenchSupport.freePort();
        try (RedisProbe redis = new RedisProbe(redisAddress, REDIS_DATABASE)) {
            redis.call("FLUSHDB");
            RunningNode a = BenchSupport.startNode(root, db, redisUrl, "worker-bench-a",
                    o -> WorkerSupport.worker(o, db.url(), redisUrl).withSetting("tradesense.worker.shard-size", "1000")
                            .withSetting("tradesense.worker.lease-seconds", "120").withLocalJmx(jmxPortA));
            RunningNode b = BenchSupport.startNode(root, db, redisUrl, "worker-bench-b",
                    o -> WorkerSupport.worker(o.workerOnly(), db.url(), redisUrl)
                            .withSetting("tradesense.worker.shard-size", "1000")
                            .withSetting("tradesense.worker.lease-seconds", "120").withLocalJmx(jmxPortB));
            try (Jmx jmxA = BenchSupport.awaitWorker(a, jmxPortA); Jmx jmxB = WorkerSupport.monitorOn(jmxPortB, b)) {
                jmxA.invoke("pause");
                Http admin = Accounts.admin(new Http(a.baseUri().resolve("api/v1/")));
                Http platform = Accounts.platform(admin);
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                String calm = challenge(admin, platform, now, "100150");
                String hot = challenge(admin, platform, now, "95800");
                BenchSupport.printMachine();
                System.out.println("| challenges | workers | scan | per challenge | attended | alerts | shards by node |");
                System.out.println("|---:|---:|---:|---:|---:|---:|---|");
                int seeded = 0;
                for (int size : SIZES) {
                    seed(db, calm, hot, seeded, size);
                    seeded = size;
                    BenchSupport.cycle(db, redis, jmxA, jmxB, 1, "risk-scan", "SCAN", Duration.ofMinutes(10));
                    for (int workers = 1; workers <= 2; workers++) {
                        JsonObject cycle = BenchSupport.cycle(db, redis, jmxA, jmxB, workers, "risk-scan", "SCAN",
                                Duration.ofMinutes(10));
                        String line = String.format(Locale.ROOT, "| %,d | %d | %.2f s | %.1f µs | %,d | %,d | %s |",
                                size, workers, cycle.getJsonNumber("durationMillis").longValue() / 1000.0,
                                cycle.getJsonNumber("durationMillis").longValue() * 1000.0 / size,
                                cycle.getJsonNumber("attended").longValue(), cycle.getJsonNumber("alerts").longValue(),
                                cycle.getJsonObject("shardsByNode").values().toString());
                        System.out.println(line);
                    }
                }
                System.out.println("(the first scan after each seeding warms up and is not reported)");
            } finally {
                a.stop();
                b.stop();
                BenchSupport.reportLog(a.logFile());
                BenchSupport.reportLog(b.logFile());
            }
        }
    }

    /** A real challenge on the two-step plan (5,000 of daily room) with one equity report. */
    private static String challenge(Http admin, Http platform, Instant now, String equity) {
        String id = admin.post("challenges", "{\"planCode\": \"two-step-100k\", \"traderId\": \"bench\", \"startAt\": \""
                + now.minus(10, ChronoUnit.MINUTES) + "\"}").json().getString("id");
        Http.Answer answer = platform.post("challenges/" + id + "/events", "{\"type\": \"EQUITY\", \"at\": \""
                + now.minus(5, ChronoUnit.MINUTES) + "\", \"equity\": " + equity + "}");
        if (answer.status() != 200) {
            throw new IllegalStateException(answer.body());
        }
        return id;
    }

    /** Copies the two templates until {@code to} accounts exist beside them; one in twenty is hot. */
    private static void seed(TestServices.Database db, String calm, String hot, int from, int to) throws Exception {
        WorkerSupport.copyChallenges(db, "bench", from, to,
                "CASE WHEN g %% %d = 0 THEN '%s' ELSE '%s' END".formatted(HOT_EVERY, hot, calm));
    }

}
