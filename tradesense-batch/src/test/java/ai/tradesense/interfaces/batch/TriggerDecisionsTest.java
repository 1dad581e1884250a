package ai.tradesense.interfaces.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.tradesense.application.risk.WorkerFlags;

/** What a timer's trigger decides before it would start a job. */
class TriggerDecisionsTest {

    private final Worker worker = new Worker();
    private final JobLauncher launcher = new JobLauncher();

    @BeforeEach
    void emptyStore() {
        Worker.forgetEverything();
        launcher.cycles = worker.cycles;
    }

    @Test
    void aPausedWorkerStartsNothingAndThePauseHoldsOnEveryNode() {
        worker.cycles.pause();

        assertThat(launcher.trigger(WorkerJobs.RISK_SCAN)).isEqualTo("paused");
        assertThat(new Worker().cycles.paused()).as("another node sees the pause").isTrue();

        worker.cycles.resume();
        assertThat(new Worker().cycles.paused()).isFalse();
    }

    @Test
    void thePauseHoldsOnThisNodeWhenItCannotBeShared() {
        Worker alone = new Worker(Worker.STORE.health(), new WorkerFlags() {
            @Override
            public boolean paused() {
                return false;
            }

            @Override
            public boolean pause() {
                return false;
            }

            @Override
            public void resume() {
            }
        });
        launcher.cycles = alone.cycles;

        alone.cycles.pause();

        assertThat(launcher.trigger(WorkerJobs.DAILY_RESET)).isEqualTo("paused");
        alone.cycles.resume();
        assertThat(alone.cycles.paused()).isFalse();
    }

    @Test
    void theDailyResetWaitsForABoundaryToPass() {
        worker.monitor.resetsDue = false;

        assertThat(launcher.trigger(WorkerJobs.DAILY_RESET)).isEqualTo("nothing due");
    }

    @Test
    void theDrainWaitsForShards() {
        assertThat(launcher.trigger(WorkerJobs.SHARD_DRAIN)).isEqualTo("queue empty");
    }

    @Test
    void anUnknownJobIsRefusedByName() {
        assertThatThrownBy(() -> launcher.start("no-such-job")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no job 'no-such-job'");
    }
}
