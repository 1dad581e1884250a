package ai.tradesense.node.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.JsonObject;

import ai.tradesense.node.Launcher.RunningNode;
import ai.tradesense.node.NodeOptions;
import ai.tradesense.testsupport.Accounts;
import ai.tradesense.testsupport.Http;
import ai.tradesense.testsupport.TestServices;

/**
 * Throughput and latency of the live event API ({@code POST /api/v1/challenges/{id}/events}) on one
 * production-mode node (PostgreSQL + Redis), black box over HTTP/1.1. Not a test: a plain {@code main}
 * that neither surefire nor failsafe picks up. The command is in {@code docs/benchmarks.md}.
 *
 * <p>Each client thread owns its own challenge, so {@code at} rises per challenge and clients never
 * wait on each other's row lock; a run is bounded by time and by a request budget. Every answer must
 * be 200; anything else is counted and shown, never dropped.
 *
 * <p>System properties: {@code bench.url} (use a running node instead of starting one),
 * {@code bench.seconds} (per run, default 20), {@code bench.clients} (default 1,8,32),
 * {@code bench.batch} (events per batch request, default 100), {@code bench.warmup} (single-event
 * warm-up requests, default 3000), {@code bench.maxRequests} (request budget of a single-event run,
 * default 200000; a batch run gets a tenth), {@code bench.plan} (default two-step-100k),
 * {@code bench.root} (the project folder; default: found from the working directory).
 */
public final class ApiBenchmark {

    private static final String ONE = "single";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Instant FIRST_EVENT = Instant.parse("2026-03-02T07:00:00Z");
    private static final long STEP_MILLIS = 50;
    private static final int MAX_SAMPLES = 5;

    private final HttpClient http;
    private final URI base;
    private final String plan;
    /** "Bearer …" of the admin, who starts and reads the challenges. */
    private String adminToken;
    /** The platform bridge's API key, which posts the events. */
    private String platformKey;
    private final AtomicInteger traders = new AtomicInteger();
    private final Process node;

    private ApiBenchmark(URI base, String plan, Process node) {
        this.base = base;
        this.plan = plan;
        this.node = node;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 20);
        int[] levels = Arrays.stream(System.getProperty("bench.clients", "1,8,32").split(","))
                .map(String::strip).mapToInt(Integer::parseInt).toArray();
        int batch = Integer.getInteger("bench.batch", 100);
        int warmup = Integer.getInteger("bench.warmup", 3_000);
        long maxRequests = Long.getLong("bench.maxRequests", 200_000L);
        String plan = System.getProperty("bench.plan", "two-step-100k");
        String url = System.getProperty("bench.url");

