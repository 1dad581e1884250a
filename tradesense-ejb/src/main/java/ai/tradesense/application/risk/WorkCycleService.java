package ai.tradesense.application.risk;

import java.util.Optional;

/**
 * A worker cycle across nodes: one node cuts the trading challenges into shards and queues them; every
 * worker node's drain takes shards until the queue is empty. Called by the batch jobs, the timers and the
 * JMX monitor.
 */
public interface WorkCycleService {

    /** This worker node's name, as the cycle records show it. */
    String node();

    /**
     * Cuts a new cycle of a kind and queues its shards; nothing when one of that kind is still under way.
     *
     * @return the number of shards cut, or empty when a cycle is still running
     */
    Optional<Integer> split(Shard.Kind kind);

    /** Takes shards until there are none left, then answers what this node did with them. */
    ShardReport drain();

    /** The last finished cycle of a kind; empty before the first. */
    Optional<CycleReport> lastCycle(Shard.Kind kind);

    /** Puts back shards whose worker stopped answering; answers how many. */
    int requeueExpired();

    /** Shards waiting in the shared queue. */
    long queued();

    /** True when some account's day boundary has passed: a reset cycle has work. */
    boolean resetsDue();

    /** True when a drain has work: shards are waiting, or some whose worker died were put back. */
    boolean drainHasWork();

    /** True while the triggers start no jobs, on every worker node. */
    boolean paused();

    /** Stops the triggers on every worker node, or on this one alone while the shared store is down. */
    void pause();

    void resume();
}
