package ai.tradesense.infrastructure.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.tradesense.domain.model.calendar.CalendarRepository;
import ai.tradesense.domain.model.calendar.Release;

@ApplicationScoped
public class JpaCalendarRepository implements CalendarRepository {

    @Inject
    TransactionalEntityManager entityManager;

    @Override
    public List<Release> all() {
        return entityManager.get().createQuery("SELECT r FROM Release r ORDER BY r.at, r.id", Release.class)
                .getResultList();
    }

    @Override
    public Optional<Release> find(String id) {
        return Optional.ofNullable(entityManager.get().find(Release.class, id));
    }

    @Override
    public void add(Release release) {
        entityManager.get().persist(release);
    }

    @Override
    public void remove(Release release) {
        entityManager.get().remove(release);
    }
}
