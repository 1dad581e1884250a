package ai.tradesense.infrastructure.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import ai.tradesense.domain.model.Page;
import ai.tradesense.domain.model.challenge.AuditEntry;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.model.challenge.ChallengeRepository;
import ai.tradesense.domain.model.challenge.CompositeId;
import ai.tradesense.domain.model.challenge.RecordedEvent;
import ai.tradesense.domain.model.challenge.Trade;
import ai.tradesense.domain.rules.ChallengeStatus;

@ApplicationScoped
public class JpaChallengeRepository implements ChallengeRepository {

    @Inject
    TransactionalEntityManager entityManager;

    private EntityManager em() {
        return entityManager.get();
    }

    @Override
    public Optional<Challenge> find(String id) {
        return Optional.ofNullable(em().find(Challenge.class, id));
    }

    @Override
    public Optional<Challenge> lock(String id) {
        return Optional.ofNullable(em().find(Challenge.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Page<Challenge> search(ChallengeStatus status, String planCode, String traderId, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (status != null) {
            where.append(" AND c.status = :status");
            parameters.put("status", status.name());
        }
        if (planCode != null) {
            where.append(" AND c.planCode = :planCode");
            parameters.put("planCode", planCode);
        }
        if (traderId != null) {
            where.append(" AND c.traderId = :traderId");
            parameters.put("traderId", traderId);
        }
        TypedQuery<Challenge> items = em().createQuery(
                "SELECT c FROM Challenge c" + where + " ORDER BY c.createdAt DESC, c.id", Challenge.class);
        TypedQuery<Long> count = em().createQuery("SELECT COUNT(c) FROM Challenge c" + where, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<Challenge> found = items.setFirstResult(Math.multiplyExact(page, size)).setMaxResults(size).getResultList();
        return new Page<>(found, page, size, count.getSingleResult());
    }

    @Override
    public void add(Challenge challenge) {
        em().persist(challenge);
        // Rows that belong to the challenge refer to it; without mapped relationships EclipseLink does
        // not order those inserts after this one, so write the challenge first.
        em().flush();
    }

    /**
     * Looks in the database only: events recorded earlier in the same transaction are the caller's to
     * know. Not flushing first keeps a batch of events from writing everything again before each lookup.
     */
    @Override
    public Optional<RecordedEvent> recordedEvent(String challengeId, String type, String eventId) {
        return em().createQuery("SELECT e FROM RecordedEvent e WHERE e.challengeId = :challenge"
                        + " AND e.type = :type AND e.eventId = :eventId", RecordedEvent.class)
                .setParameter("challenge", challengeId)
                .setParameter("type", type)
                .setParameter("eventId", eventId)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultStream().findFirst();
    }

    @Override
    public void add(RecordedEvent event) {
        em().persist(event);
    }

    @Override
    public List<RecordedEvent> eventsAfter(String challengeId, long afterSeq, int limit) {
        return em().createQuery("SELECT e FROM RecordedEvent e WHERE e.challengeId = :challenge AND e.seq > :after"
                        + " ORDER BY e.seq", RecordedEvent.class)
                .setParameter("challenge", challengeId)
                .setParameter("after", afterSeq)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public Optional<Trade> trade(String challengeId, String tradeId) {
        return Optional.ofNullable(em().find(Trade.class, new CompositeId.ByTrade(challengeId, tradeId)));
    }

    @Override
    public void add(Trade trade) {
        em().persist(trade);
    }

    @Override
    public void add(AuditEntry entry) {
        em().persist(entry);
    }

    @Override
    public List<AuditEntry> auditTrail(String challengeId, long afterSeq, int limit) {
        return em().createQuery("SELECT a FROM AuditEntry a WHERE a.challengeId = :challenge AND a.seq > :after"
                        + " ORDER BY a.seq", AuditEntry.class)
                .setParameter("challenge", challengeId)
                .setParameter("after", afterSeq)
                .setMaxResults(limit)
                .getResultList();
    }
}
