package ai.tradesense.interfaces.batch;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ai.tradesense.application.SharedStore;
import ai.tradesense.application.SharedStoreUnavailableException;
import ai.tradesense.application.WorkQueues;
import ai.tradesense.application.risk.RiskMonitorService;
import ai.tradesense.application.risk.Shard;
import ai.tradesense.application.risk.ShardReport;
import ai.tradesense.infrastructure.json.Json;
import ai.tradesense.infrastructure.json.StrictJson;

/**
 * A worker cycle across nodes: one node cuts the trading challenges into shards and queues them; every
 * worker node's drain takes shards until the queue is empty. A claimed shard is leased: if its worker
 * dies, the lease runs out and the next drain puts it back. Each finished shard is marked done once per
 * cycle, so a shard taken twice (a lease that ran out on a slow worker) is counted once, and the work in
 * it is safe to repeat anyway (ticks carry their time as id, alerts a dedupe key). The node that
 * finishes the last shard records the cycle, which the lag and cycle-duration metrics read.
 */
@ApplicationScoped
public class WorkCycles {

    private static final Logger LOG = Logger.getLogger(WorkCycles.class.getName());
    static final String QUEUE = WorkQueues.RISK_SCAN;
    /** Cycle bookkeeping outlives any cycle by far, and then goes away by itself. */
    private static final Duration KEEP = Duration.ofDays(2);
    private static final Duration KEEP_LAST = Duration.ofDays(30);

    @Inject
    SharedStore store;

    @Inject
    RiskMonitorService monitor;

    @Inject
    @ConfigProperty(name = "tradesense.worker.shard-size", defaultValue = "1000")
    int shardSize;

    /** How long a worker may hold a shard before another may take it over. */
    @Inject
    @ConfigProperty(name = "tradesense.worker.lease-seconds", defaultValue = "120")
    int leaseSeconds;

    /** The longest a cycle may be under way before another of its kind may be cut anyway. */
    @Inject
    @ConfigProperty(name = "tradesense.worker.cycle-timeout-minutes", defaultValue = "30")
    int cycleTimeoutMinutes;

    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    /** Shards this node must work itself because the shared store was down when they were cut. */
    private final Deque<Shard> local = new ArrayDeque<>();

    public String node() {
        return node;
    }

    /**
     * Cuts a new cycle of a kind and queues its shards; nothing when one of that kind is still under way.
     *
     * @return the number of shards cut, or empty when a cycle is still running
     */
    public Optional<Integer> split(Shard.Kind kind) {
        Instant now = Instant.now();
        String cycle = kind.name().toLowerCase() + "-" + now.toEpochMilli() + "-" + UUID.randomUUID().toString()
                .substring(0, 8);
        if (!store.isAvailable()) {
            List<Shard> shards = monitor.plan(kind, cycle, now, shardSize);
            LOG.log(Level.WARNING, "The shared store is unavailable: cycle {0} ({1} shards) runs on this node only",
                    new Object[] {cycle, shards.size()});
            synchronized (local) {
                local.addAll(shards);
            }
            return Optional.of(shards.size());
        }
        if (!store.setIfAbsent(WorkQueues.runningCycle(kind.name()), cycle, Duration.ofMinutes(cycleTimeoutMinutes))) {
            LOG.log(Level.INFO, "A {0} cycle is still under way ({1}); none is cut now",
                    new Object[] {kind, store.get(WorkQueues.runningCycle(kind.name())).orElse("?")});
            return Optional.empty();
        }
        List<Shard> shards;
        try {
            shards = monitor.plan(kind, cycle, now, shardSize);
            store.set(WorkQueues.started(cycle), Long.toString(now.toEpochMilli()), KEEP);
            if (shards.isEmpty()) {
                close(kind, cycle, now);
                return Optional.of(0);
            }
            store.increment(WorkQueues.remaining(cycle), shards.size(), KEEP);
            store.push(QUEUE, shards.stream().map(Shard::toJson).toList());
        } catch (RuntimeException e) {
            // Nothing was queued: the next trigger may cut the cycle again.
            store.delete(WorkQueues.runningCycle(kind.name()));
            throw e;
        }
        LOG.log(Level.INFO, "Cycle {0}: {1} shards queued", new Object[] {cycle, shards.size()});
        return Optional.of(shards.size());
    }

