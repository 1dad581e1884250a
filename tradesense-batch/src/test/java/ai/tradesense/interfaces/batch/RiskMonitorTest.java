package ai.tradesense.interfaces.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.tradesense.application.risk.Shard;

/** The figures and switches the JMX monitor shows an operator. */
class RiskMonitorTest {

    private final Worker worker = new Worker();
    private final JobLauncher launcher = new JobLauncher();
    private RiskMonitor monitor;

    @BeforeEach
    void emptyStore() {
        Worker.forgetEverything();
        launcher.cycles = worker.cycles;
        monitor = new RiskMonitor(launcher, new JobRuns(), worker.cycles, new RiskMonitor.Direct());
    }

    @Test
    void showsTheQueueAndTheLastCycleAsTheStoreKeepsIt() {
        worker.monitor.challenges = 25;
        worker.cycles.split(Shard.Kind.SCAN);
        assertThat(monitor.getQueueLength()).isEqualTo(3);
        assertThat(monitor.getLastScanCycle()).isEmpty();

        worker.cycles.drain();

        String cycle = worker.cycles.lastCycle(Shard.Kind.SCAN).orElseThrow().cycle();
        assertThat(monitor.getQueueLength()).isZero();
        assertThat(monitor.getLastScanCycle()).isEqualTo("{\"cycle\":\"" + cycle + "\",\"kind\":\"SCAN\","
                + "\"startedAt\":\"2026-11-30T12:00:00Z\",\"finishedAt\":\"2026-11-30T12:00:03Z\",\"durationMillis\":3000,"
                + "\"shards\":3,\"scanned\":25,\"attended\":6,\"ticks\":9,\"alerts\":3,\"failures\":0,"
                + "\"shardsByNode\":{\"" + worker.cycles.node() + "\":3}}");
        assertThat(monitor.getLastResetCycle()).isEmpty();
    }

    @Test
    void pausesAndResumesEveryWorker() {
        assertThat(monitor.isPaused()).isFalse();

        monitor.pause();
        assertThat(monitor.isPaused()).isTrue();
        assertThat(new Worker().cycles.paused()).isTrue();

        monitor.resume();
        assertThat(monitor.isPaused()).isFalse();
    }

    @Test
    void namesTheJobsAndSaysWhenNoneRanHereYet() {
        assertThat(monitor.getJobs()).containsExactly("risk-scan", "daily-reset", "shard-drain", "snapshots",
                "maintenance", "surveillance");
        assertThat(monitor.getLastRuns()).contains("risk-scan: no run on this node yet");
        assertThat(monitor.lastRun("snapshots")).isEmpty();
        assertThatThrownBy(() -> monitor.lastRun("no-such-job")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no job 'no-such-job'");
        assertThatThrownBy(() -> monitor.runNow("no-such-job")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no job 'no-such-job'");
    }
}
