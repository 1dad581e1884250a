package ai.tradesense.node.bench;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
 * How long the surveillance job takes over 100,000 accounts (50,000 traders, two accounts each) and 1,000,000 trades
 * of the current day, with one worker and with two: the job's own cycle time, from cutting its shards (one per
 * detector and day) to the last one done, as the workers record it, with each shard's read from PostgreSQL, its
 * detector and the alerts it stores. Node A runs the API and a worker, node B a worker alone. Beside it, measured in
 * the same run on the same rows: PostgreSQL alone reading what the shards read (plain JDBC, the same joins), and
 * nothing but JDBC reads and the detectors in this JVM. Planted: 100 copy clusters of 4 accounts, 100 hedges,
 * 50 addresses shared at sign-in (among 50,000 sign-ins), and a tenth of the trades carry an address.
 *
 * <p>Run from the project folder after {@code ./mvnw -o -q -B -pl tradesense-node -am verify -DskipTests}:
 * {@code java -cp ... ai.tradesense.node.bench.SurveillanceJobBenchmark [accounts] [trades] [runs]} (see
 * docs/benchmarks.md).
 */
public final class SurveillanceJobBenchmark {

    private static final String DATABASE = "ts_surveil3_bench";
    private static final int REDIS_DATABASE = 11;

    private SurveillanceJobBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int trades = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path root = BenchSupport.root();
        TestServices.Database db = WorkerSupport.freshDatabase(DATABASE);
        InetSocketAddress redisAddress = TestServices.address(TestServices.redis());
        String redisUrl = "redis://" + redisAddress.getHostString() + ":" + redisAddress.getPort() + "/"
                + REDIS_DATABASE;
        int jmxPortA = BenchSupport.freePort();
        int jmxPortB = BenchSupport.freePort();
        try (RedisProbe redis = new RedisProbe(redisAddress, REDIS_DATABASE)) {
            redis.call("FLUSHDB");
            RunningNode a = BenchSupport.startNode(root, db, redisUrl, "surveillance-bench-a",
                    o -> WorkerSupport.worker(o, db.url(), redisUrl).withSetting("tradesense.worker.lease-seconds",
                            "600").withJvmOption("-Xmx3g").withLocalJmx(jmxPortA));
            RunningNode b = BenchSupport.startNode(root, db, redisUrl, "surveillance-bench-b",
                    o -> WorkerSupport.worker(o.workerOnly(), db.url(), redisUrl)
                            .withSetting("tradesense.worker.lease-seconds", "600").withJvmOption("-Xmx3g")
                            .withLocalJmx(jmxPortB));
            try (Jmx jmxA = BenchSupport.awaitWorker(a, jmxPortA); Jmx jmxB = WorkerSupport.monitorOn(jmxPortB, b)) {
                jmxA.invoke("pause");
                Http admin = Accounts.admin(new Http(a.baseUri().resolve("api/v1/")));
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                String template = admin.post("challenges", "{\"planCode\": \"two-step-100k\", \"traderId\":"
                        + " \"bench\", \"startAt\": \"" + now.minus(10, ChronoUnit.MINUTES) + "\"}").json()
                        .getString("id");
                LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
                Instant from = today.atStartOfDay(ZoneOffset.UTC).toInstant();
                Instant to = from.plus(1, ChronoUnit.DAYS);
                long seedStart = System.nanoTime();
                seed(db, template, accounts, trades, from);
                System.out.printf(Locale.ROOT, "Seeded %,d accounts, %,d trades and %,d sign-ins in %.1f s%n",
                        accounts, count(db, "SELECT COUNT(*) FROM trade"), count(db,
                                "SELECT COUNT(*) FROM sign_in_address"), (System.nanoTime() - seedStart) / 1e9);
                BenchSupport.printMachine();
                Limits limits = limits(db, from, to);
                System.out.printf(Locale.ROOT, "Limit:   PostgreSQL alone reading what the shards read (%,d opened,"
                                + " %,d held, %,d with an address, %,d sign-ins): %.2f s%n", limits.opened,
                        limits.held, limits.addressed, limits.signIns, limits.readSeconds);
                System.out.printf(Locale.ROOT, "Limit:   the detectors alone on those rows, one thread: %.2f s"
                        + " (findings %s)%n", limits.detectSeconds, limits.findings);
                System.out.println("| run | workers | job (read + detect + store) | shards by node | read | findings"
                        + " | alerts stored |");
                System.out.println("|---:|---:|---:|---|---:|---:|---:|");
                for (int run = 1; run <= runs; run++) {
                    for (int workers = 1; workers <= 2; workers++) {
                        JsonObject cycle = BenchSupport.cycle(db, redis, jmxA, jmxB, workers, "surveillance", "SURVEIL",
                                Duration.ofMinutes(15));
                        System.out.printf(Locale.ROOT, "| %d | %d | %.2f s | %s | %,d | %,d | %,d |%n", run, workers,
                                cycle.getJsonNumber("durationMillis").longValue() / 1000.0,
                                cycle.getJsonObject("shardsByNode").values(),
                                cycle.getJsonNumber("scanned").longValue(),
                                cycle.getJsonNumber("attended").longValue(),
                                cycle.getJsonNumber("alerts").longValue());
                    }
                }
                System.out.printf(Locale.ROOT, "Load:    %.2f (1-minute average after the benchmark)%n",
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            } finally {
                a.stop();
                b.stop();
                BenchSupport.reportLog(a.logFile());
                BenchSupport.reportLog(b.logFile());
            }
        }
    }

