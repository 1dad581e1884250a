package ai.tradesense.interfaces.batch;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * When the worker's jobs run. The timers only start jobs; the jobs do the work. Persistent timers fire
 * once per Payara Micro cluster of worker nodes; the drain timer is not persistent, so it fires on every
 * worker node and each one helps to empty the queue.
 */
@Singleton
public class Triggers {

    private static final Logger LOG = Logger.getLogger(Triggers.class.getName());

    @Inject
    JobLauncher launcher;

    /** Every minute: deadlines, inactivity, near-limit levels, stale feeds (and any boundary missed). */
    @Schedule(hour = "*", minute = "*", second = "10", persistent = true, info = WorkerJobs.RISK_SCAN)
    void riskScan() {
        fire(WorkerJobs.RISK_SCAN);
    }

    /**
     * Every minute, but the job starts only when some account's day boundary has passed: each plan resets
     * at its own time in its own zone, within a minute of it, and boundaries missed while no worker ran are
     * applied the first time this fires again.
     */
    @Schedule(hour = "*", minute = "*", second = "40", persistent = true, info = WorkerJobs.DAILY_RESET)
    void dailyReset() {
        fire(WorkerJobs.DAILY_RESET);
    }

    /** On every worker node: help drain the shards another node queued. */
    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = WorkerJobs.SHARD_DRAIN)
    void drain() {
        fire(WorkerJobs.SHARD_DRAIN);
    }

    @Schedule(hour = "*", minute = "*/10", second = "20", persistent = true, info = WorkerJobs.SNAPSHOTS)
    void snapshots() {
        fire(WorkerJobs.SNAPSHOTS);
    }

    @Schedule(hour = "3", minute = "17", timezone = "UTC", persistent = true, info = WorkerJobs.MAINTENANCE)
    void maintenance() {
        fire(WorkerJobs.MAINTENANCE);
    }

    /** Surveillance across accounts (copy trading, hedges, shared addresses): every five minutes. */
    @Schedule(hour = "*", minute = "*/5", second = "50", persistent = true, info = WorkerJobs.SURVEILLANCE)
    void surveillance() {
        fire(WorkerJobs.SURVEILLANCE);
    }

    /** A trigger never throws: a timer that fails is retried by the container, and the job is retried anyway. */
    private void fire(String job) {
        try {
            String what = launcher.trigger(job);
            LOG.log(Level.FINE, "Trigger {0}: {1}", new Object[] {job, what});
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Trigger " + job + " could not start the job", e);
        }
    }
}
