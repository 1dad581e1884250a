package ai.tradesense.application.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ai.tradesense.application.SharedStoreHealth;
import ai.tradesense.application.SharedStoreUnavailableException;
import ai.tradesense.application.risk.CycleRecords;
import ai.tradesense.application.risk.CycleReport;
import ai.tradesense.application.risk.Lease;
import ai.tradesense.application.risk.RiskMonitorService;
import ai.tradesense.application.risk.Shard;
import ai.tradesense.application.risk.ShardDone;
import ai.tradesense.application.risk.ShardReport;
import ai.tradesense.application.risk.WorkCycleService;
import ai.tradesense.application.risk.WorkQueue;
import ai.tradesense.application.risk.WorkerFlags;

/**
 * A claimed shard is leased: if its worker dies, the lease runs out and the next drain puts it back. Each
 * finished shard is marked done once per cycle, so a shard taken twice (a lease that ran out on a slow
 * worker) is counted once, and the work in it is safe to repeat anyway (ticks carry their time as id,
 * alerts a dedupe key). The node that finishes the last shard records the cycle.
 */
@ApplicationScoped
public class DefaultWorkCycleService implements WorkCycleService {

    private static final Logger LOG = Logger.getLogger(DefaultWorkCycleService.class.getName());

    /**
     * How big a shard is, how long a worker may hold one, how long a cycle may run before another, and how
     * long after a day boundary or deadline the worker waits before applying it: platform events from just
     * before it, delivered late, are still accepted (docs/rules.md §14).
     */
    public record Settings(int shardSize, Duration lease, Duration cycleTimeout, Duration settle) { }

    private WorkQueue queue;
    private Lease running;
    private CycleRecords records;
    private WorkerFlags flags;
    private SharedStoreHealth store;
    private RiskMonitorService monitor;
    private Clock clock;
    private Settings settings;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    /** Shards this node must work itself because the shared store was down when they were cut. */
    private final Deque<Shard> local = new ArrayDeque<>();
    /** Set only when the pause could not be shared (the shared store was down): then it holds here. */
    private volatile boolean pausedHere;

    protected DefaultWorkCycleService() {
    }

    @Inject
    public DefaultWorkCycleService(WorkQueue queue, Lease running, CycleRecords records, WorkerFlags flags,
            SharedStoreHealth store, RiskMonitorService monitor, Clock clock,
            @ConfigProperty(name = "tradesense.worker.shard-size", defaultValue = "1000") int shardSize,
            @ConfigProperty(name = "tradesense.worker.lease-seconds", defaultValue = "120") int leaseSeconds,
            @ConfigProperty(name = "tradesense.worker.cycle-timeout-minutes", defaultValue = "30") int timeoutMinutes,
            @ConfigProperty(name = "tradesense.worker.settle-seconds", defaultValue = "30") int settleSeconds) {
        this(queue, running, records, flags, store, monitor, clock,
                new Settings(shardSize, Duration.ofSeconds(leaseSeconds), Duration.ofMinutes(timeoutMinutes),
                        Duration.ofSeconds(settleSeconds)));
    }

