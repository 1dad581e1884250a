package ai.tradesense.infrastructure.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import ai.tradesense.domain.model.Page;
import ai.tradesense.domain.model.Timestamps;
import ai.tradesense.domain.model.alert.Alert;
import ai.tradesense.domain.model.alert.AlertRepository;
import ai.tradesense.domain.model.TimeWindow;

@ApplicationScoped
public class JpaAlertRepository implements AlertRepository {

    @Inject
    TransactionalEntityManager entityManager;

    private EntityManager em() {
        return entityManager.get();
    }

    @Override
    public Optional<Alert> find(String id) {
        return Optional.ofNullable(em().find(Alert.class, id));
    }

    @Override
    public Optional<Alert> lock(String id) {
        return Optional.ofNullable(em().find(Alert.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public boolean exists(String challengeId, String dedupeKey) {
        return !em().createQuery("SELECT a.id FROM Alert a WHERE a.challengeId = :challenge AND a.dedupeKey = :key",
                        String.class)
                .setParameter("challenge", challengeId)
                .setParameter("key", dedupeKey)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    @Override
    public void add(Alert alert) {
        em().persist(alert);
    }

    @Override
    public Map<String, Set<String>> keysSince(Collection<String> challengeIds, Instant since) {
        Map<String, Set<String>> keys = new HashMap<>();
        if (challengeIds.isEmpty()) {
            return keys;
        }
        List<Object[]> rows = em().createQuery("SELECT a.challengeId, a.dedupeKey FROM Alert a"
                        + " WHERE a.challengeId IN :ids AND a.raisedAt >= :since", Object[].class)
                .setParameter("ids", challengeIds)
                .setParameter("since", Timestamps.stored(since))
                .getResultList();
        for (Object[] row : rows) {
            keys.computeIfAbsent((String) row[0], id -> new HashSet<>()).add((String) row[1]);
        }
        return keys;
    }

    @Override
    public Page<Alert> search(Boolean acknowledged, String kind, String challengeId, TimeWindow window, int page,
                              int size) {
        return search(acknowledged, kind == null ? null : List.of(kind), challengeId, window, page, size);
    }

    @Override
    public Page<Alert> search(Boolean acknowledged, Collection<String> kinds, int page, int size) {
        return search(acknowledged, kinds, null, TimeWindow.ALWAYS, page, size);
    }

    private Page<Alert> search(Boolean acknowledged, Collection<String> kinds, String challengeId, TimeWindow window,
                               int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (acknowledged != null) {
            where.append(acknowledged ? " AND a.acknowledgedAt IS NOT NULL" : " AND a.acknowledgedAt IS NULL");
        }
        if (kinds != null) {
            where.append(" AND a.kind IN :kinds");
            parameters.put("kinds", List.copyOf(kinds));
        }
        if (challengeId != null) {
            where.append(" AND a.challengeId = :challenge");
            parameters.put("challenge", challengeId);
        }
        TimeClause.append(where, parameters, "a.raisedAt", window);
        return entityManager.read(em -> PagedQuery.page(em, Alert.class, "a", where.toString(),
                "a.raisedAt DESC, a.id", parameters, page, size));
    }

    @Override
    public int deleteAcknowledgedBefore(Instant before) {
        return em().createQuery("DELETE FROM Alert a WHERE a.acknowledgedAt IS NOT NULL AND a.raisedAt < :before")
                .setParameter("before", Timestamps.stored(before))
                .executeUpdate();
    }
}
