package ai.tradesense.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import ai.tradesense.application.NodeStatus;

/**
 * Ready only when the database answers and its schema is current. Public, so it shows the state and the
 * mode only; where the database is and why it is down are for staff ({@code GET /api/v1/admin/health}).
 */
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
                .withData("status", database.up() ? "available" : "unavailable")
                .build();
    }
}
