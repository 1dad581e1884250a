package ai.tradesense.infrastructure.persistence;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

/**
 * The JPA persistence unit, started on first use rather than at deployment. The database may be down
 * when the node starts; the unit then starts as soon as the schema has been migrated (and a failed
 * start is retried on the next use), so the node never needs a restart to reach its database.
 */
@ApplicationScoped
public class PersistenceUnit {

    static final String NAME = "tradesense";
    static final String REPLICA_SESSION = NAME + "-read";
    static final String DESCRIPTOR = "META-INF/tradesense-persistence.xml";

    private static final Logger LOG = Logger.getLogger(PersistenceUnit.class.getName());

    private volatile EntityManagerFactory factory;
    private volatile EntityManagerFactory replicaFactory;

    EntityManagerFactory factory() {
        EntityManagerFactory current = factory;
        if (current == null) {
            synchronized (this) {
                current = factory;
                if (current == null) {
                    current = Persistence.createEntityManagerFactory(NAME,
                            Map.of("eclipselink.persistencexml", DESCRIPTOR));
                    factory = current;
                    LOG.log(Level.INFO, "Persistence unit {0} created", NAME);
                }
            }
        }
        return current;
    }

    /**
     * The same unit over the read replica's pool: outside JTA (its reads join no commit), under its own
     * session name so EclipseLink keeps it apart from the primary's.
     */
    EntityManagerFactory replicaFactory() {
        EntityManagerFactory current = replicaFactory;
        if (current == null) {
            synchronized (this) {
                current = replicaFactory;
                if (current == null) {
                    current = Persistence.createEntityManagerFactory(NAME, Map.of(
                            "eclipselink.persistencexml", DESCRIPTOR,
                            "eclipselink.session-name", REPLICA_SESSION,
                            "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                            "jakarta.persistence.nonJtaDataSource", SchemaMigration.READ_DATASOURCE,
                            "eclipselink.target-server", "None"));
                    replicaFactory = current;
                    LOG.log(Level.INFO, "Persistence unit {0} on the read replica created", NAME);
                }
            }
        }
        return current;
    }

    /**
     * Creates the unit and logs it in to the database now, so the first request does not pay for it.
     * A failure is logged and left for the next use to retry.
     */
    void start() {
        try {
            factory().createEntityManager().close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Persistence unit {0} could not start yet: {1}", new Object[] {NAME, e.getMessage()});
        }
    }

    @PreDestroy
    void close() {
        for (EntityManagerFactory current : new EntityManagerFactory[] {factory, replicaFactory}) {
            if (current != null && current.isOpen()) {
                current.close();
            }
        }
    }
}
