package ai.tradesense.infrastructure.persistence;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import ai.tradesense.domain.model.Timestamps;
import ai.tradesense.domain.model.payout.PayoutRepository;
import ai.tradesense.domain.model.payout.PayoutRequest;

@ApplicationScoped
public class JpaPayoutRepository implements PayoutRepository {

    @Inject
    TransactionalEntityManager entityManager;

    private EntityManager em() {
        return entityManager.get();
    }

    @Override
    public Optional<PayoutRequest> find(String id) {
        return Optional.ofNullable(em().find(PayoutRequest.class, id));
    }

    @Override
    public Optional<PayoutRequest> lock(String id) {
        return Optional.ofNullable(em().find(PayoutRequest.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void add(PayoutRequest request) {
        em().persist(request);
        // The unique index on pending requests answers now, inside the caller's lock, not at commit.
        em().flush();
    }

    @Override
    public List<PayoutRequest> search(String challengeId, String traderId, PayoutRequest.Status status, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (challengeId != null) {
            where.append(" AND p.challengeId = :challenge");
            parameters.put("challenge", challengeId);
        }
        if (traderId != null) {
            where.append(" AND p.traderId = :trader");
            parameters.put("trader", traderId);
        }
        if (status != null) {
            where.append(" AND p.status = :status");
            parameters.put("status", status.name());
        }
        TypedQuery<PayoutRequest> query = em().createQuery(
                "SELECT p FROM PayoutRequest p" + where + " ORDER BY p.requestedAt, p.id", PayoutRequest.class);
        parameters.forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList();
    }

    @Override
    public List<PayoutRequest> paidBetween(Instant from, Instant to) {
        return em().createQuery("SELECT p FROM PayoutRequest p WHERE p.status = :paid AND p.paidAt >= :from"
                        + " AND p.paidAt < :to ORDER BY p.paidAt, p.id", PayoutRequest.class)
                .setParameter("paid", PayoutRequest.Status.PAID.name())
                .setParameter("from", Timestamps.stored(from))
                .setParameter("to", Timestamps.stored(to))
                .getResultList();
    }
}
