package ai.tradesense.application.risk;

import java.time.Instant;
import java.util.Objects;

/**
 * One piece of a worker cycle: the trading challenges with ids from {@code fromId} (included) to
 * {@code toId} (excluded), judged at {@code at}; an {@link #OPEN} end is no
 * bound. A {@link Kind#SURVEIL} shard is one detector over one surveillance day instead: {@code fromId} names the
 * detector (a {@code Finding.Kind}), {@code toId} the day (ISO). Shards travel through the shared {@link WorkQueue},
 * so any worker node can take one.
 *
 * @param cycle the cycle it belongs to
 * @param kind  what the cycle does
 * @param index its number in the cycle, from 0
 * @param count how many shards the cycle has
 * @param size  how many trading challenges the range held when it was cut
 */
public record Shard(String cycle, Kind kind, int index, int count, String fromId, String toId, int size, Instant at) {

    /**
     * RESET brings accounts over their day boundaries; SCAN does that and checks deadlines and alerts; SURVEIL runs
     * the surveillance detectors across accounts (docs/surveillance.md).
     */
    public enum Kind { RESET, SCAN, SURVEIL }

    /** An end of the id range that does not bound it. */
    public static final String OPEN = "";

    public Shard {
        Objects.requireNonNull(cycle, "cycle");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(toId, "toId");
        Objects.requireNonNull(at, "at");
    }

    /** A name unique within the queue. */
    public String name() {
        return cycle + "/" + index;
    }
}
