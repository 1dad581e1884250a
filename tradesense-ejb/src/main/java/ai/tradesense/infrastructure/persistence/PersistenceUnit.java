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
    static final String DESCRIPTOR = "META-INF/tradesense-persistence.xml";

    private static final Logger LOG = Logger.getLogger(PersistenceUnit.class.getName());

    private volatile EntityManagerFactory factory;

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
        EntityManagerFactory current = factory;
        if (current != null && current.isOpen()) {
            current.close();
        }
    }
}
