package ai.tradesense.application.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A finished worker cycle across all workers, as the lag and cycle-duration metrics and the JMX monitor
 * read it.
 *
 * @param shardsByNode shards finished by each worker node, by node name
 */
public record CycleReport(String cycle, Shard.Kind kind, Instant startedAt, Instant finishedAt, long durationMillis,
                          int shards, long scanned, long attended, long ticks, long alerts, long failures,
                          Map<String, Integer> shardsByNode) {

    public CycleReport {
        Objects.requireNonNull(cycle, "cycle");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        shardsByNode = Collections.unmodifiableMap(new TreeMap<>(shardsByNode));
    }

    /** Sums what the shards did; the duration runs from {@code startedAt} to {@code finishedAt}. */
    public static CycleReport of(String cycle, Shard.Kind kind, Instant startedAt, Instant finishedAt,
                                 Iterable<ShardDone> done) {
        long scanned = 0;
        long attended = 0;
        long ticks = 0;
        long alerts = 0;
        long failures = 0;
        int shards = 0;
        Map<String, Integer> byNode = new TreeMap<>();
        for (ShardDone shard : done) {
            ShardReport report = shard.report();
            scanned += report.scanned();
            attended += report.attended();
            ticks += report.ticks();
            alerts += report.alerts();
            failures += report.failures();
            shards++;
            byNode.merge(shard.node(), 1, Integer::sum);
        }
        return new CycleReport(cycle, kind, startedAt, finishedAt, Duration.between(startedAt, finishedAt).toMillis(),
                shards, scanned, attended, ticks, alerts, failures, byNode);
    }
}
