package ai.tradesense.interfaces.batch;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import ai.tradesense.application.risk.SurveillanceScan;

/** Runs surveillance across accounts once and reports what it read and raised. */
@Named("surveillanceRunner")
@Dependent
public class SurveillanceRunner extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(SurveillanceRunner.class.getName());

    @Inject
    JobContext job;

    @Inject
    SurveillanceScan surveillance;

    @Inject
    JobRuns runs;

    @Inject
    Clock clock;

    @Override
    public String process() {
        SurveillanceScan.Report report = surveillance.scan(clock.instant());
        runs.report(job.getExecutionId(), report.trades(), 0, report.toString());
        LOG.log(Level.FINE, "Surveillance job: {0}", report);
        return "COMPLETED";
    }
}
