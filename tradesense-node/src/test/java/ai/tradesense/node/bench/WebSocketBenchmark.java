package ai.tradesense.node.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import ai.tradesense.node.Launcher.RunningNode;
import ai.tradesense.node.NodeOptions;
import ai.tradesense.testsupport.Accounts;
import ai.tradesense.testsupport.Http;
import ai.tradesense.testsupport.TestServices;

/**
 * Live updates over WebSocket ({@code /ws/challenges/{id}} and {@code /ws/ops}) on one production-mode
 * node (PostgreSQL + Redis), black box. Not a test: a plain {@code main} that neither surefire nor
 * failsafe picks up. The command is in {@code docs/websocket-benchmark.md}.
 *
 * <ol>
 * <li>Connections: opens sessions as the admin (staff may watch any challenge) to a handful of
 * challenges, {@code ws.step} at a time up to {@code ws.connections}; a session counts once its first
 * STATE has arrived. It stops raising at the first step with a failure and reports what failed.</li>
 * <li>Memory: the node's RSS ({@code VmRSS} of its process), its used heap and the
 * {@code websocket_connections_active} gauge from {@code /metrics}, after every step and after a hold.</li>
 * <li>Latency from a REST call to its message at the subscribers, one call at a time, each waiting until
 * every subscriber has the message. On a challenge's channel: an event post to its EVENT_APPLIED, with one
 * subscriber, then {@code ws.subscribers} subscribers of one challenge. On the ops channel, which carries
 * changes of status only: a RISK user's PAUSE or RESUME to its PAUSED or RESUMED, with one subscriber, then
 * {@code ws.subscribers} subscribers.</li>
 * </ol>
 *
 * <p>System properties: {@code ws.connections} (default 10000), {@code ws.step} (1000),
 * {@code ws.challenges} (challenges the connections spread over, 5), {@code ws.clients} (JDK HttpClient
 * instances, 8), {@code ws.inflight} (handshakes in flight at once, 200), {@code ws.hold} (seconds to hold
 * the connections before re-counting, 15), {@code ws.posts} (measured posts per latency run, 200),
 * {@code ws.subscribers} (1000), {@code bench.url} (use a running node instead of starting one; then
 * RSS is not shown), {@code bench.root}.
 */
public final class WebSocketBenchmark {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STEP_LIMIT = Duration.ofSeconds(90);
    private static final Duration CONNECT_PHASE_LIMIT = Duration.ofSeconds(170);
    private static final Duration POST_WAIT = Duration.ofSeconds(10);
    private static final Duration LATENCY_PHASE_LIMIT = Duration.ofSeconds(75);
    /** Where the challenges of the connection phase and of the challenge-channel runs open. */
    private static final Instant OPENING = Instant.parse("2026-03-02T00:00:00Z");
    private static final Instant FIRST_EVENT = Instant.parse("2026-03-02T07:00:00Z");
    private static final long STEP_MILLIS = 50;

    private final URI base;
    private final Process node;
    private final HttpClient rest = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<HttpClient> wsClients = new ArrayList<>();
    private final Semaphore inflight;
    private final AtomicInteger traders = new AtomicInteger();
    /** "Bearer …" of the admin. */
    private String adminAuthorization;
    private String adminToken;
    private String platformKey;
    /** "Bearer …" and the bare token of a user with the RISK role: the ops channel's subscriber and actor. */
    private String riskAuthorization;
    private String riskToken;

    private WebSocketBenchmark(URI base, Process node, int clients, int inflight) {
        this.base = base;
        this.node = node;
        this.inflight = new Semaphore(inflight);
        for (int i = 0; i < clients; i++) {
            wsClients.add(HttpClient.newBuilder().connectTimeout(HANDSHAKE_TIMEOUT).build());
        }
    }

