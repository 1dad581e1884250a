package ai.tradesense.infrastructure.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import ai.tradesense.application.risk.CycleRecords;
import ai.tradesense.application.risk.CycleReport;
import ai.tradesense.application.risk.Shard;
import ai.tradesense.application.risk.ShardDone;

/** Cycle bookkeeping as values, counters and hashes under {@link Keys}, documents as {@link CycleDocuments}. */
final class StoreCycleRecords implements CycleRecords {

    /** Cycle bookkeeping outlives any cycle by far, and then goes away by itself. */
    private static final Duration KEEP = Duration.ofDays(2);
    private static final Duration KEEP_LAST = Duration.ofDays(30);

    private final Store store;

    StoreCycleRecords(Store store) {
        this.store = store;
    }

    @Override
    public boolean started(String cycle, Instant at) {
        return store.set(Keys.started(cycle), Long.toString(at.toEpochMilli()), KEEP);
    }

    @Override
    public Optional<Instant> startedAt(String cycle) {
        return store.get(Keys.started(cycle)).map(Long::parseLong).map(Instant::ofEpochMilli);
    }

    @Override
    public long addRemaining(String cycle, long by) {
        return store.increment(Keys.remaining(cycle), by, KEEP);
    }

    @Override
    public boolean isDone(String cycle, int index) {
        return store.hash(Keys.done(cycle)).containsKey(Integer.toString(index));
    }

    @Override
    public boolean markDone(String cycle, int index, ShardDone done) {
        return store.hashSetIfAbsent(Keys.done(cycle), Integer.toString(index), CycleDocuments.write(done), KEEP);
    }

    @Override
    public List<ShardDone> done(String cycle) {
        return store.hash(Keys.done(cycle)).values().stream().map(CycleDocuments::readDone).toList();
    }

    @Override
    public boolean finished(CycleReport report) {
        return store.set(Keys.lastCycle(report.kind()), CycleDocuments.write(report), KEEP_LAST);
    }

    @Override
    public Optional<CycleReport> last(Shard.Kind kind) {
        return store.get(Keys.lastCycle(kind)).map(CycleDocuments::readCycle);
    }
}
