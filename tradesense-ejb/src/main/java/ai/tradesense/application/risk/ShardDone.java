package ai.tradesense.application.risk;

import java.time.Instant;
import java.util.Objects;

/** A shard finished by a worker node: who, what it did, and when. */
public record ShardDone(String node, ShardReport report, Instant at) {

    public ShardDone {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(at, "at");
    }
}
