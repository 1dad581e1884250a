package ai.tradesense.infrastructure.persistence;

import java.io.Serializable;
import java.security.Principal;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.persistence.internal.sessions.UnitOfWorkImpl;

/**
 * The entity manager of the current JTA transaction: created on first use inside the transaction,
 * joined to it, and closed when it ends — what a container-managed persistence context does. Read-side
 * queries ({@link #read}) go to the read replica instead while it is in use, unless this transaction
 * has written or locked through the primary, or its caller committed a write moments ago: whatever
 * must see its own write reads the primary.
 */
@TransactionScoped
public class TransactionalEntityManager implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PersistenceUnit unit;

    @Inject
    transient ReplicaMonitor replica;

    @Inject
    transient RecentWriters writers;

    @Inject
    transient SecurityContext security;

    @Resource
    transient TransactionSynchronizationRegistry transactions;

    private transient EntityManager entityManager;
    private transient EntityManager replicaEntityManager;

    /** The entity manager joined to the active transaction; there must be one. */
    public EntityManager get() {
        if (entityManager == null) {
            entityManager = unit.factory().createEntityManager();
            if (replica.configured()) {
                // Registered before the unit joins, so it runs before the unit flushes at commit.
                transactions.registerInterposedSynchronization(new WriterRecord(caller()));
            }
            entityManager.joinTransaction();
        }
        return entityManager;
    }

    /**
     * Runs a read-only query on the replica when it may, else on the primary; a replica that loses the
     * connection is skipped at once and the query runs on the primary, so the caller sees no failure.
     */
    public <T> T read(Function<EntityManager, T> query) {
        if (!replica.usable() || wrote() || writers.wroteRecently(caller())) {
            return query.apply(get());
        }
        try {
            if (replicaEntityManager == null) {
                replicaEntityManager = unit.replicaFactory().createEntityManager();
            }
            return query.apply(replicaEntityManager);
        } catch (PersistenceException e) {
            if (!SqlStates.isConnectionFailure(e)) {
                throw e;
            }
            replica.failed(e);
            return query.apply(get());
        }
    }

    /** True when this transaction has changed, flushed or locked anything through the primary. */
    private boolean wrote() {
        if (entityManager == null) {
            return false;
        }
        UnitOfWorkImpl work = entityManager.unwrap(UnitOfWorkImpl.class);
        return work.wasTransactionBegunPrematurely() || work.hasChanges();
    }

    /** The signed-in caller's name; null for the node's own work (timers, batch), which has none. */
    private String caller() {
        try {
            Principal principal = security.getCallerPrincipal();
            return principal == null ? null : principal.getName();
        } catch (RuntimeException e) {
            return null;
        }
    }

    @PreDestroy
    void close() {
        for (EntityManager current : new EntityManager[] {entityManager, replicaEntityManager}) {
            if (current != null && current.isOpen()) {
                current.close();
            }
        }
    }

    /** Notes the caller of a committed write, for {@link RecentWriters}. */
    private final class WriterRecord implements Synchronization {

        private final String caller;
        private boolean wrote;

        WriterRecord(String caller) {
            this.caller = caller;
        }

        @Override
        public void beforeCompletion() {
            wrote = wrote();
        }

        @Override
        public void afterCompletion(int status) {
            if (wrote && status == Status.STATUS_COMMITTED) {
                writers.wrote(caller);
            }
        }
    }
}
