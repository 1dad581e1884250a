package ai.tradesense.infrastructure.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

import ai.tradesense.domain.model.Page;
import ai.tradesense.domain.model.Timestamps;
import ai.tradesense.domain.model.challenge.AuditEntry;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.model.challenge.ChallengeDay;
import ai.tradesense.domain.model.challenge.ChallengeRepository;
import ai.tradesense.domain.model.challenge.CompositeId;
import ai.tradesense.domain.model.challenge.RecordedEvent;
import ai.tradesense.domain.model.challenge.Trade;
import ai.tradesense.domain.rules.ChallengeStatus;

@ApplicationScoped
public class JpaChallengeRepository implements ChallengeRepository {

    @Inject
    TransactionalEntityManager entityManager;

    @Inject
    PendingRows rows;

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
    public List<Challenge> lockAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em().createQuery("SELECT c FROM Challenge c WHERE c.id IN :ids ORDER BY c.id", Challenge.class)
                .setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    @Override
    public List<Challenge> findAll(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        List<Challenge> found = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += 1000) {
            found.addAll(em().createQuery("SELECT c FROM Challenge c WHERE c.id IN :ids", Challenge.class)
                    .setParameter("ids", all.subList(from, Math.min(all.size(), from + 1000)))
                    .getResultList());
        }
        return found;
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
        return entityManager.read(em -> PagedQuery.page(em, Challenge.class, "c", where.toString(),
                "c.createdAt DESC, c.id", parameters, page, size));
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
    public List<RecordedEvent> recordedEvents(Collection<String> challengeIds, Collection<String> eventIds) {
        if (challengeIds.isEmpty() || eventIds.isEmpty()) {
            return List.of();
        }
        return em().createQuery("SELECT e FROM RecordedEvent e WHERE e.challengeId IN :challenges"
                        + " AND e.eventId IN :ids", RecordedEvent.class)
                .setParameter("challenges", challengeIds)
                .setParameter("ids", eventIds)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
    }

    @Override
    public <T> T batched(Supplier<T> work) {
        return rows.batched(work);
    }

    /** Within {@link #batched}, held and written with plain JDBC ({@link PendingRows}). */
    @Override
    public void add(RecordedEvent event) {
        rows.add(event);
    }

    @Override
    public List<RecordedEvent> eventsAfter(String challengeId, long afterSeq, int limit) {
        // Recorded events never change: read-only, they get no working copy and no comparison at commit (the
        // worker's snapshots read thousands in a transaction that writes a few day rows).
        return em().createQuery("SELECT e FROM RecordedEvent e WHERE e.challengeId = :challenge AND e.seq > :after"
                        + " ORDER BY e.seq", RecordedEvent.class)
                .setParameter("challenge", challengeId)
                .setParameter("after", afterSeq)
                .setMaxResults(limit)
                .setHint(QueryHints.READ_ONLY, HintValues.TRUE)
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

    /** Within {@link #batched}, held and written with plain JDBC ({@link PendingRows}). */
    @Override
    public void add(AuditEntry entry) {
        rows.add(entry);
    }

    @Override
    public List<AuditEntry> auditTrail(String challengeId, long afterSeq, int limit) {
        return entityManager.read(em -> em.createQuery("SELECT a FROM AuditEntry a WHERE a.challengeId = :challenge"
                        + " AND a.seq > :after ORDER BY a.seq", AuditEntry.class)
                .setParameter("challenge", challengeId)
                .setParameter("after", afterSeq)
                .setMaxResults(limit)
                .getResultList());
    }

    private static final List<String> TRADING = List.of(ChallengeStatus.ACTIVE.name(), ChallengeStatus.PAUSED.name());

    @Override
    public List<String> tradingIds(Instant dayDueAt) {
        String day = dayDueAt == null ? "" : " AND (c.nextDayStart IS NULL OR c.nextDayStart <= :due)";
        TypedQuery<String> query = em().createQuery(
                "SELECT c.id FROM Challenge c WHERE c.status IN :trading" + day + " ORDER BY c.id", String.class)
                .setParameter("trading", TRADING);
        if (dayDueAt != null) {
            query.setParameter("due", Timestamps.stored(dayDueAt));
        }
        return query.getResultList();
    }

    @Override
    public long countDayDue(Instant at) {
        return em().createQuery("SELECT COUNT(c) FROM Challenge c WHERE c.status IN :trading"
                        + " AND (c.nextDayStart IS NULL OR c.nextDayStart <= :due)", Long.class)
                .setParameter("trading", TRADING)
                .setParameter("due", Timestamps.stored(at))
                .getSingleResult();
    }

    @Override
    public List<String> needingAttention(String fromId, String toId, Instant now, BigDecimal minUse,
                                         Instant feedBefore, boolean dayOnly) {
        String due = "c.nextDayStart IS NULL OR c.nextDayStart <= :now";
        String attention = dayOnly ? due : due + " OR c.dueAt <= :now OR c.dailyLossUsed >= :minUse"
                + " OR c.maxLossUsed >= :minUse"
                + " OR (c.openTrades > 0 AND COALESCE(c.lastFeedAt, c.startedAt) <= :feedBefore)";
        String range = (fromId.isEmpty() ? "" : " AND c.id >= :from") + (toId.isEmpty() ? "" : " AND c.id < :to");
        TypedQuery<String> query = em().createQuery("SELECT c.id FROM Challenge c WHERE c.status IN :trading"
                        + range + " AND (" + attention + ") ORDER BY c.id", String.class)
                .setParameter("trading", TRADING)
                .setParameter("now", Timestamps.stored(now));
        if (!fromId.isEmpty()) {
            query.setParameter("from", fromId);
        }
        if (!toId.isEmpty()) {
            query.setParameter("to", toId);
        }
        if (!dayOnly) {
            query.setParameter("minUse", minUse).setParameter("feedBefore", Timestamps.stored(feedBefore));
        }
        return query.getResultList();
    }

    @Override
    public List<String> withoutWatchColumns(int limit) {
        return em().createQuery("SELECT c.id FROM Challenge c WHERE c.nextDayStart IS NULL ORDER BY c.id",
                String.class).setMaxResults(limit).getResultList();
    }

    @Override
    public List<String> withNewEvents(int limit) {
        return em().createQuery("SELECT c.id FROM Challenge c WHERE c.seq > c.snapshotSeq ORDER BY c.id",
                String.class).setMaxResults(limit).getResultList();
    }

    @Override
    public Optional<ChallengeDay> lastDay(String challengeId) {
        return em().createQuery("SELECT d FROM ChallengeDay d WHERE d.challengeId = :challenge"
                        + " ORDER BY d.tradingDay DESC", ChallengeDay.class)
                .setParameter("challenge", challengeId)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    @Override
    public List<ChallengeDay> days(String challengeId) {
        return entityManager.read(em -> em.createQuery("SELECT d FROM ChallengeDay d WHERE d.challengeId = :challenge"
                        + " ORDER BY d.tradingDay", ChallengeDay.class)
                .setParameter("challenge", challengeId)
                .getResultList());
    }

    @Override
    public void add(ChallengeDay day) {
        em().persist(day);
    }

    @Override
    public List<Trade> closedTrades(String challengeId) {
        return entityManager.read(em -> em.createQuery("SELECT t FROM Trade t WHERE t.challengeId = :challenge"
                        + " AND t.closedAt IS NOT NULL ORDER BY t.closedAt, t.tradeId", Trade.class)
                .setParameter("challenge", challengeId)
                .getResultList());
    }
}
