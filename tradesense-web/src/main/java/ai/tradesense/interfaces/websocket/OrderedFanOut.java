package ai.tradesense.interfaces.websocket;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs tasks one at a time, in the order they came, on the container's executor: a bounded backlog
 * drained by one task at a time, so a burst never takes more than one of the executor's threads. A task
 * beyond the backlog is dropped (and {@code onOverflow} runs instead). Each drain runs a bounded batch and
 * then hands over to a fresh one, so no executor thread is held for long.
 */
final class OrderedFanOut {

    private static final Logger LOG = Logger.getLogger(OrderedFanOut.class.getName());
    static final int BATCH = 1_000;

    private final Executor executor;
    private final BlockingQueue<Runnable> backlog;
    private final Runnable onOverflow;
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean stopped;

    OrderedFanOut(Executor executor, int backlog, Runnable onOverflow) {
        this.executor = executor;
        this.backlog = new LinkedBlockingQueue<>(backlog);
        this.onOverflow = onOverflow;
    }

    void execute(Runnable task) {
        if (stopped) {
            return;
        }
        if (!backlog.offer(task)) {
            onOverflow.run();
            return;
        }
        schedule();
    }

    /** Drops what is waiting and runs nothing more. */
    void shutdownNow() {
        stopped = true;
        backlog.clear();
    }

    private void schedule() {
        if (!stopped && !backlog.isEmpty() && draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false);
                LOG.log(Level.WARNING, "The container's executor refused the live fan-out: {0}", e.getMessage());
            }
        }
    }

    private void drain() {
        try {
            for (int run = 0; run < BATCH && !stopped; run++) {
                Runnable task = backlog.poll();
                if (task == null) {
                    break;
                }
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A live fan-out task failed", e);
                }
            }
        } finally {
            draining.set(false);
        }
        // A task that came while this drain was ending, or the rest of a long backlog.
        schedule();
    }
}
