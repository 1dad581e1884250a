package ai.tradesense.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;

import ai.tradesense.application.SchemaReady;
import ai.tradesense.infrastructure.config.DatabaseSettings;

/**
 * Owns the database: defines the container's connection pools — the primary's, and the read replica's
 * (used only with {@code tradesense.db.read-url}) — the one place with Payara-specific datasource wiring,
 * and brings the schema up to date with Flyway before anything else touches it.
 * A database that is down at start-up does not stop the deployment: the node stays not ready and
 * every later request retries the migration until it succeeds.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@DataSourceDefinitions({
    @DataSourceDefinition(
        name = SchemaMigration.DATASOURCE,
        className = "ai.tradesense.infrastructure.persistence.TradesenseDataSource",
        minPoolSize = 0,
        initialPoolSize = 0,
        maxPoolSize = SchemaMigration.MAX_POOL_SIZE,
        maxIdleTime = 300,
        properties = {
            // A dead connection (its server gone, or no longer the primary after a failover) is dropped
            // with every other pooled one, and new ones go where the multi-host URL finds the primary.
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.fail-all-connections=true",
            "fish.payara.max-wait-time-in-millis=10000",
            // Validating a pooled connection costs a round trip; once per 10 s per connection is enough.
            "fish.payara.validate-atmost-once-period-in-seconds=10"
        }),
    // The replica's pool takes part in no transaction: its reads never join the primary's commit.
    @DataSourceDefinition(
        name = SchemaMigration.READ_DATASOURCE,
        className = "ai.tradesense.infrastructure.persistence.ReplicaDataSource",
        transactional = false,
        minPoolSize = 0,
        initialPoolSize = 0,
        maxPoolSize = SchemaMigration.MAX_READ_POOL_SIZE,
        maxIdleTime = 300,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.fail-all-connections=true",
            // A replica that is gone answers at once: a request waits little before it reads the primary.
            "fish.payara.max-wait-time-in-millis=2000",
            "fish.payara.validate-atmost-once-period-in-seconds=10"
        })
})
public class SchemaMigration {

    public static final String DATASOURCE = "java:app/jdbc/tradesense";
    public static final String READ_DATASOURCE = "java:app/jdbc/tradesense-read";
    public static final int MAX_POOL_SIZE = 32;
    public static final int MAX_READ_POOL_SIZE = 16;

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
    private static final long RETRY_INTERVAL_MILLIS = 2_000;

    @Resource(lookup = DATASOURCE)
    private DataSource dataSource;

    @Inject
    PersistenceUnit persistenceUnit;

    @Inject
    Event<SchemaReady> schemaReady;

    private volatile boolean migrated;
    private volatile String lastError = "not migrated yet";
    private final AtomicLong lastAttempt = new AtomicLong();

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrateAtStartup() {
        migrate();
    }

    /** True once the schema is current; retries the migration, at most every two seconds, until then. */
    public boolean ensureMigrated() {
        if (migrated) {
            return true;
        }
        long now = System.currentTimeMillis();
        long previous = lastAttempt.get();
        if (now - previous >= RETRY_INTERVAL_MILLIS && lastAttempt.compareAndSet(previous, now)) {
            migrate();
        }
        return migrated;
    }

    public boolean isMigrated() {
        return migrated;
    }

    /** Why the schema is not ready, for health output; empty once it is. */
    public Optional<String> problem() {
        return migrated ? Optional.empty() : Optional.of(lastError);
    }

    /** Checks that a connection can be had and is valid in time; empty when it is, else why not. */
    public Optional<String> probe(int timeoutSeconds) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(timeoutSeconds) ? Optional.empty()
                    : Optional.of("database did not answer within " + timeoutSeconds + " s");
        } catch (SQLException e) {
            return Optional.of("database unreachable: " + rootMessage(e));
        }
    }

    private synchronized void migrate() {
        if (migrated) {
            return;
        }
        lastAttempt.set(System.currentTimeMillis());
        DatabaseSettings settings = DatabaseSettings.fromConfig();
        try {
            Flyway flyway = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .cleanDisabled(true)
                    .load();
            int applied = flyway.migrate().migrationsExecuted;
            migrated = true;
            LOG.log(Level.INFO, "Schema of {0} is current at version {1} ({2} migrations applied now)",
                    new Object[] {settings.describe(), flyway.info().current().getVersion(), applied});
        } catch (RuntimeException e) {
            lastError = "database unavailable: " + rootMessage(e);
            LOG.log(Level.WARNING, "Database {0} is not available, node not ready: {1}",
                    new Object[] {settings.describe(), lastError});
            return;
        }
        persistenceUnit.start();
        try {
            schemaReady.fire(new SchemaReady());
        } catch (RuntimeException e) {
            // Start-up work on a ready schema (preset plans, the first admin) must not make the node unready.
            LOG.log(Level.WARNING, "Work after the schema became ready failed: {0}", rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
