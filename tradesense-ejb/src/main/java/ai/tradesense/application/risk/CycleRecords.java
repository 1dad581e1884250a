package ai.tradesense.application.risk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The bookkeeping of worker cycles, shared by every worker node: when a cycle started, how many of its
 * shards are left, which are done, and the last finished cycle of each kind. It expires by itself.
 */
public interface CycleRecords {

    /** Notes when a cycle was cut; false when the store is unavailable. */
    boolean started(String cycle, Instant at);

    /** When a cycle was cut, if still known. */
    Optional<Instant> startedAt(String cycle);

    /** Adds {@code by} to the shards a cycle has left, and answers how many are left. */
    long addRemaining(String cycle, long by);

    /** True when the shard of the cycle was marked done. */
    boolean isDone(String cycle, int index);

    /** Marks a shard done once; false when it was done already (by another worker). */
    boolean markDone(String cycle, int index, ShardDone done);

    /** Every shard of the cycle marked done. */
    List<ShardDone> done(String cycle);

    /** Keeps the report as the last finished cycle of its kind; false when the store is unavailable. */
    boolean finished(CycleReport report);

    /** The last finished cycle of a kind; empty before the first. */
    Optional<CycleReport> last(Shard.Kind kind);
}
