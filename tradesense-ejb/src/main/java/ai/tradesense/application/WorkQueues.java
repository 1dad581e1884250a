package ai.tradesense.application;

/** Names of the shared work queue and of the worker state kept beside it in the shared store. */
public final class WorkQueues {

    /** Shards of the worker's cycles (risk scans and daily resets) waiting for a worker. */
    public static final String RISK_SCAN = "tradesense:queue:risk-scan";

    /** Present while the workers are paused (JMX {@code pause}); every worker node honours it. */
    public static final String PAUSED = "tradesense:worker:paused";

    private WorkQueues() {
    }

    /** The last completed cycle of a kind (RESET or SCAN), as JSON: when it started and ended, and what it did. */
    public static String lastCycle(String kind) {
        return "tradesense:worker:last-cycle:" + kind;
    }

    /** Held while a cycle of a kind is under way, so no second one is cut before it ends. */
    public static String runningCycle(String kind) {
        return "tradesense:worker:running-cycle:" + kind;
    }

    /** Shards of a cycle not finished yet. */
    public static String remaining(String cycle) {
        return "tradesense:cycle:" + cycle + ":remaining";
    }

    /** When a cycle was cut, in epoch milliseconds. */
    public static String started(String cycle) {
        return "tradesense:cycle:" + cycle + ":started";
    }

    /** Finished shards of a cycle: shard index to the node and report, set once per shard. */
    public static String done(String cycle) {
        return "tradesense:cycle:" + cycle + ":done";
    }
}
