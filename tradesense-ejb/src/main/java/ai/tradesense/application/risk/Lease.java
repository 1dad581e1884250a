package ai.tradesense.application.risk;

import java.time.Duration;
import java.util.Optional;

/** Held while a cycle of a kind is under way, so that no second one is cut before it ends. */
public interface Lease {

    /** Takes the lease of a kind for {@code cycle}; false when another cycle holds it or the store is down. */
    boolean acquire(Shard.Kind kind, String cycle, Duration timeout);

    /** The cycle holding the lease of a kind, if any. */
    Optional<String> holder(Shard.Kind kind);

    /** Lets the next cycle of the kind be cut. */
    void release(Shard.Kind kind);
}