    public static void main(String[] args) throws Exception {
        int connections = Integer.getInteger("ws.connections", 10_000);
        int step = Integer.getInteger("ws.step", 1_000);
        int challenges = Integer.getInteger("ws.challenges", 5);
        int clients = Integer.getInteger("ws.clients", 8);
        int inflight = Integer.getInteger("ws.inflight", 200);
        int hold = Integer.getInteger("ws.hold", 15);
        int posts = Integer.getInteger("ws.posts", 200);
        int subscribers = Integer.getInteger("ws.subscribers", 1_000);
        String url = System.getProperty("bench.url");

        BenchSupport.printMachine();
        RunningNode running = null;
        long started = System.nanoTime();
        URI base;
        if (url == null || url.isBlank()) {
            TestServices.Database db = TestServices.postgres();
            String redis = TestServices.redis();
            running = BenchSupport.startNode(BenchSupport.root(), db, redis, "ws-node");
            RunningNode toStop = running;
            Runtime.getRuntime().addShutdownHook(new Thread(toStop::stop, "bench-node-stop"));
            running.awaitReady(Duration.ofMinutes(3));
            base = running.baseUri();
            System.out.printf("Node:    started here in %.1f s, production mode: %s, %s; pid %d; log %s%n",
                    (System.nanoTime() - started) / 1e9, db.url(), redis, running.process().pid(), running.logFile());
            System.out.printf("         node JVM options %s; open-files limit of the node process: %s%n",
                    NodeOptions.THROUGHPUT_JVM_OPTIONS, openFilesLimit(running.process().pid()));
        } else {
            base = URI.create(url.endsWith("/") ? url : url + "/");
            System.out.printf("Node:    %s (given by bench.url; RSS not measured)%n", base);
        }
        System.out.printf("Client:  this JVM, %d HttpClient instances for the WebSockets, at most %d handshakes"
                + " in flight; open-files limit %s%n", clients, inflight, openFilesLimit(ProcessHandle.current().pid()));
        System.out.println("Note:    the clients run on the same machine as the node, PostgreSQL and Redis;"
                + " all share its cores.");
        WebSocketBenchmark bench = new WebSocketBenchmark(base, running == null ? null : running.process(), clients,
                inflight);
        try {
            Http api = new Http(base.resolve("api/v1/"));
            Http admin = Accounts.admin(api);
            bench.adminAuthorization = admin.header("Authorization");
            bench.adminToken = bench.adminAuthorization.substring("Bearer ".length());
            bench.platformKey = Accounts.platform(api).header("X-API-Key");
            bench.riskAuthorization = Accounts.withRoles(api, "RISK").http().header("Authorization");
            bench.riskToken = bench.riskAuthorization.substring("Bearer ".length());

            System.out.println();
            bench.connections(connections, step, challenges, hold);
            System.out.println();
            LatencyResult one = bench.latency(1, posts, 50);
            LatencyResult many = bench.latency(subscribers, posts, 20);
            LatencyResult opsOne = bench.opsLatency(1, posts, 50);
            LatencyResult opsMany = bench.opsLatency(subscribers, posts, 20);
            System.out.println();
            printLatency(one, many, opsOne, opsMany);
        } finally {
            if (running != null) {
                running.stop();
                BenchSupport.reportLog(running.logFile());
                System.out.println("Node stopped.");
            }
        }
        System.out.printf("Total time %.0f s%n", (System.nanoTime() - started) / 1e9);
        System.exit(0);
    }

    // ---- 1 and 2: how many connections one node holds, and its memory with them ----------------------

