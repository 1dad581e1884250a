package ai.tradesense.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import ai.tradesense.application.NodeStatus;

/**
 * Reports Redis without gating readiness: trading goes on when Redis is down (rate limits and
 * fan-out run locally), so the check stays UP and says {@code available: false}.
 */
@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {

    @Inject
    NodeStatus node;

    @Override
    public HealthCheckResponse call() {
        NodeStatus.Check redis = node.sharedStore();
        return HealthCheckResponse.named("redis")
                .up()
                .withData("available", redis.up())
                .withData("status", redis.detail())
                .build();
    }
}
