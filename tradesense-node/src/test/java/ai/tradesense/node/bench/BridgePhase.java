package ai.tradesense.node.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import ai.tradesense.node.sim.TradingGenerator;
import ai.tradesense.node.sim.TradingGenerator.BridgeEvent;

/**
 * The platform bridge's endpoint ({@code POST /api/v1/events}, issue 13's contract): many
 * challenges per request, an answer per event. {@code accounts} challenges are split between
 * {@code threads} client threads (a challenge belongs to one thread, so its events arrive in order);
 * each request carries {@code perRequest} events, a few consecutive ones of each of the thread's
 * challenges in turn, from the bridge simulator's {@link TradingGenerator} (equity random walks, trades
 * opening and closing; {@code bench.breachShare} of the accounts breach, none by default). Any result other than APPLIED or DUPLICATE is an error and
 * its problem is printed once. Meanwhile one WebSocket subscriber on each of a few sampled challenges
 * measures event to client latency: from just before the request holding the event was sent to the
 * EVENT_APPLIED message with that event's {@code at}.
 */
final class BridgePhase {

    /** Starts one challenge whose account opened at the given time; answers its id. */
    interface Starter {
        String start(java.time.Instant startAt) throws IOException, InterruptedException;
    }

    /** What the phase measured. */
    static final class Result {
        long requests;
        long events;
        long errors;
        double seconds;
        long[] sortedNanos = new long[0];
        long[] wsNanos = new long[0];
        long wsSent;
        long wsReceived;
        long wsConnected;
        long cpuBefore = -1;
        long cpuAfter = -1;
        final Map<String, String> problems = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> problemCounts = new ConcurrentHashMap<>();
        List<TradedChallenge> challenges = List.of();

        void error(String key, String detail, long count) {
            problems.putIfAbsent(key, detail);
            problemCounts.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(count);
            synchronized (this) {
                errors += count;
            }
        }
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI base;
    private final String platformKey;
    private final String wsToken;
    private final Starter starter;

    BridgePhase(HttpClient http, URI base, String platformKey, String wsToken, Starter starter) {
        this.http = http;
        this.base = base;
        this.platformKey = platformKey;
        this.wsToken = wsToken;
        this.starter = starter;
    }

    /** The status of an empty request (422 by the contract, nothing applied); 404 or 405 mean no endpoint yet. */
    int probe() throws IOException, InterruptedException {
        return post("{\"events\":[]}").statusCode();
    }

    Result run(int accounts, int threads, int perRequest, int watched, Duration limit, Process node) throws Exception {
        Result result = new Result();
        List<TradedChallenge> challenges = startChallenges(accounts);
        result.challenges = challenges;
        List<Watch> watches = new ArrayList<>();
        Map<String, Watch> watchOf = new HashMap<>();
        int every = Math.max(1, accounts / Math.max(watched, 1));
        HttpClient wsClient = HttpClient.newHttpClient();
        for (int i = 0; i < accounts && watches.size() < watched; i += every) {
            Watch w = new Watch();
            String id = challenges.get(i).id();
            URI uri = URI.create("ws://" + base.getHost() + ":" + base.getPort() + base.getPath() + "ws/challenges/" + id
                    + "?access_token=" + wsToken);
            try {
                w.socket = wsClient.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, w)
                        .get(15, TimeUnit.SECONDS);
                w.ready.get(15, TimeUnit.SECONDS);
                watches.add(w);
                watchOf.put(id, w);
            } catch (Exception e) {
                System.out.println("  (bridge: no WebSocket subscriber on " + id + ": " + e + ")");
            }
        }
        result.wsConnected = watches.size();