    /**
     * Accounts {@code sb-<n>} of traders {@code sbt-<n/2>}, copies of the template; random trades over the day on 30
     * symbols (a quarter still open, the rest held up to an hour), and the planted findings.
     */
    private static void seed(TestServices.Database db, String template, int accounts, int trades, Instant day)
            throws Exception {
        String start = "TIMESTAMP WITH TIME ZONE '" + OffsetDateTime.ofInstant(day, ZoneOffset.UTC) + "'";
        try (Connection connection = db.connect(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("""
                    INSERT INTO challenge (id, plan_code, plan_version, trader_id, status, phase_index, balance, equity,
                        state, seq, audit_seq, audit_hash, started_at, created_at, updated_at, next_day_start, due_at,
                        open_trades, daily_loss_used, max_loss_used, last_feed_at, snapshot_seq)
                    SELECT 'sb-' || g, t.plan_code, t.plan_version, 'sbt-' || (g / 2), t.status, t.phase_index,
                        t.balance, t.equity, t.state, 0, 0, '%s', t.started_at, t.created_at, t.updated_at,
                        t.next_day_start, t.due_at, t.open_trades, t.daily_loss_used, t.max_loss_used, t.last_feed_at, 0
                    FROM generate_series(0, %d) g JOIN challenge t ON t.id = '%s'"""
                    .formatted("0".repeat(64), accounts - 1, template));
            // 100 clusters of 4 accounts (two traders each) copying 10 signals each, 200 ms apart
            sql.executeUpdate("""
                    INSERT INTO trade (challenge_id, trade_id, phase_index, symbol, side, volume, open_price, opened_at,
                        closed_at)
                    SELECT 'sb-' || (c * 4 + m), 'p' || c || '-' || s || '-' || m, 0, 'XAUUSD', 'BUY', 1, 2000,
                        %1$s + (c * 10 + s) * INTERVAL '80 seconds' + m * INTERVAL '200 milliseconds',
                        %1$s + (c * 10 + s) * INTERVAL '80 seconds' + INTERVAL '60 seconds'
                    FROM generate_series(0, 99) c, generate_series(0, 9) s, generate_series(0, 3) m"""
                    .formatted(start));
            // 100 traders hedging one account against their other one
            sql.executeUpdate("""
                    INSERT INTO trade (challenge_id, trade_id, phase_index, symbol, side, volume, open_price, opened_at,
                        closed_at)
                    SELECT 'sb-' || (1000 + h * 2 + k), 'h' || h || '-' || k, 0, 'USDJPY',
                        CASE WHEN k = 0 THEN 'BUY' ELSE 'SELL' END, 1, 150,
                        %1$s + h * INTERVAL '10 minutes' + k * INTERVAL '1 second',
                        %1$s + h * INTERVAL '10 minutes' + INTERVAL '60 seconds'
                    FROM generate_series(0, 99) h, generate_series(0, 1) k""".formatted(start));
            int planted = 100 * 10 * 4 + 100 * 2;
            sql.executeUpdate("""
                    INSERT INTO trade (challenge_id, trade_id, phase_index, symbol, side, volume, open_price, opened_at,
                        closed_at, client_ip)
                    SELECT 'sb-' || a, 'r' || g, 0, 'SYM' || (g %% 30), CASE WHEN random() < 0.5 THEN 'BUY' ELSE 'SELL' END,
                        1, 100, o, CASE WHEN random() < 0.25 THEN NULL ELSE o + random() * INTERVAL '1 hour' END,
                        CASE WHEN random() < 0.1 THEN '10.' || (a / 65536) || '.' || (a / 256 %% 256) || '.' || (a %% 256)
                        END
                    FROM (SELECT g, floor(random() * %2$d)::int AS a, %1$s + random() * INTERVAL '1 day' AS o
                          FROM generate_series(1, %3$d) g) r""".formatted(start, accounts, trades - planted));
            // 50,000 sign-ins of as many traders; every 1,000th shares the address of the one before
            sql.executeUpdate("""
                    INSERT INTO sign_in_address (id, trader_id, address, signed_in_at)
                    SELECT 's' || g, 'sbt-' || g, '192.0.' || (CASE WHEN g %% 1000 = 1 THEN g - 1 ELSE g END / 256) || '.'
                        || (CASE WHEN g %% 1000 = 1 THEN g - 1 ELSE g END %% 256), %1$s + random() * INTERVAL '1 day'
                    FROM generate_series(0, %2$d) g""".formatted(start, accounts / 2 - 1));
            sql.execute("ANALYZE challenge");
            sql.execute("ANALYZE trade");
            sql.execute("ANALYZE sign_in_address");
        }
    }

    private static long count(TestServices.Database db, String query) throws Exception {
        try (Connection connection = db.connect(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** What the limits measured. */
    private record Limits(int opened, int held, int addressed, int signIns, double readSeconds, double detectSeconds,
                          String findings) { }

    /** PostgreSQL alone reading the rows the shards read, then the detectors alone on them, as the shards run them. */
    private static Limits limits(TestServices.Database db, Instant from, Instant to) throws Exception {
        String select = "SELECT t.challenge_id, c.trader_id, t.trade_id, t.symbol, t.side, t.opened_at, t.closed_at,"
                + " t.client_ip FROM trade t JOIN challenge c ON c.id = t.challenge_id WHERE ";
        long started = System.nanoTime();
        List<ai.tradesense.domain.rules.surveillance.SurveilledTrade> opened;
        List<ai.tradesense.domain.rules.surveillance.SurveilledTrade> held;
        List<ai.tradesense.domain.rules.surveillance.SurveilledTrade> addressed;
        List<ai.tradesense.domain.rules.surveillance.SignIn> signIns = new ArrayList<>();
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            opened = trades(connection, select + "t.opened_at >= ? AND t.opened_at < ?", from, to);
            held = trades(connection, select + "t.opened_at < ? AND (t.closed_at IS NULL OR t.closed_at >= ?)", to,
                    from);
            addressed = trades(connection, select + "t.opened_at >= ? AND t.opened_at < ? AND t.client_ip IS NOT NULL",
                    from, to);
            try (PreparedStatement query = connection.prepareStatement("SELECT trader_id, address, signed_in_at"
                    + " FROM sign_in_address WHERE signed_in_at >= ? AND signed_in_at < ?")) {
                query.setFetchSize(10_000);
                query.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
                query.setObject(2, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        signIns.add(new ai.tradesense.domain.rules.surveillance.SignIn(rows.getString(1), rows.getString(2),
                                rows.getObject(3, OffsetDateTime.class).toInstant()));
                    }
                }
            }
        }
        double read = (System.nanoTime() - started) / 1e9;
        LocalDate day = from.atZone(ZoneOffset.UTC).toLocalDate();
        var links = ai.tradesense.domain.rules.surveillance.TraderLinks.NONE;
        var settings = ai.tradesense.domain.rules.surveillance.SurveillanceSettings.DEFAULTS;
        started = System.nanoTime();
        StringBuilder findings = new StringBuilder();
        for (var detector : ai.tradesense.domain.rules.surveillance.Finding.Kind.values()) {
            var input = switch (detector) {
                case COPY_TRADING -> opened;
                case CROSS_HEDGE -> held;
                case SHARED_IP -> addressed;
            };
            int found = ai.tradesense.domain.rules.surveillance.Surveillance.findings(detector, day, from, to, input,
                    detector == ai.tradesense.domain.rules.surveillance.Finding.Kind.SHARED_IP ? signIns : List.of(),
                    links, c -> false, settings).size();
            findings.append(findings.length() == 0 ? "" : " ").append(detector).append('=').append(found);
        }
        double detect = (System.nanoTime() - started) / 1e9;
        return new Limits(opened.size(), held.size(), addressed.size(), signIns.size(), read, detect,
                findings.toString());
    }

    private static List<ai.tradesense.domain.rules.surveillance.SurveilledTrade> trades(Connection connection, String query,
            Instant first, Instant second) throws Exception {
        List<ai.tradesense.domain.rules.surveillance.SurveilledTrade> trades = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setFetchSize(10_000);
            statement.setObject(1, OffsetDateTime.ofInstant(first, ZoneOffset.UTC));
            statement.setObject(2, OffsetDateTime.ofInstant(second, ZoneOffset.UTC));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    OffsetDateTime closed = rows.getObject(7, OffsetDateTime.class);
                    trades.add(new ai.tradesense.domain.rules.surveillance.SurveilledTrade(rows.getString(1),
                            rows.getString(2), rows.getString(3), rows.getString(4),
                            ai.tradesense.domain.rules.Side.valueOf(rows.getString(5)),
                            rows.getObject(6, OffsetDateTime.class).toInstant(),
                            closed == null ? null : closed.toInstant(), rows.getString(8)));
                }
            }
        }
        return trades;
    }

}
