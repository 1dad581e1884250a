package ai.tradesense.interfaces.batch;

import java.util.Date;
import java.util.concurrent.Callable;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import ai.tradesense.application.risk.Shard;
import ai.tradesense.application.risk.WorkCycleService;
import ai.tradesense.infrastructure.redis.CycleDocuments;
import ai.tradesense.infrastructure.json.Json;

/**
 * The MBean behind {@link RiskMonitorMBean}. JMX calls arrive on threads that know nothing of the
 * application; each call runs through a contextual proxy made while the application started, so the
 * batch runtime sees the application (its jobs, its data source) as it does on the timers' threads. A
 * standard JMX client knows only the JDK's classes, so failures reach it as plain exceptions with the
 * message.
 */
final class RiskMonitor implements RiskMonitorMBean {

    /** Runs work in the application's context; made by {@code ContextService.createContextualProxy}. */
    public interface InApplication {
        Object call(Callable<?> work) throws Exception;
    }

    /** The plain implementation the contextual proxy wraps. */
    static final class Direct implements InApplication {
        @Override
        public Object call(Callable<?> work) throws Exception {
            return work.call();
        }
    }

    private final JobLauncher launcher;
    private final JobRuns runs;
    private final WorkCycleService cycles;
    private final InApplication application;

    RiskMonitor(JobLauncher launcher, JobRuns runs, WorkCycleService cycles, InApplication application) {
        this.launcher = launcher;
        this.runs = runs;
        this.cycles = cycles;
        this.application = application;
    }

    @SuppressWarnings("unchecked")
    private <T> T inApplication(Callable<T> call) {
        try {
            return (T) application.call(call);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage());
        } catch (Exception e) {
            throw new IllegalStateException(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public boolean isPaused() {
        return inApplication(cycles::paused);
    }

    @Override
    public String[] getJobs() {
        return WorkerJobs.ALL.toArray(String[]::new);
    }

    @Override
    public String[] getLastRuns() {
        return inApplication(() -> WorkerJobs.ALL.stream().map(this::describe).toArray(String[]::new));
    }

    private String describe(String job) {
        String run = run(job);
        return job + ": " + (run.isEmpty() ? "no run on this node yet" : run);
    }

    @Override
    public String getLastScanCycle() {
        return inApplication(() -> cycles.lastCycle(Shard.Kind.SCAN).map(CycleDocuments::write).orElse(""));
    }

    @Override
    public String getLastResetCycle() {
        return inApplication(() -> cycles.lastCycle(Shard.Kind.RESET).map(CycleDocuments::write).orElse(""));
    }

    @Override
    public long getQueueLength() {
        return inApplication(cycles::queued);
    }

    @Override
    public void pause() {
        inApplication(() -> {
            cycles.pause();
            return null;
        });
    }

    @Override
    public void resume() {
        inApplication(() -> {
            cycles.resume();
            return null;
        });
    }

    @Override
    public String runNow(String job) {
        return inApplication(() -> launcher.start(job));
    }

    @Override
    public String lastRun(String job) {
        if (!WorkerJobs.ALL.contains(job)) {
            throw new IllegalArgumentException("no job '" + job + "'; jobs: " + WorkerJobs.ALL);
        }
        return inApplication(() -> run(job));
    }

    /** The latest execution of a job on this node as JSON, or "" before the first. */
    private String run(String job) {
        Long id = runs.latest(job);
        if (id == null) {
            return "";
        }
        JobExecution execution = JobLauncher.withApplicationLoader(() -> BatchRuntime.getJobOperator().getJobExecution(id));
        JobRuns.Counts counts = runs.counts(id);
        JsonObjectBuilder json = Json.createObjectBuilder().add("job", job).add("execution", id)
                .add("status", execution.getBatchStatus().name())
                .add("exitStatus", execution.getExitStatus() == null ? "" : execution.getExitStatus());
        date(json, "start", execution.getStartTime());
        date(json, "end", execution.getEndTime());
        return json.add("items", counts.items()).add("failures", counts.failures()).add("detail", counts.detail())
                .build().toString();
    }

    private static void date(JsonObjectBuilder json, String name, Date value) {
        json.add(name, value == null ? JsonValue.NULL : Json.createValue(value.toInstant().toString()));
    }
}
