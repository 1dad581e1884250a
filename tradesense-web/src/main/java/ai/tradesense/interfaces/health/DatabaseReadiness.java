package ai.tradesense.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import ai.tradesense.application.NodeStatus;

/** Ready only when the database answers and its schema is current. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    NodeStatus node;

    @Override
    public HealthCheckResponse call() {
        NodeStatus.Check database = node.database();
        return HealthCheckResponse.named("database")
                .status(database.up())
                .withData("mode", node.embedded() ? "embedded (H2)" : "PostgreSQL")
                .withData("url", node.databaseDescription())
                .withData("status", database.detail())
                .build();
    }
}
