package ai.tradesense.infrastructure.redis;

import ai.tradesense.application.risk.Shard;

/** Names of the shared work queue and of the worker state kept beside it in the shared store. */
final class Keys {

    /** Shards of the worker's cycles (risk scans and daily resets) waiting for a worker. */
    static final String RISK_SCAN = "tradesense:queue:risk-scan";

    /** Present while the workers are paused (JMX {@code pause}); every worker node honours it. */
    static final String PAUSED = "tradesense:worker:paused";

    private Keys() {
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
