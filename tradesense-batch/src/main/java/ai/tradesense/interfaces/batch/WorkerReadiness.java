package ai.tradesense.interfaces.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import ai.tradesense.application.NodeStatus;

/**
 * A worker is ready when its database answers with a current schema: a worker node without the API has
 * no other readiness check, and one that cannot reach the database can do no work.
 */
@Readiness
@ApplicationScoped
public class WorkerReadiness implements HealthCheck {

    @Inject
    NodeStatus node;

    @Inject
    JobLauncher launcher;

    @Inject
    WorkCycles cycles;

    @Override
    public HealthCheckResponse call() {
        NodeStatus.Check database = node.database();
        return HealthCheckResponse.named("worker")
                .status(database.up())
                .withData("database", database.detail())
                .withData("paused", launcher.paused())
                .withData("queuedShards", cycles.queued())
                .build();
    }
}
