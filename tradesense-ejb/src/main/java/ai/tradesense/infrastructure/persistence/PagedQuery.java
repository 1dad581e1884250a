package ai.tradesense.infrastructure.persistence;

import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import ai.tradesense.domain.model.Page;

/** One page of a filtered list and the count of the whole list, over the same JPQL conditions. */
final class PagedQuery {

    private PagedQuery() {
    }

    /**
     * {@code SELECT alias FROM entity alias <where> ORDER BY <order>}, page {@code page} of {@code size}, with
     * {@code SELECT COUNT(alias) ...} over the same {@code where} and its named parameters.
     */
    static <T> Page<T> page(EntityManager em, Class<T> entity, String alias, String where, String order,
                            Map<String, Object> parameters, int page, int size) {
        String from = " FROM " + entity.getSimpleName() + " " + alias + where;
        TypedQuery<T> items = em.createQuery("SELECT " + alias + from + " ORDER BY " + order, entity);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(" + alias + ")" + from, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<T> found = items.setFirstResult(Math.multiplyExact(page, size)).setMaxResults(size).getResultList();
        return new Page<>(found, page, size, count.getSingleResult());
    }
}