        BenchSupport.printMachine();
        RunningNode node = null;
        TestServices.Database db = null;
        long started = System.nanoTime();
        URI base;
        if (url == null || url.isBlank()) {
            db = TestServices.postgres();
            String redis = TestServices.redis();
            node = BenchSupport.startNode(BenchSupport.root(), db, redis, "node");
            RunningNode toStop = node;
            Runtime.getRuntime().addShutdownHook(new Thread(toStop::stop, "bench-node-stop"));
            node.awaitReady(Duration.ofMinutes(3));
            base = node.baseUri();
            System.out.printf("Node:    started here in %.1f s, production mode: %s (PostgreSQL %s), %s; log %s%n",
                    (System.nanoTime() - started) / 1e9, db.url(), postgresVersion(db), redis, node.logFile());
            System.out.printf("         node JVM options %s%n", NodeOptions.DEFAULT_JVM_OPTIONS);
        } else {
            base = URI.create(url.endsWith("/") ? url : url + "/");
            System.out.printf("Node:    %s (given by bench.url; its mode and database are its own)%n", base);
        }
        System.out.println("Note:    the load generator runs on the same machine as the node and PostgreSQL;"
                + " all share its cores.");
        try {
            // Staff start and read the challenges; the platform's API key posts the events, as in production.
            Http api = new Http(base.resolve("api/v1/"));
            Http admin = Accounts.admin(api);
            ApiBenchmark bench = new ApiBenchmark(base, plan, node == null ? null : node.process());
            bench.adminToken = admin.header("Authorization");
            bench.platformKey = Accounts.platform(api).header("X-API-Key");
            bench.run(db, levels, Duration.ofSeconds(seconds), batch, warmup, maxRequests);
        } finally {
            if (node != null) {
                node.stop();
                BenchSupport.reportLog(node.logFile());
                System.out.println("Node stopped.");
            }
        }
        System.out.printf("Total time %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    private void run(TestServices.Database db, int[] levels, Duration perRun, int batch, int warmup,
                     long maxRequests) throws Exception {
        long t0 = System.nanoTime();
        Result warm = load("warm-up", 8, 1, Duration.ofSeconds(45), warmup, null);
        Result warmBatch = load("warm-up", 8, batch, Duration.ofSeconds(20), Math.max(warmup / 20, 16), null);
        System.out.printf("Warm-up: %,d single-event and %,d %d-event requests in %.1f s, %d errors%n",
                warm.requests, warmBatch.requests, batch, (System.nanoTime() - t0) / 1e9,
                warm.errors() + warmBatch.errors());
        printErrors(warm);
        printErrors(warmBatch);

        List<Result> results = new ArrayList<>();
        for (int size : new int[] {1, batch}) {
            for (int clients : levels) {
                long budget = size == 1 ? maxRequests : Math.max(maxRequests / 10, 1);
                String shape = size == 1 ? ONE : "batch " + size;
                CpuMeter cpu = new CpuMeter(node);
                try (LockSampler sampler = LockSampler.start(db)) {
                    Result result = load(shape, clients, size, perRun, budget, sampler);
                    result.cpu = cpu.summary();
                    if (sampler != null && !sampler.queries.isEmpty()) {
                        result.waiting = sampler.waitingQueries();
                    }
                    results.add(result);
                }
            }
        }

        System.out.println();
        System.out.printf("Per run: at most %d s or the request budget, whichever first;"
                + " each client owns one fresh challenge (plan %s).%n", perRun.toSeconds(), plan);
        System.out.println("Latency: client-side, from send to the full answer read, over every request"
                + " of the run (errors included).");
        System.out.println();
        String header = String.format("| %7s | %-9s | %8s | %9s | %9s | %10s | %8s | %8s | %8s | %6s | %12s | %-14s |",
                "clients", "shape", "requests", "events", "events/s", "requests/s", "p50 ms", "p99 ms", "max ms",
                "errors", "lock waits", "cpu b/n/rest");
        System.out.println(header);
        System.out.println(header.replaceAll("[^|]", "-"));
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %7d | %-9s | %,8d | %,9d | %,9.0f | %,10.1f | %8.1f | %8.1f | %8.1f | %6d | %12s | %-14s |%n",
                    r.clients, r.shape, r.requests, r.events, r.events / r.seconds, r.requests / r.seconds,
                    r.percentile(0.50), r.percentile(0.99), r.percentile(1.0), r.errors(), r.lockWaits, r.cpu);
        }
        System.out.println();
        System.out.println("events = events in answers of 200; lock waits = most backends seen waiting on a lock"
                + " (pg_stat_activity, sampled every 100 ms; n/a with bench.url).");
        System.out.println("cpu b/n/rest = cores busy on average during the run: this benchmark's JVM / the node /"
                + " everything else (PostgreSQL, Redis, and any other load on the machine).");
        for (Result r : results) {
            if (r.waiting != null) {
                System.out.printf("Waiting on locks in %s, %d clients (any backend of the database): %s%n",
                        r.shape, r.clients, r.waiting);
            }
        }
        for (Result r : results) {
            printErrors(r);
        }
        verify(results);
    }

    /** One bounded run: {@code clients} threads, each on its own new challenge, {@code size} events a request. */
    private Result load(String shape, int clients, int size, Duration limit, long budget, LockSampler sampler)
            throws Exception {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            accounts.add(new Account(startChallenge(), new Random(31L * traders.get() + i)));
        }
        Result result = new Result(shape, clients, accounts);
        AtomicLong remaining = new AtomicLong(budget);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            Account account = accounts.get(c);
            Thread thread = new Thread(() -> {
                long[] mine = new long[1 << 14];
                int n = 0;
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long deadline = System.nanoTime() + limit.toNanos();
                while (System.nanoTime() < deadline && remaining.getAndDecrement() > 0) {
                    String body = account.next(size);
                    HttpRequest request = HttpRequest.newBuilder(base.resolve("api/v1/challenges/" + account.id + "/events"))
                            .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                            .header("X-API-Key", platformKey)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t = System.nanoTime();
                    int status;
                    String answer;
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        answer = response.body();
                    } catch (IOException e) {
                        status = -1;
                        answer = e.toString();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                    long nanos = System.nanoTime() - t;
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = nanos;
                    if (status == 200) {
                        account.accepted(size);
                    } else {
                        // A refused request applies nothing: go on from the events the node has.
                        account.rejected();
                        result.error(status, answer);
                    }
                }
                latencies[client] = mine;
                counts[client] = n;
            }, "bench-client-" + c);
            threads.add(thread);
            thread.start();
        }
        long t0 = System.nanoTime();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        result.seconds = (System.nanoTime() - t0) / 1e9;
        if (sampler != null) {
            result.lockWaits = sampler.summary();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        result.latencies = all;
        result.requests = total;
        result.events = accounts.stream().mapToLong(a -> a.accepted).sum();
        if (!shape.startsWith("warm")) {
            System.out.printf(Locale.ROOT, "  ran %2d clients, %-9s: %,d requests in %.1f s, %d errors%n",
                    clients, shape, total, result.seconds, result.errors());
        }
        return result;
    }

    private String startChallenge() throws IOException, InterruptedException {
        String trader = "bench-" + ProcessHandle.current().pid() + "-" + traders.incrementAndGet();
        String body = "{\"planCode\":\"" + plan + "\",\"traderId\":\"" + trader + "\",\"startAt\":\"2026-03-02T00:00:00Z\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("api/v1/challenges"))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json").header("Authorization", adminToken)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("starting a challenge answered " + response.statusCode() + ": "
                    + response.body());
        }
        return BenchSupport.json(response.body()).getString("id");
    }

    /** Every challenge of every run must still be ACTIVE and hold exactly the events answered 200. */
    private void verify(List<Result> results) throws IOException, InterruptedException {
        int checked = 0;
        List<String> problems = new ArrayList<>();
        for (Result r : results) {
            for (Account a : r.accounts) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("api/v1/challenges/" + a.id))
                        .timeout(REQUEST_TIMEOUT).header("Authorization", adminToken).GET().build(), HttpResponse.BodyHandlers.ofString());
                checked++;
                if (response.statusCode() != 200) {
                    problems.add(a.id + ": GET answered " + response.statusCode());
                    continue;
                }
                JsonObject c = BenchSupport.json(response.body());
                long seq = c.getJsonNumber("seq").longValue();
                if (seq != a.accepted || !"ACTIVE".equals(c.getString("status"))) {
                    problems.add(a.id + ": status " + c.getString("status") + ", seq " + seq + ", expected ACTIVE and "
                            + a.accepted);
                }
            }
        }
        System.out.printf("Check:   %d challenges read back: %s%n", checked, problems.isEmpty()
                ? "all ACTIVE, each holding exactly the events answered 200" : problems.size() + " differ");
        problems.stream().limit(10).forEach(p -> System.out.println("         " + p));
    }

    private static void printErrors(Result r) {
        if (r.errors() == 0) {
            return;
        }
        System.out.printf("Errors in %s, %d clients: %s%n", r.shape, r.clients, new TreeMap<>(r.statuses));
        r.samples.forEach(s -> System.out.println("         " + s));
    }

    // ---- the node --------------------------------------------------------------------------------------

    private static String postgresVersion(TestServices.Database db) {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW server_version")) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            return "version unknown";
        }
    }

    // ---- load ------------------------------------------------------------------------------------------

    /**
     * One client's challenge and the trading it reports: equity ticks around a balance that stays near
     * 100,000 (well inside the 5% daily and 10% total loss limits, far from the 10% target), a trade
     * opened every 25 events and closed 10 events later. {@code at} rises by 50 ms an event.
     */
    private static final class Account {

        final String id;
        final Random random;
        long accepted;
        private long seq;
        private long balanceCents = 10_000_000;
        private String openTrade;
        private long openedAt;
        // State before the request in flight, to go back to if the node refuses it.
        private long savedBalance;
        private String savedTrade;
        private long savedOpenedAt;

        Account(String id, Random random) {
            this.id = id;
            this.random = random;
        }

        String next(int size) {
            savedBalance = balanceCents;
            savedTrade = openTrade;
            savedOpenedAt = openedAt;
            StringBuilder json = new StringBuilder(size * 90);
            if (size > 1) {
                json.append('[');
            }
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    json.append(',');
                }
                event(json);
            }
            if (size > 1) {
                json.append(']');
            }
            return json.toString();
        }

        void accepted(int size) {
            accepted += size;
        }

        /** Nothing of a refused request was applied: back to the node's state; `at` keeps rising all the same. */
        void rejected() {
            balanceCents = savedBalance;
            openTrade = savedTrade;
            openedAt = savedOpenedAt;
        }

        private void event(StringBuilder json) {
            long n = ++seq;
            String at = FIRST_EVENT.plusMillis(n * STEP_MILLIS).toString();
            if (openTrade == null && n % 25 == 0) {
                openTrade = "t-" + n;
                openedAt = n;
                json.append("{\"type\":\"TRADE_OPENED\",\"id\":\"").append(openTrade).append("\",\"at\":\"").append(at)
                        .append("\",\"symbol\":\"EURUSD\",\"side\":\"").append(random.nextBoolean() ? "BUY" : "SELL")
                        .append("\",\"volume\":1.0,\"price\":1.085}");
            } else if (openTrade != null && n - openedAt >= 10) {
                long profit = random.nextInt(30_001) - 15_000 - (balanceCents - 10_000_000) / 4;
                balanceCents += profit;
                json.append("{\"type\":\"TRADE_CLOSED\",\"id\":\"").append(openTrade).append("\",\"at\":\"").append(at)
                        .append("\",\"price\":1.0862,\"profit\":").append(money(profit)).append('}');
                openTrade = null;
            } else {
                long floating = openTrade == null ? 0 : random.nextInt(60_001) - 30_000;
                json.append("{\"type\":\"EQUITY\",\"at\":\"").append(at).append("\",\"equity\":")
                        .append(money(balanceCents + floating)).append('}');
            }
        }

        private static String money(long cents) {
            long abs = Math.abs(cents);
            return (cents < 0 ? "-" : "") + abs / 100 + "." + (abs % 100 < 10 ? "0" : "") + abs % 100;
        }
    }

    /** What one run measured. */
    private static final class Result {

        final String shape;
        final int clients;
        final List<Account> accounts;
        final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        final List<String> samples = new CopyOnWriteArrayList<>();
        long[] latencies = new long[0];
        long requests;
        long events;
        double seconds;
        String lockWaits = "n/a";
        String cpu = "n/a";
        String waiting;

        Result(String shape, int clients, List<Account> accounts) {
            this.shape = shape;
            this.clients = clients;
            this.accounts = accounts;
        }

        void error(int status, String body) {
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            if (samples.size() < MAX_SAMPLES) {
                samples.add((status < 0 ? "no answer" : "HTTP " + status) + ": " + BenchSupport.abbreviate(body, 300));
            }
        }

        int errors() {
            return statuses.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        /** Nearest-rank percentile in milliseconds. */
        double percentile(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p * latencies.length);
            return latencies[Math.min(Math.max(rank - 1, 0), latencies.length - 1)] / 1e6;
        }
    }

    /** CPU used during a run, in cores: this JVM, the node process, and the rest of the machine (Linux). */
    private static final class CpuMeter {

        private final Process node;
        private final long[] machine0;
        private final long self0;
        private final long node0;
        private final long t0 = System.nanoTime();

        CpuMeter(Process node) {
            this.node = node;
            this.machine0 = machineTicks();
            this.self0 = selfNanos();
            this.node0 = nodeNanos(node);
        }

        String summary() {
            long[] machine1 = machineTicks();
            double wall = System.nanoTime() - t0;
            if (machine0 == null || machine1 == null || machine1[1] == machine0[1]) {
                return "n/a";
            }
            int cores = Runtime.getRuntime().availableProcessors();
            double busy = cores * (double) (machine1[0] - machine0[0]) / (machine1[1] - machine0[1]);
            double self = (selfNanos() - self0) / wall;
            long nodeNow = nodeNanos(node);
            double nodeCores = node0 < 0 || nodeNow < 0 ? Double.NaN : (nodeNow - node0) / wall;
            double rest = busy - self - (Double.isNaN(nodeCores) ? 0 : nodeCores);
            return String.format(Locale.ROOT, "%.1f/%s/%.1f", self,
                    Double.isNaN(nodeCores) ? "?" : String.format(Locale.ROOT, "%.1f", nodeCores), Math.max(rest, 0));
        }

        /** Busy and total jiffies of all cores, from the first line of /proc/stat; null elsewhere. */
        private static long[] machineTicks() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < f.length && i <= 8; i++) {
                    total += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                return new long[] {total - idle, total};
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private static long selfNanos() {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getProcessCpuTime();
            }
            return 0;
        }

        private static long nodeNanos(Process node) {
            if (node == null) {
                return -1;
            }
            return node.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        }
    }

    /** Samples how many database backends wait on a lock while a run goes on (only for a node started here). */
    private static final class LockSampler implements AutoCloseable {

        private final Connection connection;
        private final Thread thread;
        private volatile boolean running = true;
        private int maxWaiting;
        private long samplesWithWaits;
        private long samples;
        private final Map<String, Integer> queries = new ConcurrentHashMap<>();

        private LockSampler(Connection connection) {
            this.connection = connection;
            this.thread = new Thread(this::loop, "bench-lock-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        static LockSampler start(TestServices.Database db) {
            if (db == null) {
                return null;
            }
            try {
                return new LockSampler(db.connect());
            } catch (SQLException e) {
                System.out.println("  (no lock sampling: " + e.getMessage() + ")");
                return null;
            }
        }

        private void loop() {
            String sql = "SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 70) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'";
            try (Statement s = connection.createStatement()) {
                while (running) {
                    try (ResultSet r = s.executeQuery(sql)) {
                        int waiting = 0;
                        while (r.next()) {
                            waiting++;
                            queries.merge(r.getString(1), 1, Integer::sum);
                        }
                        synchronized (this) {
                            samples++;
                            if (waiting > 0) {
                                samplesWithWaits++;
                            }
                            maxWaiting = Math.max(maxWaiting, waiting);
                        }
                    }
                    Thread.sleep(100);
                }
            } catch (SQLException | InterruptedException e) {
                // the run is over, or the sampler is: the summary says what was seen
            }
        }

        synchronized String summary() {
            return maxWaiting + " (" + samplesWithWaits + "/" + samples + ")";
        }

        /** The statements seen waiting on a lock, most often first. */
        String waitingQueries() {
            return queries.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(3).map(e -> e.getValue() + "x " + e.getKey()).toList().toString();
        }

        @Override
        public void close() {
            running = false;
            try {
                thread.join(2_000);
                connection.close();
            } catch (InterruptedException | SQLException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
