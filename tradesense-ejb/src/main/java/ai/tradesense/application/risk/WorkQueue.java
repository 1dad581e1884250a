package ai.tradesense.application.risk;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The queue of shards waiting for a worker, shared by every worker node. It loses nothing: a claimed
 * shard stays in flight under a lease until it is completed, and one whose lease ran out (its worker
 * died) is put back by {@link #requeueExpired}. Every call but {@link #length} throws
 * {@link ai.tradesense.application.SharedStoreUnavailableException} while the store cannot be reached.
 */
public interface WorkQueue {

    /** Adds shards to the end of the queue. */
    void push(List<Shard> shards);

    /** Takes the next shard, in flight for {@code lease}; empty when the queue is empty. */
    Optional<Shard> claim(Duration lease);

    /** The shard is done: it leaves the in-flight list for good. */
    void complete(Shard shard);

    /** Puts every in-flight shard whose lease ran out back at the front of the queue; answers how many. */
    int requeueExpired();

    /** Empties the queue, its in-flight list and its leases. */
    void clear();

    /** Shards waiting; 0 when the queue is empty or the store is unavailable. */
    long length();
}