        CountDownLatch go = new CountDownLatch(1);
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            List<TradedChallenge> mine = new ArrayList<>();
            for (int i = t; i < accounts; i += threads) {
                mine.add(challenges.get(i));
            }
            Thread client = new Thread(() -> {
                long[] lat = new long[1 << 10];
                int n = 0;
                int cursor = 0;
                int each = Math.max(1, perRequest / Math.max(mine.size(), 1));
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long deadline = System.nanoTime() + limit.toNanos();
                while (System.nanoTime() < deadline) {
                    StringBuilder body = new StringBuilder(perRequest * 110).append("{\"events\":[");
                    List<TradedChallenge> order = new ArrayList<>(perRequest);
                    Map<Watch, List<String>> sampled = new HashMap<>();
                    Set<TradedChallenge> inRequest = new HashSet<>();
                    while (order.size() < perRequest) {
                        TradedChallenge challenge = mine.get(cursor++ % mine.size());
                        if (inRequest.add(challenge)) {
                            challenge.mark();
                        }
                        Watch w = watchOf.get(challenge.id());
                        for (int k = 0; k < each && order.size() < perRequest; k++) {
                            BridgeEvent e = challenge.next();
                            if (!order.isEmpty()) {
                                body.append(',');
                            }
                            body.append(e.json());
                            order.add(challenge);
                            if (w != null) {
                                sampled.computeIfAbsent(w, x -> new ArrayList<>()).add(e.at().toString());
                            }
                        }
                    }
                    body.append("]}");
                    long t0 = System.nanoTime();
                    sampled.forEach((w, ats) -> ats.forEach(at -> w.sent.putIfAbsent(at, t0)));
                    HttpResponse<String> response;
                    try {
                        response = post(body.toString());
                    } catch (IOException e) {
                        lat = grow(lat, n);
                        lat[n++] = System.nanoTime() - t0;
                        result.error("no answer", e.toString(), order.size());
                        inRequest.forEach(TradedChallenge::rollback);
                        continue;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                    long nanos = System.nanoTime() - t0;
                    lat = grow(lat, n);
                    lat[n++] = nanos;
                    sampled.forEach((w, ats) -> w.sentCount.addAndGet(ats.size()));
                    answer(response, order, inRequest, result);
                }
                latencies[thread] = lat;
                counts[thread] = n;
            }, "bench-bridge-" + t);
            running.add(client);
            client.start();
        }
        result.cpuBefore = NodeCpu.nanos(node);
        long t0 = System.nanoTime();
        go.countDown();
        for (Thread t : running) {
            t.join();
        }
        result.seconds = (System.nanoTime() - t0) / 1e9;
        result.cpuAfter = NodeCpu.nanos(node);
        result.sortedNanos = Percentiles.merge(latencies, counts);
        result.requests = result.sortedNanos.length;
        // Messages still on their way after the last answer: a short grace, then what came is what counts.
        Thread.sleep(2_000);
        List<Long> ws = new ArrayList<>();
        for (Watch w : watches) {
            result.wsSent += w.sentCount.get();
            synchronized (w.latencies) {
                ws.addAll(w.latencies);
            }
            w.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done");
        }
        result.wsReceived = ws.size();
        result.wsNanos = ws.stream().mapToLong(Long::longValue).sorted().toArray();
        return result;
    }

