package ai.tradesense.application.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import ai.tradesense.application.challenge.CommitFailedException;

/**
 * Group commit: ingestion requests wait here for one of {@code tradesense.ingestion.writers} writer threads
 * (default 4). Each challenge belongs to one writer (a hash of its id), so its events keep their arrival
 * order on this node; the row lock orders them across nodes. A writer takes whatever is waiting for it, up
 * to {@link #MAX_EVENTS} events, into one transaction, and answers each request only after it committed; a
 * failed commit fails every request in it. While a transaction runs the next requests gather, so the
 * busier the node, the more each commit carries. A bridge request over challenges of several writers is
 * split ({@link SubmissionParts}) and answered once every part settled. Writers lock disjoint challenges,
 * so they never wait for each other. Prometheus shows {@code ingestion_requests_total} and
 * {@code ingestion_commits_total}.
 */
@ApplicationScoped
public class IngestionWriter {

    /** Events in one shared transaction; a larger request still goes alone. */
    static final int MAX_EVENTS = 5_000;

    /** Threads writing answers; an answer is a few hundred bytes of JSON. */
    private static final int ANSWERING_THREADS = 2;

    private static final Logger LOG = Logger.getLogger(IngestionWriter.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    DefaultEventIngestion transactions;

    @Inject
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "tradesense.ingestion.writers", defaultValue = "4")
    int writerCount;

    @Resource(lookup = "java:app/AppName")
    String application;

    /** Answers requests after their commit: threads made once by the container (a managed executor's
     * submit captured the thread context at every task, scanning the class path each time). */
    private volatile ExecutorService answering;
    private volatile Writer[] writers;
    private volatile boolean stopped;
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
        Writer[] all = writers;
        SubmissionParts.split(submission, id -> Math.floorMod(id.hashCode(), all.length))
                .forEach((writer, part) -> all[writer].waiting.add(part));
        return submission.settled();
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (answering != null) {
            answering.shutdown();
        }
        Writer[] all = writers;
        if (all != null) {
            for (Writer writer : all) {
                writer.thread.interrupt();
            }
        }
    }

    /** One writer thread and the requests waiting for it. */
    private final class Writer implements Runnable {

        private final BlockingQueue<Submission> waiting = new LinkedBlockingQueue<>();
        private Thread thread;

        @Override
        public void run() {
            while (!stopped) {
                List<Submission> group;
                try {
                    group = take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                try {
                    commit(group);
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "The ingestion writer could not answer a transaction", e);
                }
            }
            CommitFailedException stopping = new CommitFailedException(new IllegalStateException("node stopping"));
            for (Submission left = waiting.poll(); left != null; left = waiting.poll()) {
                left.settled().completeExceptionally(stopping);
            }
        }

        /** Whatever is waiting, in arrival order, up to MAX_EVENTS events (at least one request). */
        private List<Submission> take() throws InterruptedException {
            List<Submission> group = new ArrayList<>();
            group.add(waiting.take());
            int events = group.get(0).entries().size();
            for (Submission next = waiting.peek(); next != null; next = waiting.peek()) {
                if (events + next.entries().size() > MAX_EVENTS) {
                    break;
                }
                group.add(waiting.poll());
                events += next.entries().size();
            }
            return group;
        }
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
            answering.execute(complete);
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
        if (writers == null) {
            answering = Executors.newFixedThreadPool(ANSWERING_THREADS, threads);
            Writer[] all = new Writer[Math.max(1, writerCount)];
            for (int i = 0; i < all.length; i++) {
                all[i] = new Writer();
                all[i].thread = threads.newThread(all[i]);
                all[i].thread.setName("ingestion-writer-" + i);
                all[i].thread.start();
            }
            writers = all;
        }
    }

    private Counter counter(String name, String description) {
        return registry.counter(Metadata.builder().withName(name).withDescription(description).build(),
                new Tag("app", application == null ? "unknown" : application));
    }
}