    public DefaultWorkCycleService(WorkQueue queue, Lease running, CycleRecords records, WorkerFlags flags,
            SharedStoreHealth store, RiskMonitorService monitor, Clock clock, Settings settings) {
        this.queue = queue;
        this.running = running;
        this.records = records;
        this.flags = flags;
        this.store = store;
        this.monitor = monitor;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public Optional<Integer> split(Shard.Kind kind) {
        Instant now = clock.instant();
        // The cycle judges time as it stood settle seconds ago: a boundary that just passed waits.
        Instant settled = now.minus(settings.settle());
        String cycle = kind.name().toLowerCase() + "-" + now.toEpochMilli() + "-" + UUID.randomUUID().toString()
                .substring(0, 8);
        if (!store.isAvailable()) {
            List<Shard> shards = monitor.plan(kind, cycle, settled, settings.shardSize());
            LOG.log(Level.WARNING, "The shared store is unavailable: cycle {0} ({1} shards) runs on this node only",
                    new Object[] {cycle, shards.size()});
            synchronized (local) {
                local.addAll(shards);
            }
            return Optional.of(shards.size());
        }
        if (!running.acquire(kind, cycle, settings.cycleTimeout())) {
            LOG.log(Level.INFO, "A {0} cycle is still under way ({1}); none is cut now",
                    new Object[] {kind, running.holder(kind).orElse("?")});
            return Optional.empty();
        }
        List<Shard> shards;
        try {
            shards = monitor.plan(kind, cycle, settled, settings.shardSize());
            records.started(cycle, now);
            if (shards.isEmpty()) {
                close(kind, cycle, now);
                return Optional.of(0);
            }
            records.addRemaining(cycle, shards.size());
            queue.push(shards);
        } catch (RuntimeException e) {
            // Nothing was queued: the next trigger may cut the cycle again.
            running.release(kind);
            throw e;
        }
        LOG.log(Level.INFO, "Cycle {0}: {1} shards queued", new Object[] {cycle, shards.size()});
        return Optional.of(shards.size());
    }

    @Override
    public ShardReport drain() {
        ShardReport total = ShardReport.NONE;
        for (Shard shard = nextLocal(); shard != null; shard = nextLocal()) {
            total = total.plus(monitor.process(shard));
        }
        while (true) {
            requeueExpired();
            Optional<Shard> claimed = queue.claim(settings.lease());
            if (claimed.isEmpty()) {
                return total;
            }
            Shard shard = claimed.get();
            if (records.isDone(shard.cycle(), shard.index())) {
                // Finished by a worker whose lease had run out before it could let go of the shard.
                queue.complete(shard);
                continue;
            }
            ShardReport report = monitor.process(shard);
            finish(shard, report);
            total = total.plus(report);
        }
    }

    private Shard nextLocal() {
        synchronized (local) {
            return local.pollFirst();
        }
    }

    private void finish(Shard shard, ShardReport report) {
        boolean first = records.markDone(shard.cycle(), shard.index(), new ShardDone(node, report, clock.instant()));
        queue.complete(shard);
        if (!first) {
            LOG.log(Level.INFO, "Shard {0} was finished by another worker as well", shard.name());
            return;
        }
        if (records.addRemaining(shard.cycle(), -1) == 0) {
            close(shard.kind(), shard.cycle(), records.startedAt(shard.cycle()).orElse(shard.at()));
        }
    }

    /** Records the finished cycle as the last of its kind and lets the next one be cut. */
    private void close(Shard.Kind kind, String cycle, Instant started) {
        CycleReport report = CycleReport.of(cycle, kind, started, clock.instant(), records.done(cycle));
        records.finished(report);
        running.release(kind);
        LOG.log(Level.INFO, "Cycle finished: {0}", report);
    }

    @Override
    public Optional<CycleReport> lastCycle(Shard.Kind kind) {
        return records.last(kind);
    }

    @Override
    public int requeueExpired() {
        int requeued = queue.requeueExpired();
        if (requeued > 0) {
            LOG.log(Level.WARNING, "{0} shards whose worker stopped answering were put back in the queue", requeued);
        }
        return requeued;
    }

    @Override
    public long queued() {
        try {
            return queue.length();
        } catch (SharedStoreUnavailableException e) {
            return 0;
        }
    }

    @Override
    public boolean resetsDue() {
        return monitor.resetsDue(clock.instant().minus(settings.settle()));
    }

    @Override
    public boolean drainHasWork() {
        return requeueExpired() + queued() > 0;
    }

    @Override
    public boolean paused() {
        return pausedHere || flags.paused();
    }

    @Override
    public void pause() {
        pausedHere = !flags.pause();
        LOG.info(pausedHere ? "Worker triggers paused on this node only: the shared store is unavailable"
                : "Worker triggers paused on every worker node");
    }

    @Override
    public void resume() {
        pausedHere = false;
        flags.resume();
        LOG.info("Worker triggers resumed");
    }
}
