package ai.tradesense.infrastructure.persistence;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import ai.tradesense.domain.model.Page;
import ai.tradesense.domain.model.plan.Plan;
import ai.tradesense.domain.model.plan.PlanRepository;
import ai.tradesense.domain.model.plan.PlanVersionConflictException;

@ApplicationScoped
public class JpaPlanRepository implements PlanRepository {

    private static final String LATEST = "SELECT p FROM Plan p WHERE p.version = "
            + "(SELECT MAX(q.version) FROM Plan q WHERE q.code = p.code)";

    @Inject
    TransactionalEntityManager entityManager;

    private EntityManager em() {
        return entityManager.get();
    }

    @Override
    public Optional<Plan> latest(String code) {
        return em().createQuery("SELECT p FROM Plan p WHERE p.code = :code ORDER BY p.version DESC", Plan.class)
                .setParameter("code", code)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<Plan> version(String code, int version) {
        return em().createQuery("SELECT p FROM Plan p WHERE p.code = :code AND p.version = :version", Plan.class)
                .setParameter("code", code)
                .setParameter("version", version)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Page<Plan> latestVersions(int page, int size) {
        var items = em().createQuery(LATEST + " ORDER BY p.code", Plan.class)
                .setFirstResult(Math.multiplyExact(page, size))
                .setMaxResults(size)
                .getResultList();
        long total = em().createQuery("SELECT COUNT(DISTINCT p.code) FROM Plan p", Long.class).getSingleResult();
        return new Page<>(items, page, size, total);
    }

    @Override
    public void add(Plan plan) {
        try {
            em().persist(plan);
            em().flush();
        } catch (PersistenceException e) {
            if (!SqlStates.isUniqueViolation(e)) {
                throw e;
            }
            throw new PlanVersionConflictException("plan '" + plan.code() + "' version " + plan.version()
                    + " was stored by another request first; read the plan again and retry");
        }
    }
}
