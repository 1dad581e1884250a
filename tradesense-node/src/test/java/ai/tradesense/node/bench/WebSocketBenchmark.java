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
import java.util.stream.Stream;

import ai.tradesense.node.Launcher.RunningNode;
import ai.tradesense.node.NodeOptions;
import ai.tradesense.testsupport.Accounts;
import ai.tradesense.testsupport.Http;
import ai.tradesense.testsupport.TestServices;

/**
 * Live updates over WebSocket ({@code /ws/challenges/{id}}) on one production-mode node (PostgreSQL +
 * Redis), black box. Not a test: a plain {@code main} that neither surefire nor failsafe picks up. The
 * command is in {@code docs/websocket-benchmark.md}.
 *
 * <ol>
 * <li>Connections: opens sessions as the admin (staff may watch any challenge) to a handful of
 * challenges, {@code ws.step} at a time up to {@code ws.connections}; a session counts once its first
 * STATE has arrived. It stops raising at the first step with a failure and reports what failed.</li>
 * <li>Memory: the node's RSS ({@code VmRSS} of its process), its used heap and the
 * {@code websocket_connections_active} gauge from {@code /metrics}, after every step and after a hold.</li>
 * <li>Latency from a REST event post to EVENT_APPLIED at the subscribers: one subscriber on a challenge,
 * then {@code ws.subscribers} subscribers on one challenge; posts one at a time, each waiting until every
 * subscriber has the event.</li>
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
                    NodeOptions.DEFAULT_JVM_OPTIONS, openFilesLimit(running.process().pid()));
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

            System.out.println();
            bench.connections(connections, step, challenges, hold);
            System.out.println();
            LatencyResult one = bench.latency(1, posts, 50);
            LatencyResult many = bench.latency(subscribers, posts, 20);
            System.out.println();
            printLatency(one, many);
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
            challenges.add(startChallenge());
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
                batch.add(open(challenges.get(k % challenges.size()), wsClients.get(k % wsClients.size()), null, 0,
                        deadline));
            }
            all.addAll(batch);
            for (Watcher w : batch) {
                long left = deadline - System.nanoTime();
                try {
                    w.firstState.get(Math.max(left, 1), TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    // counted below from the watcher's own record
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            int failedNow = 0;
            int pending = 0;
            for (Watcher w : batch) {
                if (!w.firstState.isDone()) {
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
        long everHeld = all.stream().filter(w -> w.stateAt > 0).count();
        Memory held = memory();
        long lostLater = all.stream().filter(w -> w.stateAt > 0 && w.closed).count();
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

    // ---- 3: latency from a REST post to EVENT_APPLIED at the subscribers --------------------------------

    private LatencyResult latency(int subscribers, int posts, int warmup) throws Exception {
        String challenge = startChallenge();
        int total = warmup + posts;
        Recorder recorder = new Recorder(subscribers, total);
        long t0 = System.nanoTime();
        List<Watcher> watchers = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            watchers.add(open(challenge, wsClients.get(i % wsClients.size()), recorder, i,
                    t0 + STEP_LIMIT.toNanos()));
        }
        int failed = 0;
        for (Watcher w : watchers) {
            try {
                w.firstState.get(STEP_LIMIT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                failed++;
            }
        }
        LatencyResult result = new LatencyResult(subscribers, posts);
        result.connected = subscribers - failed;
        System.out.printf(Locale.ROOT, "Latency with %,d subscriber(s) on one challenge: %,d connected in %.1f s"
                + " (%d failed); %d warm-up posts, then %d measured%n", subscribers, result.connected,
                (System.nanoTime() - t0) / 1e9, failed, warmup, posts);
        long phaseStart = System.nanoTime();
        long[] answers = new long[total + 1];
        int done = 0;
        for (int seq = 1; seq <= total; seq++) {
            if (System.nanoTime() - phaseStart > LATENCY_PHASE_LIMIT.toNanos()) {
                System.out.printf("  stopped after %d posts: the phase's time limit (%d s)%n", seq - 1,
                        LATENCY_PHASE_LIMIT.toSeconds());
                break;
            }
            String body = "{\"type\":\"EQUITY\",\"at\":\"" + FIRST_EVENT.plusMillis(seq * STEP_MILLIS)
                    + "\",\"equity\":" + (100_000 + (seq % 7) * 10) + ".00}";
            HttpRequest request = HttpRequest.newBuilder(base.resolve("api/v1/challenges/" + challenge + "/events"))
                    .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                    .header("X-API-Key", platformKey).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long sent = System.nanoTime();
            recorder.sent[seq] = sent;
            HttpResponse<String> response = rest.send(request, HttpResponse.BodyHandlers.ofString());
            answers[seq] = System.nanoTime() - sent;
            if (response.statusCode() != 200) {
                result.errors++;
                if (result.errorSample == null) {
                    result.errorSample = "HTTP " + response.statusCode() + ": " + BenchSupport.abbreviate(response.body(), 200);
                }
                break; // the seq numbers would no longer line up
            }
            if (!recorder.arrived[seq].await(POST_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                result.timeouts++;
            }
            done = seq;
            Thread.sleep(5);
        }
        // Every receipt of every measured post: time from just before the POST to the subscriber's onText.
        List<Long> receipts = new ArrayList<>();
        List<Long> last = new ArrayList<>();
        List<Long> answer = new ArrayList<>();
        for (int seq = warmup + 1; seq <= done; seq++) {
            long slowest = -1;
            for (int s = 0; s < subscribers; s++) {
                long at = recorder.received[s][seq];
                if (at == 0) {
                    result.missing++;
                    continue;
                }
                long nanos = at - recorder.sent[seq];
                receipts.add(nanos);
                slowest = Math.max(slowest, nanos);
            }
            if (slowest >= 0) {
                last.add(slowest);
            }
            answer.add(answers[seq]);
        }
        result.measured = Math.max(done - warmup, 0);
        result.receipts = sorted(receipts);
        result.last = sorted(last);
        result.answers = sorted(answer);
        result.closedEarly = watchers.stream().filter(w -> w.stateAt > 0 && w.closed).count();
        System.out.printf(Locale.ROOT, "  %d posts measured: receipts p50 %.1f ms, p99 %.1f ms; last subscriber"
                + " p50 %.1f ms; POST answer p50 %.1f ms; %d errors, %d posts not seen by all within %d s%n",
                result.measured, pct(result.receipts, 0.5), pct(result.receipts, 0.99), pct(result.last, 0.5),
                pct(result.answers, 0.5), result.errors, result.timeouts, POST_WAIT.toSeconds());
        if (result.errorSample != null) {
            System.out.println("  error: " + result.errorSample);
        }
        closeAll(watchers);
        waitForGauge(0, Duration.ofSeconds(20));
        return result;
    }

    private static void printLatency(LatencyResult... results) {
        System.out.println("Latency: from just before POST /api/v1/challenges/{id}/events (platform key, one event)"
                + " to EVENT_APPLIED read by each subscriber (JDK WebSocket onText); posts one at a time, each"
                + " waiting until every subscriber has it.");
        String header = String.format("| %11s | %5s | %8s | %13s | %13s | %13s | %14s | %14s | %14s | %7s |",
                "subscribers", "posts", "receipts", "receipt p50", "receipt p99", "receipt max", "last sub p50",
                "last sub p99", "POST answ p50", "missing");
        System.out.println(header);
        System.out.println(header.replaceAll("[^|]", "-"));
        for (LatencyResult r : results) {
            System.out.printf(Locale.ROOT, "| %,11d | %5d | %,8d | %10.1f ms | %10.1f ms | %10.1f ms | %11.1f ms"
                    + " | %11.1f ms | %11.1f ms | %7d |%n", r.subscribers, r.measured, r.receipts.length,
                    pct(r.receipts, 0.5), pct(r.receipts, 0.99), pct(r.receipts, 1.0), pct(r.last, 0.5),
                    pct(r.last, 0.99), pct(r.answers, 0.5), r.missing);
        }
        System.out.println("last sub = per post, the time until the last of the subscribers had the event;"
                + " POST answ = the REST call's own round trip.");
        System.out.println("Subscribers of one challenge channel: every event goes to each of them. (The ops channel"
                + " carries only changes of status, so its load per event is at most this.)");
    }

    /** What one latency run measured; times in nanoseconds, sorted. */
    private static final class LatencyResult {
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

        LatencyResult(int subscribers, int posts) {
            this.subscribers = subscribers;
            this.posts = posts;
        }
    }

    /** Receipt times of EVENT_APPLIED per subscriber and seq, and one latch per seq. */
    private static final class Recorder {
        final long[] sent;
        final long[][] received;
        final CountDownLatch[] arrived;

        Recorder(int subscribers, int posts) {
            sent = new long[posts + 1];
            received = new long[subscribers][posts + 1];
            arrived = new CountDownLatch[posts + 1];
            for (int i = 0; i < arrived.length; i++) {
                arrived[i] = new CountDownLatch(subscribers);
            }
        }

        void received(int subscriber, long seq, long nanos) {
            if (seq > 0 && seq < arrived.length && received[subscriber][(int) seq] == 0) {
                received[subscriber][(int) seq] = nanos;
                arrived[(int) seq].countDown();
            }
        }
    }

    // ---- the WebSocket client ------------------------------------------------------------------------

    /**
     * Opens one session; at most {@code ws.inflight} handshakes (until the first STATE) at once. If none
     * finishes before {@code deadline} (System.nanoTime), the session is not attempted and counts as failed.
     */
    private Watcher open(String challengeId, HttpClient client, Recorder recorder, int index, long deadline)
            throws InterruptedException {
        Watcher watcher = new Watcher(recorder, index);
        if (!inflight.tryAcquire(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS)) {
            watcher.fail("not attempted: " + inflight.availablePermits() + " free handshake slots at the step's limit"
                    + " (earlier handshakes never finished)");
            return watcher;
        }
        watcher.firstState.whenComplete((v, e) -> inflight.release());
        URI uri = URI.create("ws://" + base.getHost() + ":" + base.getPort() + base.getPath() + "ws/challenges/"
                + challengeId + "?access_token=" + adminToken);
        client.newWebSocketBuilder().connectTimeout(HANDSHAKE_TIMEOUT).buildAsync(uri, watcher)
                .whenComplete((socket, error) -> {
                    if (error != null) {
                        watcher.fail("connect: " + rootCause(error));
                    } else {
                        watcher.socket = socket;
                    }
                });
        CompletableFuture.delayedExecutor(STEP_LIMIT.toSeconds(), TimeUnit.SECONDS)
                .execute(() -> watcher.fail("no STATE within " + STEP_LIMIT.toSeconds() + " s"));
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

    /** One client session: when its first STATE came, whether it is still open, and EVENT_APPLIED times. */
    private static final class Watcher implements WebSocket.Listener {
        final CompletableFuture<Void> firstState = new CompletableFuture<>();
        final Recorder recorder;
        final int index;
        final StringBuilder partial = new StringBuilder();
        volatile WebSocket socket;
        volatile long stateAt;
        volatile boolean closed;
        volatile String failure;

        Watcher(Recorder recorder, int index) {
            this.recorder = recorder;
            this.index = index;
        }

        boolean open() {
            return stateAt > 0 && !closed;
        }

        void fail(String why) {
            if (!firstState.isDone()) {
                failure = why;
                firstState.completeExceptionally(new IllegalStateException(why));
            }
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
            if (stateAt == 0) {
                if ("STATE".equals(type)) {
                    stateAt = now;
                    firstState.complete(null);
                } else {
                    fail("first message was " + type + ", not STATE");
                }
            } else if (recorder != null && "EVENT_APPLIED".equals(type)) {
                String seq = field(message, "\"seq\":", ',');
                if (seq != null) {
                    recorder.received(index, Long.parseLong(seq.strip()), now);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed = true;
            fail("closed by the node before a STATE: " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = true;
            fail("error: " + rootCause(error));
        }

        private static String field(String json, String key, char end) {
            int i = json.indexOf(key);
            if (i < 0) {
                return null;
            }
            int from = i + key.length();
            int to = json.indexOf(end, from);
            return to < 0 ? null : json.substring(from, to);
        }
    }

    private static String rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + BenchSupport.abbreviate(t.getMessage(), 120));
    }

    // ---- the node: REST, metrics, memory --------------------------------------------------------------

    private String startChallenge() throws IOException, InterruptedException {
        String trader = "wsbench-" + ProcessHandle.current().pid() + "-" + traders.incrementAndGet();
        String body = "{\"planCode\":\"two-step-100k\",\"traderId\":\"" + trader
                + "\",\"startAt\":\"2026-03-02T00:00:00Z\"}";
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
