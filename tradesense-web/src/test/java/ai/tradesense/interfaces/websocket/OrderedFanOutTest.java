package ai.tradesense.interfaces.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class OrderedFanOutTest {

    /** An executor that runs what it is given only when the test says so, as a busy pool would. */
    private static final class Held implements Executor {
        final Deque<Runnable> submitted = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            submitted.add(task);
        }

        void runAll() {
            for (Runnable task = submitted.poll(); task != null; task = submitted.poll()) {
                task.run();
            }
        }
    }

    @Test
    void runsTasksInTheOrderTheyCameOnOneExecutorTaskAtATime() {
        Held executor = new Held();
        List<Integer> ran = new ArrayList<>();
        OrderedFanOut fanOut = new OrderedFanOut(executor, 100, () -> { });

        for (int i = 0; i < 10; i++) {
            int n = i;
            fanOut.execute(() -> ran.add(n));
        }
        assertThat(executor.submitted).as("one drain for the burst").hasSize(1);
        executor.runAll();

        assertThat(ran).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void dropsWhatComesBeyondTheBacklogAndSaysSo() {
        Held executor = new Held();
        AtomicInteger dropped = new AtomicInteger();
        List<Integer> ran = new ArrayList<>();
        OrderedFanOut fanOut = new OrderedFanOut(executor, 3, dropped::incrementAndGet);

        for (int i = 0; i < 5; i++) {
            int n = i;
            fanOut.execute(() -> ran.add(n));
        }
        executor.runAll();

        assertThat(ran).containsExactly(0, 1, 2);
        assertThat(dropped).hasValue(2);
    }

    @Test
    void aLongBacklogIsDrainedInBatchesAndAFailingTaskStopsNothing() {
        Held executor = new Held();
        AtomicInteger ran = new AtomicInteger();
        OrderedFanOut fanOut = new OrderedFanOut(executor, 5_000, () -> { });
        fanOut.execute(() -> {
            throw new IllegalStateException("a session went away");
        });
        for (int i = 0; i < 2_500; i++) {
            fanOut.execute(ran::incrementAndGet);
        }

        executor.runAll();

        assertThat(ran).hasValue(2_500);
    }

    @Test
    void runsNothingOnceShutDown() {
        Held executor = new Held();
        AtomicInteger ran = new AtomicInteger();
        OrderedFanOut fanOut = new OrderedFanOut(executor, 10, () -> { });
        fanOut.execute(ran::incrementAndGet);

        fanOut.shutdownNow();
        fanOut.execute(ran::incrementAndGet);
        executor.runAll();

        assertThat(ran).hasValue(0);
    }
}