    private void connections(int target, int step, int challengeCount, int holdSeconds) throws Exception {
        List<String> challenges = new ArrayList<>();
        for (int i = 0; i < challengeCount; i++) {
            challenges.add(startChallenge(OPENING));
        }
        System.out.printf("Connections: as the admin, spread over %d challenges, %,d at a time up to %,d;"
                + " a connection counts once its first STATE has arrived.%n", challengeCount, step, target);
        Memory before = memory();
        System.out.printf("  before: node RSS %s, heap used %s, gauge %s, node threads %s%n", mib(before.rss),
                mib(before.heap), gauge(before.gauge), gauge(before.threads));
        String header = String.format("| %8s | %8s | %6s | %7s | %10s | %9s | %9s | %8s | %12s | %13s |",
                "attempts", "held", "failed", "step s", "opens/s", "node RSS", "heap used", "gauge", "node threads",
                "client RSS");
        System.out.println(header);
        System.out.println(header.replaceAll("[^|]", "-"));

        List<Watcher> all = new ArrayList<>();
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        long phaseStart = System.nanoTime();
        String stopped = "reached ws.connections";
        Memory peak = before;
        while (all.size() < target) {
            int n = Math.min(step, target - all.size());
            long t0 = System.nanoTime();
            long deadline = t0 + STEP_LIMIT.toNanos();
            List<Watcher> batch = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int k = all.size() + i;
                batch.add(open("ws/challenges/" + challenges.get(k % challenges.size()), adminToken, true,
                        wsClients.get(k % wsClients.size()), null, 0, deadline));
            }
            all.addAll(batch);
            for (Watcher w : batch) {
                long left = deadline - System.nanoTime();
                try {
                    w.ready.get(Math.max(left, 1), TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    // counted below from the watcher's own record
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            int failedNow = 0;
            int pending = 0;
            for (Watcher w : batch) {
                if (!w.ready.isDone()) {
                    pending++;
                } else if (w.failure != null) {
                    failedNow++;
                    failures.computeIfAbsent(w.failure, f -> new AtomicInteger()).incrementAndGet();
                }
            }
            long held = all.stream().filter(Watcher::open).count();
            peak = memory();
            System.out.printf(Locale.ROOT, "| %,8d | %,8d | %6d | %7.1f | %,10.0f | %9s | %9s | %8s | %12s | %13s |%n",
                    all.size(), held, failedNow + pending, seconds, (n - failedNow - pending) / seconds, mib(peak.rss),
                    mib(peak.heap), gauge(peak.gauge), gauge(peak.threads), mib(rss(ProcessHandle.current().pid())));
            if (failedNow + pending > 0) {
                stopped = "stopped raising: " + failedNow + " failed and " + pending + " without a STATE within "
                        + STEP_LIMIT.toSeconds() + " s in the last step";
                break;
            }
            if (node != null && !node.isAlive()) {
                stopped = "stopped: the node process exited with " + node.exitValue();
                break;
            }
            if (System.nanoTime() - phaseStart > CONNECT_PHASE_LIMIT.toNanos()) {
                stopped = "stopped raising: the phase's time limit (" + CONNECT_PHASE_LIMIT.toSeconds() + " s)";
                break;
            }
        }
        System.out.println("  " + stopped);
        if (!failures.isEmpty()) {
            System.out.println("  failures: " + new TreeMap<>(Map.copyOf(failures)));
        }

        Thread.sleep(holdSeconds * 1000L);
        long stillOpen = all.stream().filter(Watcher::open).count();
        long everHeld = all.stream().filter(w -> w.readyAt > 0).count();
        Memory held = memory();
        long lostLater = all.stream().filter(w -> w.readyAt > 0 && w.closed).count();
        System.out.printf("  after holding %d s: %,d of %,d connections still open (%,d closed after their STATE),"
                + " gauge %s, node RSS %s, heap used %s%n", holdSeconds, stillOpen, everHeld, lostLater,
                gauge(held.gauge), mib(held.rss), mib(held.heap));
        Memory collected = gcAndMeasure();
        if (collected != null) {
            System.out.printf("  after a full GC in the node (jcmd GC.run): node RSS %s, heap used %s%n",
                    mib(collected.rss), mib(collected.heap));
            if (stillOpen > 0 && before.heap > 0 && collected.heap > 0) {
                System.out.printf(Locale.ROOT, "  per connection: about %.1f KiB of live heap, %.1f KiB of RSS"
                        + " (differences to the figures before the first connection)%n",
                        (collected.heap - before.heap) / 1024.0 / stillOpen,
                        (collected.rss - before.rss) / 1024.0 / stillOpen);
            }
        }
        System.out.printf("HELD: %,d concurrent connections on one node (target %,d)%n", stillOpen, target);

        long t0 = System.nanoTime();
        closeAll(all);
        double gaugeAfter = waitForGauge(0, Duration.ofSeconds(30));
        System.out.printf(Locale.ROOT, "  closed them all in %.1f s; gauge now %s%n", (System.nanoTime() - t0) / 1e9,
                gauge(gaugeAfter));
    }

    // ---- 3: latency from a REST call to its message at the subscribers ---------------------------------

    /** One challenge's channel: each sample is one EQUITY event, matched by the seq of its EVENT_APPLIED. */
    private LatencyResult latency(int subscribers, int posts, int warmup) throws Exception {
        String challenge = startChallenge(OPENING);
        int total = warmup + posts;
        Recorder recorder = new Recorder(subscribers, total, null);
        LatencyResult result = new LatencyResult("challenge", subscribers, posts);
        long t0 = System.nanoTime();
        List<Watcher> watchers = subscribe(result, "ws/challenges/" + challenge, adminToken, true, recorder);
        System.out.printf(Locale.ROOT, "Latency with %,d subscriber(s) on one challenge: %,d connected in %.1f s"
                + " (%d failed); %d warm-up posts, then %d measured%n", subscribers, result.connected,
                (System.nanoTime() - t0) / 1e9, subscribers - result.connected, warmup, posts);
        measure(result, recorder, watchers, warmup, seq -> {
            String body = "{\"type\":\"EQUITY\",\"at\":\"" + FIRST_EVENT.plusMillis(seq * STEP_MILLIS)
                    + "\",\"equity\":" + (100_000 + (seq % 7) * 10) + ".00}";
            return HttpRequest.newBuilder(base.resolve("api/v1/challenges/" + challenge + "/events"))
                    .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                    .header("X-API-Key", platformKey).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        });
        return result;
    }

    /**
     * The ops channel, which carries changes of status only, never ticks: each sample is a staff PAUSE or
     * RESUME by the risk user, in turn on one challenge per pair of samples, so a challenge id and a type
     * (PAUSED, RESUMED) name exactly one sample. The challenges are opened now, so that acting now crosses
     * no day boundary and adds no other change of status.
     */
    private LatencyResult opsLatency(int subscribers, int posts, int warmup) throws Exception {
        int total = warmup + posts;
        Map<String, Integer> samples = new HashMap<>();
        List<String> challenges = new ArrayList<>();
        for (int sample = 1; sample <= total; sample++) {
            if (sample % 2 == 1) {
                challenges.add(startChallenge(null));
            }
            samples.put(challenges.get(challenges.size() - 1) + (sample % 2 == 1 ? " PAUSED" : " RESUMED"), sample);
        }
        Recorder recorder = new Recorder(subscribers, total, samples);
        LatencyResult result = new LatencyResult("ops", subscribers, posts);
        long t0 = System.nanoTime();
        List<Watcher> watchers = subscribe(result, "ws/ops", riskToken, false, recorder);
        double seconds = (System.nanoTime() - t0) / 1e9;
        // The client sees the handshake done before the node has registered the session: wait for the gauge.
        double gauge = waitForGauge(result.connected, Duration.ofSeconds(30));
        System.out.printf(Locale.ROOT, "Latency with %,d subscriber(s) on the ops channel: %,d connected in %.1f s"
                + " (%d failed), gauge %s; %d challenges; %d warm-up actions, then %d measured%n", subscribers,
                result.connected, seconds, subscribers - result.connected, gauge(gauge), challenges.size(), warmup,
                posts);
        measure(result, recorder, watchers, warmup, sample -> {
            String body = "{\"action\":\"" + (sample % 2 == 1 ? "PAUSE" : "RESUME")
                    + "\",\"reason\":\"websocket benchmark, sample " + sample + "\"}";
            return HttpRequest.newBuilder(base.resolve("api/v1/challenges/" + challenges.get((sample - 1) / 2)
                    + "/actions")).timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                    .header("Authorization", riskAuthorization).POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        });
        return result;
    }

    /** Opens one latency run's sessions and waits until each is ready; the sessions report to the recorder. */
    private List<Watcher> subscribe(LatencyResult result, String path, String token, boolean stateFirst,
                                    Recorder recorder) throws InterruptedException {
        long deadline = System.nanoTime() + STEP_LIMIT.toNanos();
        List<Watcher> watchers = new ArrayList<>();
        for (int i = 0; i < result.subscribers; i++) {
            watchers.add(open(path, token, stateFirst, wsClients.get(i % wsClients.size()), recorder, i, deadline));
        }
        int failed = 0;
        for (Watcher w : watchers) {
            try {
                w.ready.get(STEP_LIMIT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                failed++;
            }
        }
        result.connected = result.subscribers - failed;
        return watchers;
    }

    /**
     * Sends the samples one at a time, each waiting (at most {@link #POST_WAIT}) until every subscriber has
     * its message, then reports the measured ones and closes the sessions.
     */
    private void measure(LatencyResult result, Recorder recorder, List<Watcher> watchers, int warmup,
                         IntFunction<HttpRequest> requestFor) throws Exception {
        int total = warmup + result.posts;
        long phaseStart = System.nanoTime();
        long[] answers = new long[total + 1];
        int done = 0;
        for (int sample = 1; sample <= total; sample++) {
            if (System.nanoTime() - phaseStart > LATENCY_PHASE_LIMIT.toNanos()) {
                System.out.printf("  stopped after %d posts: the phase's time limit (%d s)%n", sample - 1,
                        LATENCY_PHASE_LIMIT.toSeconds());
                break;
            }
            HttpRequest request = requestFor.apply(sample);
            long sent = System.nanoTime();
            recorder.sent[sample] = sent;
            HttpResponse<String> response = rest.send(request, HttpResponse.BodyHandlers.ofString());
            answers[sample] = System.nanoTime() - sent;
            if (response.statusCode() != 200) {
                result.errors++;
                if (result.errorSample == null) {
                    result.errorSample = "HTTP " + response.statusCode() + ": " + BenchSupport.abbreviate(response.body(), 200);
                }
                break; // the samples would no longer line up: seq numbers, or pause and resume in turn
            }
            if (!recorder.arrived[sample].await(POST_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                result.timeouts++;
            }
            done = sample;
            Thread.sleep(5);
        }
        // Every receipt of every measured sample: time from just before the REST call to the subscriber's onText.
        List<Long> receipts = new ArrayList<>();
        List<Long> last = new ArrayList<>();
        List<Long> answer = new ArrayList<>();
        for (int sample = warmup + 1; sample <= done; sample++) {
            long slowest = -1;
            for (int s = 0; s < result.subscribers; s++) {
                long at = recorder.received[s][sample];
                if (at == 0) {
                    result.missing++;
                    continue;
                }
                long nanos = at - recorder.sent[sample];
                receipts.add(nanos);
                slowest = Math.max(slowest, nanos);
            }
            if (slowest >= 0) {
                last.add(slowest);
            }
            answer.add(answers[sample]);
        }
        result.measured = Math.max(done - warmup, 0);
        result.receipts = sorted(receipts);
        result.last = sorted(last);
        result.answers = sorted(answer);
        result.closedEarly = watchers.stream().filter(w -> w.readyAt > 0 && w.closed).count();
        System.out.printf(Locale.ROOT, "  %d posts measured: receipts p50 %.1f ms, p99 %.1f ms; last subscriber"
                + " p50 %.1f ms, p99 %.1f ms; POST answer p50 %.1f ms; %d errors, %d posts not seen by all within"
                + " %d s, %d sessions closed during the run%n", result.measured, pct(result.receipts, 0.5),
                pct(result.receipts, 0.99), pct(result.last, 0.5), pct(result.last, 0.99), pct(result.answers, 0.5),
                result.errors, result.timeouts, POST_WAIT.toSeconds(), result.closedEarly);
        if (result.errorSample != null) {
            System.out.println("  error: " + result.errorSample);
        }
        closeAll(watchers);
        waitForGauge(0, Duration.ofSeconds(20));
    }

    private static void printLatency(LatencyResult... results) {
        System.out.println("Latency: from just before the REST call to its message read by each subscriber (JDK"
                + " WebSocket onText); calls one at a time, each waiting until every subscriber has its message.");
        System.out.println("  challenge: POST /api/v1/challenges/{id}/events (platform key, one EQUITY event) to"
                + " EVENT_APPLIED on /ws/challenges/{id}, all subscribers on that one challenge, matched by seq.");
        System.out.println("  ops:       POST /api/v1/challenges/{id}/actions (RISK user, PAUSE and RESUME in turn)"
                + " to PAUSED or RESUMED on /ws/ops, matched by challenge id and type.");
        String header = String.format("| %9s | %11s | %5s | %8s | %13s | %13s | %13s | %14s | %14s | %14s | %7s |",
                "channel", "subscribers", "posts", "receipts", "receipt p50", "receipt p99", "receipt max",
                "last sub p50", "last sub p99", "POST answ p50", "missing");
        System.out.println(header);
        System.out.println(header.replaceAll("[^|]", "-"));
        for (LatencyResult r : results) {
            System.out.printf(Locale.ROOT, "| %9s | %,11d | %5d | %,8d | %10.1f ms | %10.1f ms | %10.1f ms"
                    + " | %11.1f ms | %11.1f ms | %11.1f ms | %7d |%n", r.channel, r.subscribers, r.measured,
                    r.receipts.length, pct(r.receipts, 0.5), pct(r.receipts, 0.99), pct(r.receipts, 1.0),
                    pct(r.last, 0.5), pct(r.last, 0.99), pct(r.answers, 0.5), r.missing);
        }
        System.out.println("last sub = per post, the time until the last of the subscribers had the message;"
                + " POST answ = the REST call's own round trip.");
    }

    /** What one latency run measured; times in nanoseconds, sorted. */
    private static final class LatencyResult {
        final String channel;
        final int subscribers;
        final int posts;
        int connected;
        int measured;
        int errors;
        int timeouts;
        long missing;
        long closedEarly;
        String errorSample;
        long[] receipts = new long[0];
        long[] last = new long[0];
        long[] answers = new long[0];

        LatencyResult(String channel, int subscribers, int posts) {
            this.channel = channel;
            this.subscribers = subscribers;
            this.posts = posts;
        }
    }

    /**
     * Receipt times per subscriber and sample, and one latch per sample. On a challenge's channel a sample
     * is the seq of its EVENT_APPLIED; on the ops channel it is looked up by "challengeId TYPE".
     */
    private static final class Recorder {
        final long[] sent;
        final long[][] received;
        final CountDownLatch[] arrived;
        private final Map<String, Integer> byChallengeAndType;

        Recorder(int subscribers, int samples, Map<String, Integer> byChallengeAndType) {
            sent = new long[samples + 1];
            received = new long[subscribers][samples + 1];
            arrived = new CountDownLatch[samples + 1];
            for (int i = 0; i < arrived.length; i++) {
                arrived[i] = new CountDownLatch(subscribers);
            }
            this.byChallengeAndType = byChallengeAndType == null ? null : Map.copyOf(byChallengeAndType);
        }

        /** The sample a message belongs to; 0 for one that belongs to none (a STATE, another challenge's). */
        long sampleOf(String type, String message) {
            if (byChallengeAndType == null) {
                String seq = "EVENT_APPLIED".equals(type) ? field(message, "\"seq\":", ',') : null;
                return seq == null ? 0 : Long.parseLong(seq.strip());
            }
            return byChallengeAndType.getOrDefault(field(message, "\"challengeId\":\"", '"') + " " + type, 0);
        }

        void received(int subscriber, long sample, long nanos) {
            if (sample > 0 && sample < arrived.length && received[subscriber][(int) sample] == 0) {
                received[subscriber][(int) sample] = nanos;
                arrived[(int) sample].countDown();
            }
        }
    }

    // ---- the WebSocket client ------------------------------------------------------------------------

    /**
     * Opens one session to {@code path} ({@code ws/challenges/{id}} or {@code ws/ops}); at most
     * {@code ws.inflight} handshakes (until the session is ready) at once. If none finishes before
     * {@code deadline} (System.nanoTime), the session is not attempted and counts as failed.
     *
     * @param stateFirst whether the session is ready at its first STATE (a challenge's channel) or as soon
     *                   as it is open (the ops channel, which sends nothing on connect)
     */
    private Watcher open(String path, String token, boolean stateFirst, HttpClient client, Recorder recorder,
                         int index, long deadline) throws InterruptedException {
        Watcher watcher = new Watcher(stateFirst, recorder, index);
        if (!inflight.tryAcquire(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS)) {
            watcher.fail("not attempted: " + inflight.availablePermits() + " free handshake slots at the step's limit"
                    + " (earlier handshakes never finished)");
            return watcher;
        }
        watcher.ready.whenComplete((v, e) -> inflight.release());
        URI uri = URI.create("ws://" + base.getHost() + ":" + base.getPort() + base.getPath() + path
                + "?access_token=" + token);
        client.newWebSocketBuilder().connectTimeout(HANDSHAKE_TIMEOUT).buildAsync(uri, watcher)
                .whenComplete((socket, error) -> {
                    if (error != null) {
                        watcher.fail("connect: " + rootCause(error));
                    } else {
                        watcher.socket = socket;
                    }
                });
        CompletableFuture.delayedExecutor(STEP_LIMIT.toSeconds(), TimeUnit.SECONDS)
                .execute(() -> watcher.fail((stateFirst ? "no STATE" : "not open") + " within "
                        + STEP_LIMIT.toSeconds() + " s"));
        return watcher;
    }

    private static void closeAll(List<Watcher> watchers) {
        for (Watcher w : watchers) {
            WebSocket socket = w.socket;
            if (socket != null && !socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done")
                        .orTimeout(10, TimeUnit.SECONDS).whenComplete((s, e) -> socket.abort());
            }
        }
    }

    /** One client session: when it was ready, whether it is still open, and the receipt times it records. */
    private static final class Watcher implements WebSocket.Listener {
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        final boolean stateFirst;
        final Recorder recorder;
        final int index;
        final StringBuilder partial = new StringBuilder();
        volatile WebSocket socket;
        volatile long readyAt;
        volatile boolean closed;
        volatile String failure;

        Watcher(boolean stateFirst, Recorder recorder, int index) {
            this.stateFirst = stateFirst;
            this.recorder = recorder;
            this.index = index;
        }

        boolean open() {
            return readyAt > 0 && !closed;
        }

        void fail(String why) {
            if (!ready.isDone()) {
                failure = why;
                ready.completeExceptionally(new IllegalStateException(why));
            }
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            if (!stateFirst) {
                readyAt = System.nanoTime();
                ready.complete(null);
            }
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            String message;
            if (partial.length() > 0 || !last) {
                partial.append(data);
                if (!last) {
                    webSocket.request(1);
                    return null;
                }
                message = partial.toString();
                partial.setLength(0);
            } else {
                message = data.toString();
            }
            String type = field(message, "\"type\":\"", '"');
            if (readyAt == 0) {
                if ("STATE".equals(type)) {
                    readyAt = now;
                    ready.complete(null);
                } else {
                    fail("first message was " + type + ", not STATE");
                }
            } else if (recorder != null) {
                recorder.received(index, recorder.sampleOf(type, message), now);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed = true;
            fail("closed by the node before it was ready: " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = true;
            fail("error: " + rootCause(error));
        }
    }

    /** The text after {@code key} up to {@code end}, in a message of the flat shape the node sends; null if absent. */
    private static String field(String json, String key, char end) {
        int i = json.indexOf(key);
        if (i < 0) {
            return null;
        }
        int from = i + key.length();
        int to = json.indexOf(end, from);
        return to < 0 ? null : json.substring(from, to);
    }

    private static String rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + BenchSupport.abbreviate(t.getMessage(), 120));
    }

    // ---- the node: REST, metrics, memory --------------------------------------------------------------

    /** Starts a challenge for a new trader, opening at {@code startAt}, or now if null. */
    private String startChallenge(Instant startAt) throws IOException, InterruptedException {
        String trader = "wsbench-" + ProcessHandle.current().pid() + "-" + traders.incrementAndGet();
        String body = "{\"planCode\":\"two-step-100k\",\"traderId\":\"" + trader + "\""
                + (startAt == null ? "" : ",\"startAt\":\"" + startAt + "\"") + "}";
        HttpResponse<String> response = rest.send(HttpRequest.newBuilder(base.resolve("api/v1/challenges"))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                .header("Authorization", adminAuthorization).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("starting a challenge answered " + response.statusCode() + ": "
                    + response.body());
        }
        return BenchSupport.json(response.body()).getString("id");
    }

    /** RSS of the node, its used heap and the live-sessions gauge; -1 where not known. */
    private record Memory(long rss, long heap, double gauge, double threads) { }

    private Memory memory() {
        Map<String, Double> metrics = metrics();
        return new Memory(node == null ? -1 : rss(node.pid()),
                metrics.getOrDefault("memory_usedHeap_bytes", -1.0).longValue(),
                metrics.getOrDefault("websocket_connections_active", -1.0),
                metrics.getOrDefault("thread_count", -1.0));
    }

    /** Forces a full GC in the node with jcmd (same JDK as this JVM) and measures again; null if it cannot. */
    private Memory gcAndMeasure() {
        if (node == null) {
            return null;
        }
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(node.pid()), "GC.run").redirectErrorStream(true).start();
            jcmd.getInputStream().readAllBytes();
            if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                return null;
            }
            return memory();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The first value of each metric in {@code /metrics} (Prometheus text), by name without labels. */
    private Map<String, Double> metrics() {
        Map<String, Double> values = new TreeMap<>();
        try {
            HttpResponse<String> response = rest.send(HttpRequest.newBuilder(base.resolve("metrics"))
                    .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            response.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(l -> {
                int brace = l.indexOf('{');
                int space = l.lastIndexOf(' ');
                String name = l.substring(0, brace >= 0 && brace < space ? brace : l.indexOf(' '));
                try {
                    values.putIfAbsent(name, Double.parseDouble(l.substring(space + 1)));
                } catch (NumberFormatException e) {
                    // not a plain sample
                }
            });
        } catch (IOException | RuntimeException e) {
            // shown as n/a
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return values;
    }

    private double waitForGauge(double value, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        double now = -1;
        while (System.nanoTime() < deadline) {
            now = metrics().getOrDefault("websocket_connections_active", -1.0);
            if (now == value) {
                return now;
            }
            Thread.sleep(250);
        }
        return now;
    }

    /** VmRSS of a process in bytes (Linux), -1 if unknown. */
    private static long rss(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/" + pid + "/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** "soft/hard" open-files limit of a process, from /proc/<pid>/limits (Linux). */
    private static String openFilesLimit(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/" + pid + "/limits"))) {
            return lines.filter(l -> l.startsWith("Max open files")).findFirst().map(l -> {
                String[] f = l.substring("Max open files".length()).trim().split("\\s+");
                return f[0] + "/" + f[1];
            }).orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,d MiB", bytes >> 20);
    }

    private static String gauge(double value) {
        return value < 0 ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static long[] sorted(List<Long> values) {
        long[] a = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a;
    }

    /** Nearest-rank percentile in milliseconds. */
    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.min(Math.max(rank - 1, 0), sorted.length - 1)] / 1e6;
    }
}