    private void answer(HttpResponse<String> response, List<TradedChallenge> order, Set<TradedChallenge> inRequest,
                        Result result) {
        if (response.statusCode() != 200) {
            result.error("HTTP " + response.statusCode(), BenchSupport.abbreviate(response.body(), 400), order.size());
            inRequest.forEach(TradedChallenge::rollback);
            return;
        }
        JsonObject answer;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            answer = reader.readObject();
        }
        var results = answer.getJsonArray("results");
        if (results == null || results.size() != order.size()) {
            result.error("answer shape", "expected " + order.size() + " results: "
                    + BenchSupport.abbreviate(response.body(), 300), order.size());
            inRequest.forEach(TradedChallenge::rollback);
            return;
        }
        Set<TradedChallenge> refused = new HashSet<>();
        long ok = 0;
        for (int i = 0; i < results.size(); i++) {
            JsonObject r = results.getJsonObject(i);
            String status = r.getString("status", "?");
            TradedChallenge challenge = order.get(i);
            if ("APPLIED".equals(status) || "DUPLICATE".equals(status)) {
                challenge.answered(r.getJsonNumber("seq").longValue(), 1);
                ok++;
            } else {
                refused.add(challenge);
                JsonObject problem = r.getJsonObject("problem");
                String key = status + " " + (problem == null ? "" : problem.getString("type", "")
                        + " " + problem.getInt("status", 0));
                result.error(key, "index " + i + ", challenge " + challenge.id() + ": "
                        + BenchSupport.abbreviate(String.valueOf(problem), 400), 1);
            }
        }
        refused.forEach(TradedChallenge::rollback);
        synchronized (result) {
            result.events += ok;
        }
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve("api/v1/events")).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("X-API-Key", platformKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The challenges, started by a few threads at once (each start is one transaction in the node), traded
     * by one generator, events 10 ms apart per account.
     */
    private List<TradedChallenge> startChallenges(int accounts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> started = new ArrayList<>();
            java.time.Instant startAt = TradedChallenge.startAt();
            for (int i = 0; i < accounts; i++) {
                started.add(pool.submit(() -> starter.start(startAt)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> id : started) {
                ids.add(id.get());
            }
            return TradedChallenge.of(ids, startAt, 1_000_003L, Duration.ofMillis(10), TradedChallenge.BREACH_SHARE);
        } finally {
            pool.shutdown();
        }
    }

    private static long[] grow(long[] lat, int n) {
        return n >= lat.length ? Arrays.copyOf(lat, lat.length * 2) : lat;
    }

    static void print(Result r, int accounts, int threads, int perRequest) {
        double cpu = NodeCpu.microsPerEvent(r.cpuBefore, r.cpuAfter, r.events);
        System.out.printf(Locale.ROOT, "Bridge:  %,d accounts, %d client threads, %,d events a request, %.1f s:"
                        + " %,d requests, %,d events answered APPLIED/DUPLICATE, %,.0f events/s, %,.1f requests/s%n",
                accounts, threads, perRequest, r.seconds, r.requests, r.events, r.events / r.seconds, r.requests / r.seconds);
        System.out.printf(Locale.ROOT, "         per request p50 %.1f ms, p99 %.1f ms, max %.1f ms; errors %,d;"
                        + " node CPU %s per event%n",
                Percentiles.millis(r.sortedNanos, 0.5), Percentiles.millis(r.sortedNanos, 0.99),
                Percentiles.millis(r.sortedNanos, 1.0), r.errors,
                Double.isNaN(cpu) ? "n/a" : String.format(Locale.ROOT, "%.1f µs", cpu));
        System.out.printf(Locale.ROOT, "         event -> WebSocket (%d subscribers, one per sampled challenge):"
                        + " %,d of %,d sampled events pushed%s%n", r.wsConnected, r.wsReceived, r.wsSent,
                r.wsNanos.length == 0 ? "" : String.format(Locale.ROOT, "; p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                        Percentiles.millis(r.wsNanos, 0.5), Percentiles.millis(r.wsNanos, 0.99),
                        Percentiles.millis(r.wsNanos, 1.0)));
        r.problems.forEach((key, detail) -> System.out.printf("         %,d x %s, first: %s%n",
                r.problemCounts.get(key).get(), key, detail));
    }

    /** One challenge's live channel: matches each EVENT_APPLIED to the send time of the event with its {@code at}. */
    private static final class Watch implements WebSocket.Listener {

        final Map<String, Long> sent = new ConcurrentHashMap<>();
        final AtomicLong sentCount = new AtomicLong();
        final List<Long> latencies = new ArrayList<>();
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        volatile WebSocket socket;

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                JsonObject message = BenchSupport.json(partial.toString());
                partial.setLength(0);
                String type = message.getString("type", "");
                if ("STATE".equals(type)) {
                    ready.complete(null);
                } else if ("EVENT_APPLIED".equals(type) && message.containsKey("at")) {
                    Long t0 = sent.remove(message.getString("at"));
                    if (t0 != null) {
                        synchronized (latencies) {
                            latencies.add(now - t0);
                        }
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ready.completeExceptionally(error);
        }
    }
}
