package ai.tradesense.interfaces.batch;

import java.util.List;

/** The worker's Jakarta Batch jobs (META-INF/batch-jobs), by name. */
public final class WorkerJobs {

    /** Cuts a scan cycle (ticks for deadlines and boundaries, alerts) into shards, then drains them. */
    public static final String RISK_SCAN = "risk-scan";
    /** Cuts a reset cycle (the day boundary of every account whose boundary has passed), then drains it. */
    public static final String DAILY_RESET = "daily-reset";
    /** Takes shards another node queued, until the queue is empty. */
    public static final String SHARD_DRAIN = "shard-drain";
    /** Extends the daily snapshots behind equity curves and statistics. */
    public static final String SNAPSHOTS = "snapshots";
    /** Prunes what retention allows and measures the tables. */
    public static final String MAINTENANCE = "maintenance";

    /** Surveillance across accounts over the current and the previous day: findings become alerts. */
    public static final String SURVEILLANCE = "surveillance";

    public static final List<String> ALL = List.of(RISK_SCAN, DAILY_RESET, SHARD_DRAIN, SNAPSHOTS, MAINTENANCE,
            SURVEILLANCE);

    private WorkerJobs() {
    }
}
