package ai.tradesense.application.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import ai.tradesense.application.challenge.CommitFailedException;

/**
 * Group commit: ingestion requests wait here, and one drain at a time (a task of the container's
 * executor, started when work arrives) takes whatever is waiting, up to {@link #MAX_EVENTS} events, into
 * one transaction, and answers each request only after it committed. A failed commit fails every request
 * in it. While a transaction runs the next requests gather, so the busier the node, the more each commit
 * carries; one drain keeps a challenge's events in arrival order on this node, the row locks across nodes.
 * Prometheus shows {@code ingestion_requests_total} and {@code ingestion_commits_total}.
 */
@ApplicationScoped
public class IngestionWriter {

    /** Events in one shared transaction; a larger request still goes alone. */
    static final int MAX_EVENTS = 5_000;

    private static final Logger LOG = Logger.getLogger(IngestionWriter.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    DefaultEventIngestion transactions;

    @Inject
    MetricRegistry registry;

    @Resource(lookup = "java:app/AppName")
    String application;

    private final Queue<Submission> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private Counter requests;
    private Counter commits;
    private Counter failedCommits;

    /** The counters exist, at 0, from start-up rather than from the first request. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registerOnce();
    }

    /** Queues the request; its future completes after the commit that holds it (or its failure). */
    CompletableFuture<Submission.Settled> submit(Submission submission) {
        registerOnce();
        requests.inc();
        waiting.add(submission);
        drainIfIdle();
        return submission.settled();
    }

    private void drainIfIdle() {
        if (!waiting.isEmpty() && draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false);
                LOG.log(Level.WARNING, "No executor thread for the ingestion writer", e);
                List<Submission> stranded = take();
                while (!stranded.isEmpty()) {
                    stranded.forEach(s -> s.settled().completeExceptionally(new CommitFailedException(e)));
                    stranded = take();
                }
            }
        }
    }

    private void drain() {
        try {
            for (List<Submission> group = take(); !group.isEmpty(); group = take()) {
                commit(group);
            }
        } finally {
            draining.set(false);
        }
        // A request queued after the last take but before the flag was cleared would wait otherwise.
        drainIfIdle();
    }

    /** Whatever is waiting, in arrival order, up to MAX_EVENTS events (at least one request). */
    private List<Submission> take() {
        List<Submission> group = new ArrayList<>();
        int events = 0;
        for (Submission next = waiting.peek(); next != null; next = waiting.peek()) {
            if (!group.isEmpty() && events + next.entries().size() > MAX_EVENTS) {
                break;
            }
            group.add(waiting.poll());
            events += next.entries().size();
        }
        return group;
    }

    private void commit(List<Submission> group) {
        List<Submission.Settled> settled;
        try {
            settled = transactions.commit(group);
        } catch (RuntimeException e) {
            failedCommits.inc();
            LOG.log(Level.WARNING, "A shared ingestion transaction of " + group.size() + " requests failed", e);
            answer(group, null, new CommitFailedException(e));
            return;
        }
        commits.inc();
        answer(group, settled, null);
    }

    /** Answers are written off the drain, so the next transaction starts at once. */
    private void answer(List<Submission> group, List<Submission.Settled> settled, RuntimeException failure) {
        Runnable complete = () -> {
            for (int i = 0; i < group.size(); i++) {
                CompletableFuture<Submission.Settled> future = group.get(i).settled();
                if (failure != null) {
                    future.completeExceptionally(failure);
                } else if (settled.get(i) instanceof Submission.Settled.Refused refused) {
                    future.completeExceptionally(refused.problem());
                } else {
                    future.complete(settled.get(i));
                }
            }
        };
        try {
            executor.execute(complete);
        } catch (RejectedExecutionException e) {
            complete.run();
        }
    }

    private synchronized void registerOnce() {
        if (requests == null) {
            requests = counter("ingestion_requests", "Ingestion requests queued for a shared transaction");
            commits = counter("ingestion_commits", "Shared ingestion transactions committed");
            failedCommits = counter("ingestion_commit_failures", "Shared ingestion transactions that failed");
        }
    }

    private Counter counter(String name, String description) {
        return registry.counter(Metadata.builder().withName(name).withDescription(description).build(),
                new Tag("app", application == null ? "unknown" : application));
    }
}
