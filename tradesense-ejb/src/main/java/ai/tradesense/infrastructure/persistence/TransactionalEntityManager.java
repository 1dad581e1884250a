package ai.tradesense.infrastructure.persistence;

import java.security.Principal;
import java.util.function.Function;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.persistence.internal.sessions.UnitOfWorkImpl;

/**
 * The entity manager of the current JTA transaction: created on first use inside the transaction,
 * joined to it, and closed when it ends — what a container-managed persistence context does. Read-side
 * queries ({@link #read}) go to the read replica instead while it is in use, unless this transaction
 * has written or locked through the primary, or its caller committed a write moments ago: whatever
 * must see its own write reads the primary. The per-transaction state is a resource of the transaction
 * itself ({@link TransactionSynchronizationRegistry}), found with one map look-up: a transaction-scoped
 * bean did the same, but its context looked the registry up in JNDI at every call, which was a tenth of
 * the ingestion writer's time.
 */
@ApplicationScoped
public class TransactionalEntityManager {

    @Inject
    PersistenceUnit unit;

    @Inject
    ReplicaMonitor replica;

    @Inject
    RecentWriters writers;

    @Inject
    SecurityContext security;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Whether a replica is set up at all: fixed at start, asked once (each ask is an EJB call). */
    private volatile Boolean replicaConfigured;

    private boolean replicaConfigured() {
        Boolean known = replicaConfigured;
        if (known == null) {
            known = replica.configured();
            replicaConfigured = known;
        }
        return known;
    }

    /** The entity manager joined to the active transaction; there must be one. */
    public EntityManager get() {
        return context().primary();
    }

    /** What this transaction holds: its entity managers and its batched rows ({@link PendingRows}). */
    Context context() {
        Context context = (Context) transactions.getResource(Context.class);
        if (context == null) {
            context = new Context();
            transactions.putResource(Context.class, context);
            // Registered before the unit joins, so it runs before the unit flushes at commit.
            transactions.registerInterposedSynchronization(context);
        }
        return context;
    }

    /**
     * Runs a read-only query on the replica when it may, else on the primary; a replica that loses the
     * connection is skipped at once and the query runs on the primary, so the caller sees no failure.
     */
    public <T> T read(Function<EntityManager, T> query) {
        Context context = context();
        if (!replicaConfigured() || !replica.usable() || context.wrote() || writers.wroteRecently(caller())) {
            return query.apply(context.primary());
        }
        try {
            return query.apply(context.replica());
        } catch (PersistenceException e) {
            if (!SqlStates.isConnectionFailure(e)) {
                throw e;
            }
            replica.failed(e);
            return query.apply(context.primary());
        }
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

    /**
     * One transaction's entity managers and pending rows; closes them when the transaction ends and notes
     * the caller of a committed write, for {@link RecentWriters}.
     */
    final class Context implements Synchronization {

        final PendingRows.Held rows = new PendingRows.Held();
        private EntityManager primary;
        private EntityManager replicaManager;
        private String caller;
        private boolean wrote;

        EntityManager primary() {
            if (primary == null) {
                primary = unit.factory().createEntityManager();
                if (replicaConfigured()) {
                    caller = caller();
                }
                primary.joinTransaction();
            }
            return primary;
        }

        EntityManager replica() {
            if (replicaManager == null) {
                replicaManager = unit.replicaFactory().createEntityManager();
            }
            return replicaManager;
        }

        /** True when this transaction has changed, flushed or locked anything through the primary. */
        boolean wrote() {
            if (primary == null) {
                return false;
            }
            UnitOfWorkImpl work = primary.unwrap(UnitOfWorkImpl.class);
            return work.wasTransactionBegunPrematurely() || work.hasChanges();
        }

        @Override
        public void beforeCompletion() {
            wrote = primary != null && replicaConfigured() && wrote();
        }

        @Override
        public void afterCompletion(int status) {
            if (wrote && status == Status.STATUS_COMMITTED) {
                writers.wrote(caller);
            }
            for (EntityManager current : new EntityManager[] {primary, replicaManager}) {
                if (current != null && current.isOpen()) {
                    current.close();
                }
            }
        }
    }
}
