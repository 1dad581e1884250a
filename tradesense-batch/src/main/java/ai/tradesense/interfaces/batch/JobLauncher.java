package ai.tradesense.interfaces.batch;

import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.tradesense.application.risk.WorkCycleService;

/**
 * Starts the worker's jobs through the {@link JobOperator}: never one that is still running, a failed
 * one by restarting it (so a failure is retried at the next trigger), and none from a trigger while the
 * workers are paused ({@link WorkCycleService#paused}) or the job has no work.
 */
@ApplicationScoped
public class JobLauncher {

    private static final Logger LOG = Logger.getLogger(JobLauncher.class.getName());

    @Inject
    WorkCycleService cycles;

    /** A timer's request: starts the job unless the workers are paused. */
    String trigger(String job) {
        if (cycles.paused()) {
            return "paused";
        }
        return switch (job) {
            case WorkerJobs.DAILY_RESET -> cycles.resetsDue() ? start(job) : "nothing due";
            case WorkerJobs.SHARD_DRAIN -> cycles.drainHasWork() ? start(job) : "queue empty";
            default -> start(job);
        };
    }

    /**
     * Starts a job now (an operator's request, or a trigger's): refused while an execution of it is still
     * running; a job whose latest execution failed is restarted.
     *
     * @return what was done, in words
     */
    public String start(String job) {
        if (!WorkerJobs.ALL.contains(job)) {
            throw new IllegalArgumentException("no job '" + job + "'; jobs: " + WorkerJobs.ALL);
        }
        return withApplicationLoader(() -> launch(job));
    }

    private String launch(String job) {
        JobOperator operator = BatchRuntime.getJobOperator();
        List<Long> running = running(operator, job);
        if (!running.isEmpty()) {
            return "still running: execution " + running.get(0);
        }
        JobExecution last = latest(operator, job);
        if (last != null && (last.getBatchStatus() == BatchStatus.FAILED || last.getBatchStatus() == BatchStatus.STOPPED)) {
            long id = operator.restart(last.getExecutionId(), new Properties());
            LOG.log(Level.WARNING, "Job {0}: execution {1} ended {2} ({3}); restarted as execution {4}",
                    new Object[] {job, last.getExecutionId(), last.getBatchStatus(), last.getExitStatus(), id});
            return "restarted failed execution " + last.getExecutionId() + " as execution " + id;
        }
        long id = operator.start(job, new Properties());
        LOG.log(Level.FINE, "Job {0} started as execution {1}", new Object[] {job, id});
        return "started execution " + id;
    }

    /**
     * Runs batch runtime calls with the application's class loader as the thread's context loader: the
     * runtime finds itself and the job definitions through it, and threads that did not come from the
     * application (JMX, executors) carry another.
     */
    static <T> T withApplicationLoader(Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JobLauncher.class.getClassLoader());
        try {
            return call.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static List<Long> running(JobOperator operator, String job) {
        try {
            return operator.getRunningExecutions(job);
        } catch (NoSuchJobException e) {
            return List.of();
        }
    }

    /** The newest execution of the job's newest instance, or null before the first. */
    static JobExecution latest(JobOperator operator, String job) {
        try {
            List<JobInstance> instances = operator.getJobInstances(job, 0, 1);
            if (instances.isEmpty()) {
                return null;
            }
            List<JobExecution> executions = operator.getJobExecutions(instances.get(0));
            return executions.stream().max((a, b) -> Long.compare(a.getExecutionId(), b.getExecutionId())).orElse(null);
        } catch (NoSuchJobException e) {
            return null;
        }
    }
}
