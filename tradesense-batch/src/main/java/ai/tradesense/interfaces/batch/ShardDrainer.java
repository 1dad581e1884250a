package ai.tradesense.interfaces.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import ai.tradesense.application.risk.ShardReport;
import ai.tradesense.application.risk.WorkCycleService;

/** Takes shards from the shared queue until it is empty; challenges that failed are counted, not fatal. */
@Named("shardDrainer")
@Dependent
public class ShardDrainer extends AbstractBatchlet {

    @Inject
    JobContext job;

    @Inject
    WorkCycleService cycles;

    @Inject
    JobRuns runs;

    @Override
    public String process() {
        ShardReport report = cycles.drain();
        runs.report(job.getExecutionId(), report.scanned(), report.failures(), String.format(
                "(attended %d, ticks %d, alerts %d)", report.attended(), report.ticks(), report.alerts()));
        return report.failures() > 0 ? "COMPLETED_WITH_FAILURES" : "COMPLETED";
    }
}
