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

import ai.tradesense.domain.model.Page;
import ai.tradesense.domain.model.Timestamps;
import ai.tradesense.domain.model.outbound.Delivery;
import ai.tradesense.domain.model.outbound.OutboxEntry;
import ai.tradesense.domain.model.outbound.SigningSecret;
import ai.tradesense.domain.model.outbound.Subscription;
import ai.tradesense.domain.model.outbound.WebhookRepository;
import ai.tradesense.domain.model.TimeWindow;

@ApplicationScoped
public class JpaWebhookRepository implements WebhookRepository {

    @Inject
    TransactionalEntityManager entityManager;

    private EntityManager em() {
        return entityManager.get();
    }

    @Override
    public void add(Subscription subscription) {
        em().persist(subscription);
    }

    @Override
    public void add(SigningSecret secret) {
        em().persist(secret);
    }

    @Override
    public void add(OutboxEntry entry) {
        em().persist(entry);
    }

    @Override
    public void add(Delivery delivery) {
        em().persist(delivery);
    }

    @Override
    public Optional<Subscription> subscription(String id) {
        return Optional.ofNullable(em().find(Subscription.class, id));
    }

    @Override
    public List<Subscription> subscriptions() {
        return em().createQuery("SELECT s FROM Subscription s ORDER BY s.createdAt, s.id", Subscription.class)
                .getResultList();
    }

    @Override
    public void remove(Subscription subscription) {
        String id = subscription.id();
        em().createQuery("DELETE FROM Delivery d WHERE d.subscriptionId = :id").setParameter("id", id).executeUpdate();
        em().createQuery("DELETE FROM SigningSecret s WHERE s.subscriptionId = :id").setParameter("id", id)
                .executeUpdate();
        em().remove(subscription);
    }

    @Override
    public List<SigningSecret> secrets(String subscriptionId) {
        return em().createQuery("SELECT s FROM SigningSecret s WHERE s.subscriptionId = :id"
                        + " ORDER BY s.createdAt DESC, s.keyId DESC", SigningSecret.class)
                .setParameter("id", subscriptionId)
                .getResultList();
    }

    @Override
    public Optional<OutboxEntry> entry(String id) {
        return Optional.ofNullable(em().find(OutboxEntry.class, id));
    }

    @Override
    public Optional<Delivery> lockDelivery(String id) {
        return Optional.ofNullable(em().find(Delivery.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Delivery> lockDue(Instant now, int limit) {
        // SKIP LOCKED (PostgreSQL and H2): rows another worker holds are left to it, not waited for.
        List<String> ids = em().createNativeQuery("SELECT id FROM webhook_delivery"
                        + " WHERE status = 'PENDING' AND next_attempt_at <= ?"
                        + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .setParameter(1, Timestamps.stored(now))
                .setParameter(2, limit)
                .getResultList();
        return ids.stream().map(id -> em().find(Delivery.class, id)).toList();
    }

    @Override
    public Page<Delivery> deliveries(Delivery.Status status, String subscriptionId, TimeWindow window, int page,
                                     int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (status != null) {
            where.append(" AND d.status = :status");
            parameters.put("status", status.name());
        }
        if (subscriptionId != null) {
            where.append(" AND d.subscriptionId = :subscription");
            parameters.put("subscription", subscriptionId);
        }
        TimeClause.append(where, parameters, "d.createdAt", window);
        TypedQuery<Delivery> items = em().createQuery(
                "SELECT d FROM Delivery d" + where + " ORDER BY d.createdAt DESC, d.id", Delivery.class);
        TypedQuery<Long> count = em().createQuery("SELECT COUNT(d) FROM Delivery d" + where, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<Delivery> found = items.setFirstResult(Math.multiplyExact(page, size)).setMaxResults(size).getResultList();
        return new Page<>(found, page, size, count.getSingleResult());
    }
}
