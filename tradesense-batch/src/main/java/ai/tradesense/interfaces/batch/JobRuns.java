package ai.tradesense.interfaces.batch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What this node's job executions did beyond what the job repository keeps: items and failures per
 * execution, and each job's latest execution here.
 */
@ApplicationScoped
public class JobRuns {

    /** Items handled and items that failed, and a line about the rest. */
    public record Counts(long items, long failures, String detail) { }

    private final Map<String, Long> latest = new ConcurrentHashMap<>();
    private final Map<Long, Counts> counts = new ConcurrentHashMap<>();

    void started(String job, long executionId) {
        latest.put(job, executionId);
    }

    void report(long executionId, long items, long failures, String detail) {
        counts.put(executionId, new Counts(items, failures, detail));
    }

    /** The latest execution of a job on this node; null before the first. */
    public Long latest(String job) {
        return latest.get(job);
    }

    public Counts counts(long executionId) {
        return counts.getOrDefault(executionId, new Counts(0, 0, ""));
    }
}