    /** Takes shards until there are none left, then answers what this node did with them. */
    public ShardReport drain() {
        ShardReport total = ShardReport.NONE;
        for (Shard shard = nextLocal(); shard != null; shard = nextLocal()) {
            total = total.plus(monitor.process(shard));
        }
        Duration lease = Duration.ofSeconds(leaseSeconds);
        while (true) {
            requeueExpired();
            Optional<String> claimed = store.claim(QUEUE, lease);
            if (claimed.isEmpty()) {
                return total;
            }
            Shard shard = Shard.parse(claimed.get());
            if (store.hash(WorkQueues.done(shard.cycle())).containsKey(Integer.toString(shard.index()))) {
                // Finished by a worker whose lease had run out before it could let go of the shard.
                store.complete(QUEUE, claimed.get());
                continue;
            }
            ShardReport report = monitor.process(shard);
            finish(shard, claimed.get(), report);
            total = total.plus(report);
        }
    }

    private Shard nextLocal() {
        synchronized (local) {
            return local.pollFirst();
        }
    }

    private void finish(Shard shard, String item, ShardReport report) {
        String record = Json.createObjectBuilder().add("node", node).add("scanned", report.scanned())
                .add("attended", report.attended()).add("ticks", report.ticks()).add("alerts", report.alerts())
                .add("failures", report.failures()).add("at", Instant.now().toString()).build().toString();
        boolean first = store.hashSetIfAbsent(WorkQueues.done(shard.cycle()), Integer.toString(shard.index()), record, KEEP);
        store.complete(QUEUE, item);
        if (!first) {
            LOG.log(Level.INFO, "Shard {0} was finished by another worker as well", shard.name());
            return;
        }
        if (store.increment(WorkQueues.remaining(shard.cycle()), -1, KEEP) == 0) {
            Instant started = store.get(WorkQueues.started(shard.cycle())).map(Long::parseLong).map(Instant::ofEpochMilli)
                    .orElse(shard.at());
            close(shard.kind(), shard.cycle(), started);
        }
    }

    /** Records the finished cycle as the last of its kind and lets the next one be cut. */
    private void close(Shard.Kind kind, String cycle, Instant started) {
        Instant finished = Instant.now();
        Map<String, String> done = store.hash(WorkQueues.done(cycle));
        long scanned = 0;
        long attended = 0;
        long ticks = 0;
        long alerts = 0;
        long failures = 0;
        Map<String, Integer> byNode = new TreeMap<>();
        for (String value : done.values()) {
            JsonObject shard = StrictJson.parse(value).asJsonObject();
            scanned += shard.getInt("scanned");
            attended += shard.getInt("attended");
            ticks += shard.getInt("ticks");
            alerts += shard.getInt("alerts");
            failures += shard.getInt("failures");
            byNode.merge(shard.getString("node"), 1, Integer::sum);
        }
        JsonObjectBuilder nodes = Json.createObjectBuilder();
        byNode.forEach(nodes::add);
        String summary = Json.createObjectBuilder().add("cycle", cycle).add("kind", kind.name())
                .add("startedAt", started.toString()).add("finishedAt", finished.toString())
                .add("durationMillis", Duration.between(started, finished).toMillis())
                .add("shards", done.size()).add("scanned", scanned).add("attended", attended).add("ticks", ticks)
                .add("alerts", alerts).add("failures", failures).add("shardsByNode", nodes).build().toString();
        store.set(WorkQueues.lastCycle(kind.name()), summary, KEEP_LAST);
        store.delete(WorkQueues.runningCycle(kind.name()));
        LOG.log(Level.INFO, "Cycle finished: {0}", summary);
    }

    /** The last finished cycle of a kind, as JSON; empty before the first. */
    public Optional<String> lastCycle(Shard.Kind kind) {
        return store.get(WorkQueues.lastCycle(kind.name()));
    }

    /** Puts back shards whose worker stopped answering; answers how many. */
    public int requeueExpired() {
        int requeued = store.requeueExpired(QUEUE);
        if (requeued > 0) {
            LOG.log(Level.WARNING, "{0} shards whose worker stopped answering were put back in the queue", requeued);
        }
        return requeued;
    }

    /** Shards waiting in the shared queue. */
    public long queued() {
        try {
            return store.queueLength(QUEUE);
        } catch (SharedStoreUnavailableException e) {
            return 0;
        }
    }
}
