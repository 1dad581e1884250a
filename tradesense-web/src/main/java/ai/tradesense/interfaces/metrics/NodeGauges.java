package ai.tradesense.interfaces.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

import ai.tradesense.application.NodeStatus;
import ai.tradesense.application.SharedStoreHealth;
import ai.tradesense.application.risk.CycleRecords;
import ai.tradesense.application.risk.CycleReport;
import ai.tradesense.application.risk.Shard;
import ai.tradesense.application.risk.WorkQueue;
import ai.tradesense.interfaces.websocket.LiveSessions;

/**
 * The gauges the operators' dashboards read, under the names they already use. Each reads a live
 * value when scraped.
 */
@ApplicationScoped
public class NodeGauges {

    @Inject
    MetricRegistry registry;

    @Inject
    NodeStatus node;

    @Inject
    SharedStoreHealth sharedStore;

    @Inject
    WorkQueue workQueue;

    @Inject
    CycleRecords cycles;

    @Inject
    Clock clock;

    @Inject
    LiveSessions liveSessions;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        ResponseTimer.registerCommonSeries(registry);
        gauge("database_connection_pool_usage",
                "Database connections in use divided by the pool's maximum", node::databasePoolUsage);
        gauge("database_replica_lag_seconds", "How far the read replica is behind the primary, in seconds"
                + " (-1 without a read replica or while it cannot be reached)", node::replicaLagSeconds);
        gauge("database_replica_in_use", "1 while list, statistics, audit and export reads go to the read"
                + " replica, 0 while they read the primary", () -> node.replicaInUse() ? 1 : 0);
        gauge("redis_memory_usage_bytes",
                "Memory used by Redis (INFO used_memory); 0 in embedded mode or while Redis is down",
                sharedStore::usedMemoryBytes);
        gauge("worker_queue_length",
                "Risk-scan shards waiting in the shared work queue",
                workQueue::length);
        gauge("websocket_connections_active", "Open WebSocket sessions on this node", liveSessions::count);
        gauge("worker_lag_seconds", "Age of the newest complete risk scan: seconds since the last finished scan"
                + " cycle started (-1 before the first)", () -> lastScan()
                .map(c -> Duration.between(c.startedAt(), clock.instant()).toMillis() / 1000.0)
                .orElse(-1.0));
        gauge("worker_cycle_duration_seconds", "How long the last finished risk scan cycle took, across all"
                + " workers (-1 before the first)", () -> lastScan()
                .map(c -> c.durationMillis() / 1000.0).orElse(-1.0));
    }

    /** The last finished scan cycle, as the workers record it in the shared store. */
    private Optional<CycleReport> lastScan() {
        return cycles.last(Shard.Kind.SCAN);
    }

    private void gauge(String name, String description, Supplier<Number> value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description)
                .withUnit(MetricUnits.NONE).build(), value, Supplier::get);
    }
}
