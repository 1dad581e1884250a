package ai.tradesense.infrastructure.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import ai.tradesense.domain.model.Timestamps;
import ai.tradesense.domain.model.plan.Plan;
import ai.tradesense.domain.model.surveillance.SignInAddress;
import ai.tradesense.domain.model.surveillance.SurveillanceRepository;
import ai.tradesense.domain.model.surveillance.TraderLink;
import ai.tradesense.domain.rules.Side;
import ai.tradesense.domain.rules.surveillance.SignIn;
import ai.tradesense.domain.rules.surveillance.SurveilledTrade;

@ApplicationScoped
public class JpaSurveillanceRepository implements SurveillanceRepository {

    private static final String SELECT_TRADES = "SELECT t.challengeId, c.traderId, t.tradeId, t.symbol, t.side,"
            + " t.openedAt, t.closedAt, t.clientIp FROM Trade t, Challenge c WHERE c.id = t.challengeId";

    @Inject
    TransactionalEntityManager entityManager;

    private EntityManager em() {
        return entityManager.get();
    }

    @Override
    public List<SurveilledTrade> tradesHeld(Instant from, Instant to) {
        return trades(em().createQuery(SELECT_TRADES
                        + " AND t.openedAt < :to AND (t.closedAt IS NULL OR t.closedAt >= :from)", Object[].class)
                .setParameter("from", Timestamps.stored(from))
                .setParameter("to", Timestamps.stored(to))
                .getResultList());
    }

    @Override
    public List<SurveilledTrade> tradesOpened(Instant from, Instant to, boolean addressed) {
        return trades(em().createQuery(SELECT_TRADES + " AND t.openedAt >= :from AND t.openedAt < :to"
                        + (addressed ? " AND t.clientIp IS NOT NULL" : ""), Object[].class)
                .setParameter("from", Timestamps.stored(from))
                .setParameter("to", Timestamps.stored(to))
                .getResultList());
    }

    @Override
    public Set<String> challengesForbiddingOwnCopying() {
        Set<String> forbidding = new HashSet<>();
        // plan versions are few; the flag is in their document, so it is read through the rules
        for (Plan plan : em().createQuery("SELECT p FROM Plan p", Plan.class).getResultList()) {
            if (!plan.rules().allowOwnAccountCopying()) {
                forbidding.addAll(em().createQuery("SELECT c.id FROM Challenge c WHERE c.planCode = :code"
                                + " AND c.planVersion = :version", String.class)
                        .setParameter("code", plan.code())
                        .setParameter("version", plan.version())
                        .getResultList());
            }
        }
        return forbidding;
    }

    private static List<SurveilledTrade> trades(List<Object[]> rows) {
        List<SurveilledTrade> trades = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            trades.add(new SurveilledTrade((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                    Side.valueOf((String) row[4]), ((OffsetDateTime) row[5]).toInstant(),
                    row[6] == null ? null : ((OffsetDateTime) row[6]).toInstant(), (String) row[7]));
        }
        return trades;
    }

    @Override
    public List<SignIn> signIns(Instant from, Instant to) {
        return em().createQuery("SELECT s FROM SignInAddress s WHERE s.signedInAt >= :from AND s.signedInAt < :to",
                        SignInAddress.class)
                .setParameter("from", Timestamps.stored(from))
                .setParameter("to", Timestamps.stored(to))
                .getResultList().stream()
                .map(s -> new SignIn(s.traderId(), s.address(), s.signedInAt()))
                .toList();
    }

    @Override
    public void add(SignInAddress signIn) {
        em().persist(signIn);
    }

    @Override
    public int deleteSignInsBefore(Instant before) {
        return em().createQuery("DELETE FROM SignInAddress s WHERE s.signedInAt < :before")
                .setParameter("before", Timestamps.stored(before))
                .executeUpdate();
    }

    @Override
    public List<TraderLink> links() {
        return em().createQuery("SELECT l FROM TraderLink l ORDER BY l.linkedAt, l.id", TraderLink.class)
                .getResultList();
    }

    @Override
    public Optional<TraderLink> link(String id) {
        return Optional.ofNullable(em().find(TraderLink.class, id));
    }

    @Override
    public Optional<TraderLink> link(String traderA, String traderB) {
        String a = traderA.compareTo(traderB) < 0 ? traderA : traderB;
        String b = traderA.compareTo(traderB) < 0 ? traderB : traderA;
        return em().createQuery("SELECT l FROM TraderLink l WHERE l.traderA = :a AND l.traderB = :b",
                        TraderLink.class)
                .setParameter("a", a)
                .setParameter("b", b)
                .getResultList().stream().findFirst();
    }

    @Override
    public void add(TraderLink link) {
        em().persist(link);
    }

    @Override
    public void remove(TraderLink link) {
        em().remove(link);
    }

    @Override
    public Map<String, String> anyChallengeOf(List<String> traderIds) {
        Map<String, String> first = new HashMap<>();
        if (traderIds.isEmpty()) {
            return first;
        }
        List<Object[]> rows = em().createQuery("SELECT c.traderId, c.id FROM Challenge c"
                        + " WHERE c.traderId IN :traders ORDER BY c.createdAt, c.id", Object[].class)
                .setParameter("traders", traderIds)
                .getResultList();
        for (Object[] row : rows) {
            first.putIfAbsent((String) row[0], (String) row[1]);
        }
        return first;
    }
}
