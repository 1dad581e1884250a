package ai.tradesense.interfaces.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.tradesense.application.SharedStoreHealth;
import ai.tradesense.application.risk.CycleReport;
import ai.tradesense.application.risk.Shard;
import ai.tradesense.application.risk.ShardDone;
import ai.tradesense.application.risk.ShardReport;

/** The worker's shards, leases and cycle records over the in-process store, as a batch job drives them. */
class CycleBookkeepingTest {

    private final Worker worker = new Worker();

    @BeforeEach
    void emptyStore() {
        Worker.forgetEverything();
    }

    private ShardSplitter splitter(Shard.Kind kind) {
        ShardSplitter splitter = new ShardSplitter();
        splitter.kind = kind.name();
        splitter.cycles = worker.cycles;
        return splitter;
    }

    @Test
    void aCycleIsCutIntoShardsAndNotCutAgainWhileItRuns() {
        worker.monitor.challenges = 25;

        assertThat(splitter(Shard.Kind.SCAN).process()).isEqualTo("SPLIT 3");
        assertThat(worker.cycles.queued()).isEqualTo(3);
        assertThat(splitter(Shard.Kind.SCAN).process()).isEqualTo("STILL_RUNNING");
        assertThat(splitter(Shard.Kind.RESET).process()).as("another kind has a lease of its own").isEqualTo("SPLIT 3");
    }

    @Test
    void theDrainWorksEveryShardOnceAndRecordsTheCycleWithItsDuration() {
        worker.monitor.challenges = 25;
        Instant cut = worker.clock.instant();
        worker.cycles.split(Shard.Kind.SCAN);

        ShardReport drained = worker.cycles.drain();

        assertThat(drained).isEqualTo(new ShardReport(25, 6, 9, 3, 0));
        assertThat(worker.monitor.processed).hasSize(3).doesNotHaveDuplicates();
        assertThat(worker.cycles.queued()).isZero();
        CycleReport last = worker.cycles.lastCycle(Shard.Kind.SCAN).orElseThrow();
        assertThat(last.startedAt()).isEqualTo(cut);
        assertThat(last.finishedAt()).isEqualTo(cut.plusSeconds(3));
        assertThat(last.durationMillis()).isEqualTo(3_000);
        assertThat(last.shards()).isEqualTo(3);
        assertThat(last.scanned()).isEqualTo(25);
        assertThat(last.ticks()).isEqualTo(9);
        assertThat(last.shardsByNode()).containsExactly(Map.entry(worker.cycles.node(), 3));
        assertThat(worker.cycles.split(Shard.Kind.SCAN)).as("the finished cycle let go of its lease").contains(3);
    }

    @Test
    void aCycleWithNothingToDoIsRecordedAtOnce() {
        worker.monitor.challenges = 0;

        assertThat(worker.cycles.split(Shard.Kind.RESET)).contains(0);

        assertThat(worker.cycles.lastCycle(Shard.Kind.RESET)).hasValueSatisfying(last ->
                assertThat(last.shards()).isZero());
        assertThat(worker.cycles.split(Shard.Kind.RESET)).contains(0);
    }

    @Test
    void aShardWhoseWorkerDiedIsPutBackWhenItsLeaseRunsOut() {
        worker.monitor.challenges = 20;
        worker.cycles.split(Shard.Kind.SCAN);
        // Another worker claims a shard and dies: its lease has run out at once.
        Shard taken = Worker.STORE.workQueue().claim(Duration.ZERO).orElseThrow();
        assertThat(worker.cycles.queued()).isEqualTo(1);

        worker.cycles.drain();

        assertThat(worker.monitor.processed).containsExactlyInAnyOrder(taken.name(), otherThan(taken));
        assertThat(worker.cycles.lastCycle(Shard.Kind.SCAN)).hasValueSatisfying(last ->
                assertThat(last.shards()).isEqualTo(2));
    }

    @Test
    void aShardFinishedByAnotherWorkerMeanwhileIsCountedOnceAndNotWorkedAgain() {
        worker.monitor.challenges = 20;
        worker.cycles.split(Shard.Kind.SCAN);
        Shard slow = Worker.STORE.workQueue().claim(Duration.ZERO).orElseThrow();
        // The slow worker lost its lease, the shard went back to the queue, and then it finished anyway.
        Worker.STORE.workQueue().requeueExpired();
        Worker.STORE.cycleRecords().markDone(slow.cycle(), slow.index(),
                new ShardDone("slow-node", new ShardReport(10, 0, 0, 0, 0), worker.clock.instant()));
        Worker.STORE.cycleRecords().addRemaining(slow.cycle(), -1);

        worker.cycles.drain();

        assertThat(worker.monitor.processed).containsExactly(otherThan(slow));
        CycleReport last = worker.cycles.lastCycle(Shard.Kind.SCAN).orElseThrow();
        assertThat(last.shards()).isEqualTo(2);
        assertThat(last.scanned()).isEqualTo(20);
        assertThat(last.shardsByNode()).containsOnly(Map.entry("slow-node", 1), Map.entry(worker.cycles.node(), 1));
        assertThat(worker.cycles.queued()).isZero();
    }

    @Test
    void whileTheStoreIsDownACycleRunsOnThisNodeAlone() {
        Worker alone = new Worker(new SharedStoreHealth() {
            @Override
            public boolean isShared() {
                return true;
            }

            @Override
            public boolean isAvailable() {
                return false;
            }

            @Override
            public long usedMemoryBytes() {
                return 0;
            }
        }, Worker.STORE.workerFlags());
        alone.monitor.challenges = 15;

        assertThat(alone.cycles.split(Shard.Kind.SCAN)).contains(2);
        assertThat(alone.cycles.queued()).as("nothing went to the shared queue").isZero();
        assertThat(alone.cycles.drain().scanned()).isEqualTo(15);
        assertThat(alone.monitor.processed).hasSize(2);
    }

    private static String otherThan(Shard shard) {
        return shard.cycle() + "/" + (1 - shard.index());
    }
}
