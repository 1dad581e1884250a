package ai.tradesense.infrastructure.persistence;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import ai.tradesense.domain.model.identity.ApiKey;
import ai.tradesense.domain.model.identity.EmailTakenException;
import ai.tradesense.domain.model.identity.IdentityRepository;
import ai.tradesense.domain.model.identity.RefreshToken;
import ai.tradesense.domain.model.identity.User;

@ApplicationScoped
public class JpaIdentityRepository implements IdentityRepository {

    @Inject
    TransactionalEntityManager entityManager;

    private EntityManager em() {
        return entityManager.get();
    }

    @Override
    public Optional<User> user(String id) {
        return Optional.ofNullable(em().find(User.class, id));
    }

    @Override
    public Optional<User> userByEmail(String email) {
        return em().createQuery("SELECT u FROM User u WHERE u.email = :email", User.class)
                .setParameter("email", email.toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
    }

    @Override
    public List<User> users(int page, int size) {
        return em().createQuery("SELECT u FROM User u ORDER BY u.createdAt, u.id", User.class)
                .setFirstResult(Math.multiplyExact(page, size)).setMaxResults(size).getResultList();
    }

    @Override
    public boolean anyAdmin() {
        return em().createQuery("SELECT COUNT(u) FROM User u WHERE u.roles LIKE '%ADMIN%'", Long.class)
                .getSingleResult() > 0;
    }

    @Override
    public void add(User user) {
        try {
            em().persist(user);
            em().flush();
        } catch (PersistenceException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new EmailTakenException();
            }
            throw e;
        }
    }

    @Override
    public Optional<RefreshToken> refreshToken(String tokenHash) {
        return em().createQuery("SELECT t FROM RefreshToken t WHERE t.tokenHash = :hash", RefreshToken.class)
                .setParameter("hash", tokenHash).getResultStream().findFirst();
    }

    @Override
    public void add(RefreshToken token) {
        em().persist(token);
    }

    @Override
    public Optional<ApiKey> apiKey(String id) {
        return Optional.ofNullable(em().find(ApiKey.class, id));
    }

    @Override
    public List<ApiKey> apiKeys() {
        return em().createQuery("SELECT k FROM ApiKey k ORDER BY k.createdAt, k.id", ApiKey.class).getResultList();
    }

    @Override
    public void add(ApiKey key) {
        em().persist(key);
    }
}
