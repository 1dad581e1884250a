package ai.tradesense.infrastructure.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.tradesense.application.NodeStatus;
import ai.tradesense.application.SharedStoreHealth;
import ai.tradesense.infrastructure.config.DatabaseSettings;
import ai.tradesense.infrastructure.persistence.ConnectionUsage;
import ai.tradesense.infrastructure.persistence.ReplicaMonitor;
import ai.tradesense.infrastructure.persistence.SchemaMigration;

@ApplicationScoped
public class DefaultNodeStatus implements NodeStatus {

    private static final int PROBE_TIMEOUT_SECONDS = 3;

    @Inject
    SchemaMigration schema;

    @Inject
    SharedStoreHealth sharedStore;

    @Inject
    ReplicaMonitor replica;

    private volatile boolean migrated;

    @Override
    public boolean embedded() {
        return DatabaseSettings.fromConfig().embedded();
    }

    @Override
    public String databaseDescription() {
        return DatabaseSettings.fromConfig().describe();
    }

    @Override
    public boolean databaseReady() {
        // Asked by every API request: once migrated the schema stays so, and the EJB call is spared.
        if (!migrated) {
            migrated = schema.ensureMigrated();
        }
        return migrated;
    }

    @Override
    public Check database() {
        if (!schema.ensureMigrated()) {
            return new Check(false, schema.problem().orElse("not migrated"));
        }
        return schema.probe(PROBE_TIMEOUT_SECONDS)
                .map(problem -> new Check(false, problem))
                .orElseGet(() -> new Check(true, "available"));
    }

    @Override
    public Check sharedStore() {
        if (!sharedStore.isShared()) {
            return new Check(true, "in-process stand-in (embedded mode)");
        }
        return sharedStore.isAvailable()
                ? new Check(true, "available")
                : new Check(false, "unavailable: rate limits and fan-out run locally until it returns");
    }

    @Override
    public double databasePoolUsage() {
        return (double) ConnectionUsage.inUse() / SchemaMigration.MAX_POOL_SIZE;
    }

    @Override
    public double replicaLagSeconds() {
        return replica.lagSeconds();
    }

    @Override
    public boolean replicaInUse() {
        return replica.usable();
    }
}
