package ai.tradesense.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import ai.tradesense.application.Housekeeping;
import ai.tradesense.domain.model.Timestamps;

@ApplicationScoped
public class JpaHousekeeping implements Housekeeping {

    /** The application's tables (Flyway's own history table aside). */
    static final List<String> TABLES = List.of("plan_version", "challenge", "challenge_event", "trade",
            "audit_entry", "alert", "challenge_day", "app_user", "refresh_token", "api_key", "sign_in_address",
            "trader_link");

    @Inject
    TransactionalEntityManager entityManager;

    private EntityManager em() {
        return entityManager.get();
    }

    @Override
    public int deleteSpentRefreshTokens(Instant before) {
        return em().createNativeQuery("DELETE FROM refresh_token WHERE expires_at < ? OR revoked_at < ?")
                .setParameter(1, Timestamps.stored(before))
                .setParameter(2, Timestamps.stored(before))
                .executeUpdate();
    }

    @Override
    public Map<String, Long> tableSizes() {
        boolean postgres = isPostgres();
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String table : TABLES) {
            Number rows = (Number) em().createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult();
            sizes.put("rows." + table, rows.longValue());
            if (postgres) {
                Number bytes = (Number) em().createNativeQuery("SELECT pg_total_relation_size('" + table + "')")
                        .getSingleResult();
                sizes.put("bytes." + table, bytes.longValue());
            }
        }
        return sizes;
    }

    private boolean isPostgres() {
        try {
            return em().unwrap(Connection.class).getMetaData().getDatabaseProductName()
                    .toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            return false;
        }
    }
}
