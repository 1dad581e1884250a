package ai.tradesense.infrastructure.persistence;

import java.io.Serializable;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionScoped;

/**
 * The entity manager of the current JTA transaction: created on first use inside the transaction,
 * joined to it, and closed when it ends — what a container-managed persistence context does.
 */
@TransactionScoped
public class TransactionalEntityManager implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PersistenceUnit unit;

    private transient EntityManager entityManager;

    /** The entity manager joined to the active transaction; there must be one. */
    public EntityManager get() {
        if (entityManager == null) {
            entityManager = unit.factory().createEntityManager();
            entityManager.joinTransaction();
        }
        return entityManager;
    }

    @PreDestroy
    void close() {
        if (entityManager != null && entityManager.isOpen()) {
            entityManager.close();
        }
    }
}
