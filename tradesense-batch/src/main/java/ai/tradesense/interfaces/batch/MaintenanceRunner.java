package ai.tradesense.interfaces.batch;

import java.time.Clock;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import ai.tradesense.application.risk.RiskMonitorService;

/** Prunes what the retention settings allow and reports the size of every table. */
@Named("maintenanceRunner")
@Dependent
public class MaintenanceRunner extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(MaintenanceRunner.class.getName());

    @Inject
    JobContext job;

    @Inject
    RiskMonitorService monitor;

    @Inject
    JobRuns runs;

    @Inject
    Clock clock;

    @Override
    public String process() {
        Map<String, Long> report = monitor.maintain(clock.instant());
        long pruned = report.entrySet().stream().filter(e -> e.getKey().startsWith("pruned."))
                .mapToLong(Map.Entry::getValue).sum();
        runs.report(job.getExecutionId(), pruned, 0, report.toString());
        LOG.log(Level.INFO, "Maintenance: {0}", report);
        return "COMPLETED";
    }
}
