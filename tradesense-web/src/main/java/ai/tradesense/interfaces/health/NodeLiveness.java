package ai.tradesense.interfaces.health;

import java.lang.management.ManagementFactory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import ai.tradesense.application.NodeStatus;

/** The node is alive while it can answer; a database or Redis outage is a readiness matter. */
@Liveness
@ApplicationScoped
public class NodeLiveness implements HealthCheck {

    @Inject
    NodeStatus node;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("node")
                .up()
                .withData("mode", node.embedded() ? "embedded" : "production")
                .withData("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000)
                .build();
    }
}
