package ai.tradesense.infrastructure.persistence;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import ai.tradesense.domain.model.TimeWindow;
import ai.tradesense.domain.model.outbound.PlatformCommand;
import ai.tradesense.domain.model.outbound.PlatformCommandRepository;

@ApplicationScoped
public class JpaPlatformCommandRepository implements PlatformCommandRepository {

    private static final String COUNTER = "platform_command";

    @Inject
    TransactionalEntityManager entityManager;

    private EntityManager em() {
        return entityManager.get();
    }

    @Override
    public long nextSeq() {
        // The UPDATE locks the counter row until the commit (see V9__webhooks.sql).
        em().createNativeQuery("UPDATE platform_command_counter SET last_seq = last_seq + 1 WHERE name = ?")
                .setParameter(1, COUNTER)
                .executeUpdate();
        Number seq = (Number) em().createNativeQuery("SELECT last_seq FROM platform_command_counter WHERE name = ?")
                .setParameter(1, COUNTER)
                .getSingleResult();
        return seq.longValue();
    }

    @Override
    public void add(PlatformCommand command) {
        em().persist(command);
    }

    @Override
    public List<PlatformCommand> after(long seq, boolean open, Collection<String> planCodes, TimeWindow window,
                                       int limit) {
        StringBuilder where = new StringBuilder(" WHERE c.seq > :seq");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("seq", seq);
        if (open) {
            where.append(" AND c.acknowledgedAt IS NULL");
        }
        if (!planCodes.isEmpty()) {
            where.append(" AND c.planCode IN :plans");
            parameters.put("plans", planCodes);
        }
        TimeClause.append(where, parameters, "c.createdAt", window);
        TypedQuery<PlatformCommand> query = em().createQuery("SELECT c FROM PlatformCommand c" + where
                + " ORDER BY c.seq", PlatformCommand.class).setMaxResults(limit);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    @Override
    public Optional<PlatformCommand> lock(long seq) {
        return Optional.ofNullable(em().find(PlatformCommand.class, seq, LockModeType.PESSIMISTIC_WRITE));
    }
}
