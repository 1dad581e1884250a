package ai.tradesense.interfaces.batch;

/**
 * The worker on JMX, as {@code ai.tradesense:type=RiskMonitor}: the last run of each job on this node,
 * the last finished cycles, the queue, and the operator's switches.
 */
public interface RiskMonitorMBean {

    /** True while triggers start no jobs (on every worker node). */
    boolean isPaused();

    /** The job names {@link #runNow} accepts. */
    String[] getJobs();

    /**
     * The latest execution of each job on this node, one line each: job, execution, status, start, end,
     * items, failures.
     */
    String[] getLastRuns();

    /** The last finished scan cycle across all workers, as JSON (empty before the first). */
    String getLastScanCycle();

    /** The last finished reset cycle across all workers, as JSON (empty before the first). */
    String getLastResetCycle();

    /** Shards waiting in the shared queue. */
    long getQueueLength();

    /** Stops the triggers from starting jobs, on every worker node; running jobs finish. */
    void pause();

    void resume();

    /** Starts a job now, even while paused; answers what was done. */
    String runNow(String job);

    /** The latest execution of one job on this node, as JSON (empty before the first). */
    String lastRun(String job);
}
