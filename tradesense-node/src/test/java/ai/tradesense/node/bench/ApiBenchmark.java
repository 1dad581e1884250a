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
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.JsonObject;

import ai.tradesense.node.Launcher.RunningNode;
import ai.tradesense.node.NodeOptions;
import ai.tradesense.node.WorkerSupport;
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
 * be 200; anything else is counted and shown, never dropped. The challenges start a few minutes ago and
 * their events, from the bridge simulator's generator, stay near now ({@link TradedChallenge}), with the
 * node's worker running, so no rule of time (inactivity, daily boundaries) fails them mid-run; at the end
 * every challenge must be ACTIVE at the seq its last answer gave (one the generator breaches, with
 * {@code bench.breachShare} above 0, may be FAILED instead).
 *
 * <p>Beside each run, in the same process and against the same PostgreSQL, {@link DatabaseLimit}
 * measures the database's own limit for the same write shape at the same clients, and each figure is
 * printed as a ratio to it. Then a phase of equity ticks only measures the node's storage per 1,000
 * ticks, and the bridge phase ({@link BridgePhase}) the many-challenge endpoint with WebSocket latency.
 *
 * <p>System properties (all in {@code docs/benchmarks.md}): {@code bench.url} (use a running node
 * instead of starting one), {@code bench.seconds} (per run, default 20), {@code bench.clients}
 * (default 1,8,32), {@code bench.batch} (events per batch request, default 100), {@code bench.warmup}
 * (request budget of each warm-up round's single events, default 3000; rounds go on until the node's JIT
 * settles: {@code bench.warmup.seconds}, {@code bench.warmup.settled}), {@code bench.maxRequests} (request budget of a
 * single-event run, default 200000; a batch run gets a tenth), {@code bench.plan} (default
 * two-step-100k), {@code bench.root} (the project folder), {@code bench.database} (the fresh database of
 * a node started here, default tradesense_api_bench), {@code bench.limit} (false skips the database
 * limit), {@code bench.limit.seconds} (default bench.seconds), {@code bench.ticks} (equity ticks of the
 * storage phase, default 20000), {@code bench.bridge} (false skips the bridge phase),
 * {@code bench.bridge.seconds} (default 60), {@code bench.bridge.accounts} (default 1000),
 * {@code bench.bridge.events} (events a request, default 1000), {@code bench.bridge.threads} (default 4),
 * {@code bench.bridge.watch} (challenges with a WebSocket subscriber, default 10),
 * {@code bench.startMinutesAgo} (when the challenges start, default 10), {@code bench.breachShare} (the share
 * of each run's accounts the generator trades into a breach, default 0).
 */
public final class ApiBenchmark {

    private static final String ONE = "single";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final String DATABASE = System.getProperty("bench.database", "tradesense_api_bench");
    private static final Duration STEP = Duration.ofMillis(5);
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
        TestServices.Database db;
        long started = System.nanoTime();
        URI base;
        if (url == null || url.isBlank()) {
            // A database of its own: the shared test database takes other builds' writes, which would
            // show in the lock samples and the table sizes.
            db = WorkerSupport.freshDatabase(DATABASE);
            String redis = TestServices.redis();
            node = BenchSupport.startNode(BenchSupport.root(), db, redis, "node",
                    o -> o.withSetting("tradesense.ratelimit.bridge-per-minute", "100000000"));
            RunningNode toStop = node;
            Runtime.getRuntime().addShutdownHook(new Thread(toStop::stop, "bench-node-stop"));
            node.awaitReady(Duration.ofSeconds(Long.getLong("bench.boot.seconds", 180)));
            base = node.baseUri();
            System.out.printf("Node:    started here in %.1f s, production mode, API and worker: %s (PostgreSQL %s), %s;"
                    + " pid %d; log %s%n", (System.nanoTime() - started) / 1e9, db.url(), postgresVersion(db), redis,
                    node.process().pid(), node.logFile());
            System.out.printf("         node JVM options %s%n", NodeOptions.THROUGHPUT_JVM_OPTIONS);
        } else {
            db = TestServices.postgres();
            base = URI.create(url.endsWith("/") ? url : url + "/");
            System.out.printf("Node:    %s (given by bench.url; its mode and database are its own; the database"
                    + " limit is measured on %s)%n", base, db.url());
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
            bench.run(db, url == null || url.isBlank(), levels, Duration.ofSeconds(seconds), batch, warmup, maxRequests);
        } finally {
            if (node != null) {
                node.stop();
                BenchSupport.reportLog(node.logFile());
                System.out.println("Node stopped.");
            }
        }
        System.out.printf("Total time %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    private void run(TestServices.Database db, boolean ours, int[] levels, Duration perRun, int batch, int warmup,
                     long maxRequests) throws Exception {
        long t0 = System.nanoTime();
        List<TradedChallenge> everyChallenge = new ArrayList<>();
        warmUp(warmup, batch, t0, everyChallenge);

        boolean limitOn = Boolean.parseBoolean(System.getProperty("bench.limit", "true"));
        Duration limitRun = Duration.ofSeconds(Integer.getInteger("bench.limit.seconds", (int) perRun.toSeconds()));
        DatabaseLimit limit = limitOn ? DatabaseLimit.create(db) : null;
        List<Result> results = new ArrayList<>();
        try {
            for (int size : new int[] {1, batch}) {
                for (int clients : levels) {
                    long budget = size == 1 ? maxRequests : Math.max(maxRequests / 10, 1);
                    String shape = size == 1 ? ONE : "batch " + size;
                    DatabaseLimit.Run reference = null;
                    if (limit != null) {
                        reference = limit.run(clients, size, limitRun);
                        System.out.printf(Locale.ROOT, "  limit %2d clients, %-9s: %,d transactions in %.1f s, %,.0f events/s%s%n",
                                clients, shape, reference.transactions(), reference.seconds(), reference.eventsPerSecond(),
                                reference.error() == null ? "" : ", FAILED: " + reference.error());
                    }
                    CpuMeter cpu = new CpuMeter(node);
                    long cpu0 = NodeCpu.nanos(node);
                    try (LockSampler sampler = ours ? LockSampler.start(db) : null) {
                        Result result = load(shape, clients, size, perRun, budget, sampler);
                        result.cpu = cpu.summary();
                        result.cpuPerEvent = NodeCpu.microsPerEvent(cpu0, NodeCpu.nanos(node), result.events);
                        result.limit = reference;
                        if (sampler != null && !sampler.queries.isEmpty()) {
                            result.waiting = sampler.waitingQueries();
                        }
                        results.add(result);
                        everyChallenge.addAll(result.challenges);
                    }
                }
            }
        } finally {
            if (limit != null) {
                limit.close();
            }
        }

        System.out.println();
        System.out.printf("Per run: at most %d s or the request budget, whichever first;"
                + " each client owns one fresh challenge (plan %s).%n", perRun.toSeconds(), plan);
        System.out.println("Latency: client-side, from send to the full answer read, over every request"
                + " of the run (errors included).");
        System.out.println();
        String header = String.format("| %7s | %-9s | %8s | %9s | %9s | %9s | %6s | %8s | %8s | %8s | %6s | %8s | %12s | %-14s |",
                "clients", "shape", "requests", "events", "events/s", "limit/s", "ratio", "p50 ms", "p99 ms", "max ms",
                "errors", "cpu µs/ev", "lock waits", "cpu b/n/rest");
        System.out.println(header);
        System.out.println(header.replaceAll("[^|]", "-"));
        for (Result r : results) {
            double perSecond = r.events / r.seconds;
            String limitRate = r.limit == null ? "n/a" : String.format(Locale.ROOT, "%,.0f", r.limit.eventsPerSecond());
            String ratio = r.limit == null ? "n/a" : String.format(Locale.ROOT, "%.2f", perSecond / r.limit.eventsPerSecond());
            System.out.printf(Locale.ROOT, "| %7d | %-9s | %,8d | %,9d | %,9.0f | %9s | %6s | %8.1f | %8.1f | %8.1f | %6d | %8s | %12s | %-14s |%n",
                    r.clients, r.shape, r.requests, r.events, perSecond, limitRate, ratio,
                    r.percentile(0.50), r.percentile(0.99), r.percentile(1.0), r.errors(),
                    Double.isNaN(r.cpuPerEvent) ? "n/a" : String.format(Locale.ROOT, "%.0f", r.cpuPerEvent),
                    r.lockWaits, r.cpu);
        }
        System.out.println();
        System.out.println("events = events in answers of 200; limit/s = the database's own limit for the same write"
                + " shape at the same clients (JDBC, scratch schema " + DatabaseLimit.SCHEMA + ", measured just before);"
                + " ratio = ours / limit.");
        if (limit != null) {
            System.out.println("limit transactions: p50/p99 ms " + results.stream().map(r -> String.format(Locale.ROOT,
                    "%s@%d %.1f/%.1f", r.shape, r.clients, r.limit.percentile(0.5), r.limit.percentile(0.99))).toList());
        }
        System.out.println("cpu µs/ev = node CPU (user + system, /proc/<pid>/stat) during the run per event answered;"
                + " lock waits = most backends seen waiting on a lock (pg_stat_activity, every 100 ms; n/a with bench.url).");
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

        System.out.println();
        everyChallenge.addAll(storage(db, ours));

        if (Boolean.parseBoolean(System.getProperty("bench.bridge", "true"))) {
            everyChallenge.addAll(bridge());
        }
        System.out.println();
        verify(everyChallenge);
    }

    /**
     * Rows and bytes the node stores per 1,000 equity ticks: challenges with one open trade each get
     * only EQUITY ticks (the floating profit walking), 100 a request; the event and audit tables' total
     * size (pg_total_relation_size, indexes and TOAST included) and those challenges' rows are read
     * before and after. Only for a node started here, on its own database.
     */
    private List<TradedChallenge> storage(TestServices.Database db, boolean ours) throws Exception {
        int ticks = Integer.getInteger("bench.ticks", 20_000);
        if (!ours || ticks <= 0) {
            System.out.println("Storage: skipped (" + (ours ? "bench.ticks=0" : "bench.url: not our database") + ")");
            return List.of();
        }
        int challenges = 10;
        // Equity ticks only, on calm accounts: the figures are of a live account's storage.
        List<TradedChallenge> tickers = newChallenges(challenges, 0);
        for (TradedChallenge ticker : tickers) {
            HttpResponse<String> opened = postEvents(ticker, ticker.open().event());
            if (opened.statusCode() != 200) {
                throw new IllegalStateException("opening the storage phase's trade answered " + opened.statusCode()
                        + ": " + opened.body());
            }
            ticker.answered(seqOf(opened.body()), 1);
        }
        List<String> ids = tickers.stream().map(TradedChallenge::id).toList();
        long[] before = footprint(db, ids);
        long cpu0 = NodeCpu.nanos(node);
        long t0 = System.nanoTime();
        int errors = 0;
        String firstError = null;
        int perChallenge = Math.max(ticks / challenges, 100);
        for (int sent = 0; sent < perChallenge; sent += 100) {
            for (TradedChallenge ticker : tickers) {
                ticker.mark();
                StringBuilder body = new StringBuilder("[");
                for (int k = 0; k < 100; k++) {
                    body.append(k == 0 ? "" : ",").append(ticker.tick().event());
                }
                HttpResponse<String> answer = postEvents(ticker, body.append(']').toString());
                if (answer.statusCode() == 200) {
                    ticker.answered(seqOf(answer.body()), 100);
                } else {
                    ticker.rollback();
                    errors++;
                    firstError = firstError == null ? answer.statusCode() + ": " + BenchSupport.abbreviate(answer.body(), 300)
                            : firstError;
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] after = footprint(db, ids);
        long applied = tickers.stream().mapToLong(TradedChallenge::eventsApplied).sum() - challenges;
        double cpu = NodeCpu.microsPerEvent(cpu0, NodeCpu.nanos(node), applied);
        double per = 1_000.0 / Math.max(applied, 1);
        System.out.printf(Locale.ROOT, "Storage: %,d equity ticks (%d challenges with a trade open, 100 a request) in %.1f s,"
                + " %d errors%s; node CPU %s per tick%n", applied, challenges, seconds, errors,
                firstError == null ? "" : " (first: " + firstError + ")",
                Double.isNaN(cpu) ? "n/a" : String.format(Locale.ROOT, "%.0f µs", cpu));
        System.out.printf(Locale.ROOT, "         per 1,000 ticks: %.0f challenge_event rows, %.0f audit_entry rows,"
                + " %,.0f bytes in challenge_event + audit_entry (%,.0f + %,.0f; tables with indexes and TOAST)%n",
                (after[0] - before[0]) * per, (after[1] - before[1]) * per,
                ((after[2] - before[2]) + (after[3] - before[3])) * per, (after[2] - before[2]) * per,
                (after[3] - before[3]) * per);
        System.out.println("         (an uncompacted log stores 1,000 event rows and 1,000 audit rows per 1,000 ticks;"
                + " sizes grow by whole 8 KiB pages, the worker writes beside us)");
        return tickers;
    }

    /** Event rows and audit rows of the challenges, and the two tables' total bytes. */
    private static long[] footprint(TestServices.Database db, List<String> ids) throws SQLException {
        try (Connection c = db.connect()) {
            long[] f = new long[4];
            try (var s = c.prepareStatement("SELECT (SELECT count(*) FROM challenge_event WHERE challenge_id = ANY (?)),"
                    + " (SELECT count(*) FROM audit_entry WHERE challenge_id = ANY (?)),"
                    + " pg_total_relation_size('challenge_event'), pg_total_relation_size('audit_entry')")) {
                var array = c.createArrayOf("varchar", ids.toArray());
                s.setArray(1, array);
                s.setArray(2, array);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    for (int i = 0; i < 4; i++) {
                        f[i] = r.getLong(i + 1);
                    }
                }
            }
            return f;
        }
    }

    private List<TradedChallenge> bridge() throws Exception {
        int seconds = Integer.getInteger("bench.bridge.seconds", 60);
        int accounts = Integer.getInteger("bench.bridge.accounts", 1_000);
        int perRequest = Integer.getInteger("bench.bridge.events", 1_000);
        int threads = Integer.getInteger("bench.bridge.threads", 4);
        int watch = Integer.getInteger("bench.bridge.watch", 10);
        BridgePhase phase = new BridgePhase(http, base, platformKey, adminToken.substring("Bearer ".length()),
                this::startChallenge);
        int probe = phase.probe();
        if (probe == 404 || probe == 405) {
            System.out.printf("Bridge:  skipped: the node answers %d to POST /api/v1/events (no bridge endpoint in"
                    + " this build)%n", probe);
            return List.of();
        }
        if (probe != 422) {
            System.out.printf("Bridge:  note: an empty POST /api/v1/events answered %d (the contract says 422)%n", probe);
        }
        BridgePhase.Result result = phase.run(accounts, threads, perRequest, watch, Duration.ofSeconds(seconds), node);
        BridgePhase.print(result, accounts, threads, perRequest);
        return result.challenges;
    }

    /** One bounded run: {@code clients} threads, each on its own new challenge, {@code size} events a request. */
    /**
     * Warm-up until the node's JIT has settled: rounds of single events then batches from 8 clients, until
     * a round in which the node's compiler threads used at most {@code bench.warmup.settled} (0.05) of a
     * core, or {@code bench.warmup.seconds} (300) in all. A freshly started node spends minutes compiling
     * (with the C2 compiler busy most of a core, a run measures the compiler, not the request path); a
     * node in production runs for days. A node given by {@code bench.url} gets one round of 45 + 20 s.
     */
    private void warmUp(int budget, int batch, long t0, List<TradedChallenge> everyChallenge) throws Exception {
        int seconds = Integer.getInteger("bench.warmup.seconds", 300);
        double settled = Double.parseDouble(System.getProperty("bench.warmup.settled", "0.05"));
        boolean measured = NodeCpu.compilerNanos(node) >= 0;
        long singles = 0;
        long batches = 0;
        long errors = 0;
        int rounds = 0;
        double share = Double.NaN;
        List<String> shares = new ArrayList<>();
        do {
            long compiled0 = NodeCpu.compilerNanos(node);
            long wall0 = System.nanoTime();
            Result warm = load("warm-up", 8, 1, Duration.ofSeconds(measured ? 10 : 45), budget, null);
            Result warmBatch = load("warm-up", 8, batch, Duration.ofSeconds(measured ? 5 : 20),
                    Math.max(budget / 20, 16), null);
            share = (NodeCpu.compilerNanos(node) - compiled0) / (double) (System.nanoTime() - wall0);
            shares.add(String.format(Locale.ROOT, "%.2f", share));
            rounds++;
            singles += warm.requests;
            batches += warmBatch.requests;
            errors += warm.errors() + warmBatch.errors();
            printErrors(warm);
            printErrors(warmBatch);
            everyChallenge.addAll(warm.challenges);
            everyChallenge.addAll(warmBatch.challenges);
        } while (measured && share > settled && System.nanoTime() - t0 < seconds * 1_000_000_000L);
        System.out.printf("Warm-up: %,d single-event and %,d %d-event requests in %.1f s, %d errors%n",
                singles, batches, batch, (System.nanoTime() - t0) / 1e9, errors);
        if (measured) {
            System.out.printf(Locale.ROOT, "         JIT compiler threads, cores busy per round: %s (%s: settled at %.2f)%n",
                    String.join(" ", shares), share <= settled ? "settled" : "NOT settled after " + seconds + " s",
                    settled);
        }
    }

    private Result load(String shape, int clients, int size, Duration limit, long budget, LockSampler sampler)
            throws Exception {
        List<TradedChallenge> challenges = newChallenges(clients, TradedChallenge.BREACH_SHARE);
        Result result = new Result(shape, clients, challenges);
        AtomicLong remaining = new AtomicLong(budget);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            TradedChallenge challenge = challenges.get(c);
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
                    challenge.mark();
                    StringBuilder body = new StringBuilder(size * 90);
                    for (int i = 0; i < size; i++) {
                        body.append(i == 0 ? (size > 1 ? "[" : "") : ",").append(challenge.next().event());
                    }
                    if (size > 1) {
                        body.append(']');
                    }
                    long t = System.nanoTime();
                    int status;
                    String answer;
                    try {
                        HttpResponse<String> response = postEvents(challenge, body.toString());
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
                        challenge.answered(seqOf(answer), size);
                    } else {
                        // A refused request applies nothing: go on from the events the node has.
                        challenge.rollback();
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
        result.latencies = Percentiles.merge(latencies, counts);
        result.requests = result.latencies.length;
        result.events = challenges.stream().mapToLong(TradedChallenge::eventsApplied).sum();
        if (!shape.startsWith("warm")) {
            System.out.printf(Locale.ROOT, "  ran   %2d clients, %-9s: %,d requests in %.1f s, %d errors%n",
                    clients, shape, result.requests, result.seconds, result.errors());
        }
        return result;
    }

    /** New challenges started now, traded by one generator of the simulator, events {@link #STEP} apart. */
    private List<TradedChallenge> newChallenges(int count, double breachShare) throws IOException, InterruptedException {
        Instant startAt = TradedChallenge.startAt();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(startChallenge(startAt));
        }
        return TradedChallenge.of(ids, startAt, 31L * traders.get(), STEP, breachShare);
    }

    private HttpResponse<String> postEvents(TradedChallenge challenge, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve("api/v1/challenges/" + challenge.id() + "/events"))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json").header("X-API-Key", platformKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The challenge's seq in an answer of the per-challenge endpoint. */
    private static long seqOf(String answer) {
        return BenchSupport.json(answer).getJsonObject("challenge").getJsonNumber("seq").longValue();
    }

    private String startChallenge(Instant startAt) throws IOException, InterruptedException {
        String trader = "bench-" + ProcessHandle.current().pid() + "-" + traders.incrementAndGet();
        String body = "{\"planCode\":\"" + plan + "\",\"traderId\":\"" + trader + "\",\"startAt\":\"" + startAt + "\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("api/v1/challenges"))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json").header("Authorization", adminToken)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("starting a challenge answered " + response.statusCode() + ": "
                    + response.body());
        }
        return BenchSupport.json(response.body()).getString("id");
    }

    /**
     * Every challenge of every phase must still be ACTIVE, at the seq its last answer gave; one the
     * generator trades into a breach (bench.breachShare above 0) may be FAILED instead.
     */
    private void verify(List<TradedChallenge> challenges) throws IOException, InterruptedException {
        int checked = 0;
        int breaching = 0;
        long events = 0;
        List<String> problems = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        for (TradedChallenge t : challenges) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("api/v1/challenges/"
                    + t.id())).timeout(REQUEST_TIMEOUT).header("Authorization", adminToken).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            checked++;
            breaching += t.breaches() ? 1 : 0;
            events += t.eventsApplied();
            if (response.statusCode() != 200) {
                problems.add(t.id() + ": GET answered " + response.statusCode());
                continue;
            }
            JsonObject c = BenchSupport.json(response.body());
            long seq = c.getJsonNumber("seq").longValue();
            String status = c.getString("status");
            statuses.merge(status, 1, Integer::sum);
            boolean expected = "ACTIVE".equals(status) || t.breaches() && "FAILED".equals(status);
            if (seq != t.answeredSeq() || !expected) {
                problems.add(t.id() + ": status " + status + ", seq " + seq + ", expected "
                        + (t.breaches() ? "ACTIVE or FAILED" : "ACTIVE") + " and " + t.answeredSeq()
                        + " (" + t.eventsApplied() + " events answered)");
            }
        }
        String verdict = breaching == 0 ? "all ACTIVE, each at the seq its last answer gave"
                : String.format("statuses %s (%d trading into a breach), each at the seq its last answer gave",
                        statuses, breaching);
        System.out.printf("Check:   %d challenges read back (%,d events answered to them): %s%n", checked, events,
                problems.isEmpty() ? verdict : problems.size() + " differ; statuses " + statuses);
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

    /** What one run measured. */
    private static final class Result {

        final String shape;
        final int clients;
        final List<TradedChallenge> challenges;
        final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        final List<String> samples = new CopyOnWriteArrayList<>();
        long[] latencies = new long[0];
        long requests;
        long events;
        double seconds;
        String lockWaits = "n/a";
        String cpu = "n/a";
        String waiting;
        double cpuPerEvent = Double.NaN;
        DatabaseLimit.Run limit;

        Result(String shape, int clients, List<TradedChallenge> challenges) {
            this.shape = shape;
            this.clients = clients;
            this.challenges = challenges;
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
            return Percentiles.millis(latencies, p);
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
