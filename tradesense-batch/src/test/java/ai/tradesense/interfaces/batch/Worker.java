package ai.tradesense.interfaces.batch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.tradesense.application.SharedStoreHealth;
import ai.tradesense.application.internal.DefaultWorkCycleService;
import ai.tradesense.application.risk.RiskMonitorService;
import ai.tradesense.application.risk.Shard;
import ai.tradesense.application.risk.ShardReport;
import ai.tradesense.application.risk.WorkerFlags;
import ai.tradesense.infrastructure.redis.SharedPorts;

/**
 * A worker node's cycle service over this JVM's in-process store, with a risk monitor that plans as many
 * shards as it is told and notes every shard it processes, and a clock the test moves.
 */
final class Worker {

    static final SharedPorts STORE = SharedPorts.inProcess();
    static final Duration SETTLE = Duration.ofSeconds(30);

    final SettableClock clock = new SettableClock(Instant.parse("2026-11-30T12:00:00Z"));
    final FakeMonitor monitor = new FakeMonitor(clock);
    final DefaultWorkCycleService cycles;

    Worker() {
        this(STORE.health(), STORE.workerFlags());
    }

    Worker(SharedStoreHealth health, WorkerFlags flags) {
        cycles = new DefaultWorkCycleService(STORE.workQueue(), STORE.lease(), STORE.cycleRecords(), flags,
                health, monitor, clock, new DefaultWorkCycleService.Settings(10, Duration.ofMinutes(2),
                        Duration.ofMinutes(30), SETTLE));
    }

    /** Empties what an earlier test left in the JVM's one store. */
    static void forgetEverything() {
        STORE.workQueue().clear();
        STORE.lease().release(Shard.Kind.SCAN);
        STORE.lease().release(Shard.Kind.RESET);
        STORE.workerFlags().resume();
    }

    static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final class FakeMonitor implements RiskMonitorService {
        private final SettableClock clock;
        /** Trading challenges to cut into shards of {@code shardSize}. */
        int challenges;
        boolean resetsDue;
        /** How long processing one shard takes on the test's clock. */
        Duration perShard = Duration.ofSeconds(1);
        final List<String> processed = new CopyOnWriteArrayList<>();
        /** The instants the cycles asked about: what was due, and which challenges to cut into shards. */
        final List<Instant> askedAt = new CopyOnWriteArrayList<>();

        FakeMonitor(SettableClock clock) {
            this.clock = clock;
        }

        @Override
        public List<Shard> plan(Shard.Kind kind, String cycle, Instant now, int shardSize) {
            askedAt.add(now);
            int count = (challenges + shardSize - 1) / shardSize;
            List<Shard> shards = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int size = Math.min(shardSize, challenges - i * shardSize);
                shards.add(new Shard(cycle, kind, i, count, i == 0 ? Shard.OPEN : "id-" + i * shardSize,
                        i == count - 1 ? Shard.OPEN : "id-" + (i + 1) * shardSize, size, now));
            }
            return shards;
        }

        @Override
        public boolean resetsDue(Instant now) {
            askedAt.add(now);
            return resetsDue;
        }

        @Override
        public ShardReport process(Shard shard) {
            processed.add(shard.name());
            clock.advance(perShard);
            return new ShardReport(shard.size(), 2, 3, 1, 0);
        }

        @Override
        public ShardReport takeSnapshots(int limit) {
            return ShardReport.NONE;
        }

        @Override
        public Map<String, Long> maintain(Instant now) {
            return Map.of();
        }
    }
}
