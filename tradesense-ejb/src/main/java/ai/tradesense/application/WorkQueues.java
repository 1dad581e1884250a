package ai.tradesense.application;

/** Names of the shared work queues. */
public final class WorkQueues {

    /** Shards of the risk scan waiting for a worker. */
    public static final String RISK_SCAN = "tradesense:queue:risk-scan";

    private WorkQueues() {
    }
}
