package ai.tradesense.interfaces.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ai.tradesense.application.risk.RiskMonitorService;
import ai.tradesense.application.risk.ShardReport;

/** Brings the daily snapshots up to date with the events recorded since the last run. */
@Named("snapshotTaker")
@Dependent
public class SnapshotTaker extends AbstractBatchlet {

    @Inject
    JobContext job;

    @Inject
    RiskMonitorService monitor;

    @Inject
    JobRuns runs;

    /** Challenges per pass; the job passes again until none is left behind. */
    @Inject
    @ConfigProperty(name = "tradesense.worker.snapshot-batch", defaultValue = "1000")
    int batch;

    @Override
    public String process() {
        ShardReport total = ShardReport.NONE;
        ShardReport pass;
        do {
            pass = monitor.takeSnapshots(batch);
            total = total.plus(pass);
        } while (pass.scanned() == batch && pass.failures() < pass.scanned());
        runs.report(job.getExecutionId(), total.attended(), total.failures(), "");
        return total.failures() > 0 ? "COMPLETED_WITH_FAILURES" : "COMPLETED";
    }
}
