package ai.tradesense.infrastructure.redis;

import ai.tradesense.application.risk.Shard;

/**
 * Names of the shared work queue and of the worker state kept beside it in the shared store. A queue's
 * in-flight list and leases are touched with it by one script, so in a Redis Cluster all three must be in
 * one slot: their hash tag is the queue's whole name, and a key without braces (the queue) hashes whole,
 * to that same slot. Every other key is used alone, one command at a time, and may be in any slot.
 */
final class Keys {

    /** Shards of the worker's cycles (risk scans and daily resets) waiting for a worker. */
    static final String RISK_SCAN = "tradesense:queue:risk-scan";

    /** Present while the workers are paused (JMX {@code pause}); every worker node honours it. */
    static final String PAUSED = "tradesense:worker:paused";

    private Keys() {
    }

    /** Items of {@code queue} claimed by a worker and not completed yet. */
    static String inFlight(String queue) {
        return "{" + queue + "}:inflight";
    }

    /** When the claim on each in-flight item of {@code queue} runs out, as a sorted set. */
    static String leases(String queue) {
        return "{" + queue + "}:leases";
    }

    /** The last completed cycle of a kind, as JSON ({@link CycleDocuments}). */
    static String lastCycle(Shard.Kind kind) {
        return "tradesense:worker:last-cycle:" + kind.name();
    }

    /** Held while a cycle of a kind is under way, so no second one is cut before it ends. */
    static String runningCycle(Shard.Kind kind) {
        return "tradesense:worker:running-cycle:" + kind.name();
    }

    /** Shards of a cycle not finished yet. */
    static String remaining(String cycle) {
        return "tradesense:cycle:" + cycle + ":remaining";
    }

    /** When a cycle was cut, in epoch milliseconds. */
    static String started(String cycle) {
        return "tradesense:cycle:" + cycle + ":started";
    }

    /** Finished shards of a cycle: shard index to the node and report, set once per shard. */
    static String done(String cycle) {
        return "tradesense:cycle:" + cycle + ":done";
    }
}
