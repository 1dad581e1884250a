package ai.tradesense.interfaces.batch;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Notes each execution as it starts and logs how it ended. */
@Named("jobRecorder")
@Dependent
public class JobRecorder implements JobListener {

    private static final Logger LOG = Logger.getLogger(JobRecorder.class.getName());

    @Inject
    JobContext job;

    @Inject
    JobRuns runs;

    @Override
    public void beforeJob() {
        runs.started(job.getJobName(), job.getExecutionId());
    }

    @Override
    public void afterJob() {
        JobRuns.Counts counts = runs.counts(job.getExecutionId());
        Level level = counts.failures() > 0 ? Level.WARNING : Level.FINE;
        LOG.log(level, "Job {0} execution {1} ended ({2}): {3} items, {4} failures {5}",
                new Object[] {job.getJobName(), job.getExecutionId(), job.getExitStatus(), counts.items(),
                        counts.failures(), counts.detail()});
    }
}
