package ai.tradesense.infrastructure.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;

import ai.tradesense.application.export.ExportCursor;
import ai.tradesense.application.export.ExportKind;
import ai.tradesense.application.export.ExportPage;
import ai.tradesense.application.export.ExportQuery;
import ai.tradesense.application.export.ExportRepository;
import ai.tradesense.application.export.RawJson;
import ai.tradesense.domain.model.Timestamps;

/**
 * Exports in keyset pages over plain SQL (portable to PostgreSQL and H2): each page continues after the
 * last row's sort key (its time, then its identity), so a page costs the same wherever it is in a large export.
 */
@ApplicationScoped
public class JpaExportRepository implements ExportRepository {

    /** One kind's query: its select list (in {@link ExportKind#columns} order), time column and sort key. */
    private record Source(String select, String time, List<String> key, List<Integer> keyColumns, Set<Integer> json) { }

    private static final String JOIN = " JOIN challenge c ON c.id = ";
    private static final Map<ExportKind, Source> SOURCES = Map.of(
            ExportKind.CHALLENGES, new Source("SELECT c.id, c.plan_code, c.plan_version, c.trader_id, c.status,"
                    + " c.phase_index, c.balance, c.equity, c.seq, c.started_at, c.created_at, c.updated_at FROM challenge c",
                    "c.started_at", List.of("c.started_at", "c.id"), List.of(9, 0), Set.of()),
            ExportKind.TRADES, new Source("SELECT t.challenge_id, t.trade_id, c.plan_code, c.trader_id, t.phase_index,"
                    + " t.symbol, t.side, t.volume, t.open_price, t.opened_at, t.close_price, t.profit, t.closed_at"
                    + " FROM trade t" + JOIN + "t.challenge_id",
                    "t.opened_at", List.of("t.opened_at", "t.challenge_id", "t.trade_id"), List.of(9, 0, 1), Set.of()),
            ExportKind.EVENTS, new Source("SELECT e.challenge_id, e.seq, e.type, e.event_id, e.occurred_at, c.plan_code,"
                    + " e.phase_index, e.balance, e.equity, e.payload, e.outcomes, e.received_at"
                    + " FROM challenge_event e" + JOIN + "e.challenge_id",
                    "e.occurred_at", List.of("e.occurred_at", "e.challenge_id", "e.seq"), List.of(4, 0, 1), Set.of(9, 10)),
            ExportKind.AUDIT, new Source("SELECT a.challenge_id, a.seq, a.kind, a.occurred_at, a.actor, c.plan_code,"
                    + " a.content, a.previous_hash, a.hash FROM audit_entry a" + JOIN + "a.challenge_id",
                    "a.occurred_at", List.of("a.occurred_at", "a.challenge_id", "a.seq"), List.of(3, 0, 1), Set.of(6)),
            ExportKind.ALERTS, new Source("SELECT l.id, l.challenge_id, c.plan_code, l.kind, l.severity, l.message,"
                    + " l.data, l.raised_at, l.acknowledged_at, l.acknowledged_by, l.note FROM alert l" + JOIN
                    + "l.challenge_id", "l.raised_at", List.of("l.raised_at", "l.id"), List.of(7, 0), Set.of(6)),
            ExportKind.PAYOUTS, new Source("SELECT p.id, p.challenge_id, p.trader_id, c.plan_code, p.plan_version,"
                    + " p.currency, p.amount, p.trader_share, p.firm_share, p.status, p.requested_at, p.requested_by,"
                    + " p.first_approved_by, p.decided_at, p.decided_by, p.reason, p.paid_at FROM payout_request p"
                    + JOIN + "p.challenge_id", "p.requested_at", List.of("p.requested_at", "p.id"), List.of(10, 0),
                    Set.of()));

    @Inject
    TransactionalEntityManager entityManager;

    @Override
    public ExportPage page(ExportQuery query, Optional<ExportCursor> after, int limit) {
        Source source = SOURCES.get(query.kind());
        List<String> where = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (query.from() != null) {
            where.add(source.time + " >= ?");
            parameters.add(Timestamps.stored(query.from()));
        }
        if (query.to() != null) {
            where.add(source.time + " < ?");
            parameters.add(Timestamps.stored(query.to()));
        }
        if (query.planCode() != null) {
            where.add("c.plan_code = ?");
            parameters.add(query.planCode());
        }
        after.ifPresent(cursor -> where.add(keysetAfter(source.key, cursor.key(), parameters)));
        StringBuilder sql = new StringBuilder(source.select);
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY ").append(String.join(", ", source.key));
        List<?> results = entityManager.read(em -> {
            Query statement = em.createNativeQuery(sql.toString()).setMaxResults(limit);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setParameter(i + 1, parameters.get(i));
            }
            return statement.getResultList();
        });
        List<List<Object>> rows = new ArrayList<>();
        for (Object result : results) {
            Object[] columns = (Object[]) result;
            List<Object> row = new ArrayList<>(columns.length);
            for (int i = 0; i < columns.length; i++) {
                row.add(source.json.contains(i) && columns[i] != null ? new RawJson(columns[i].toString()) : value(columns[i]));
            }
            rows.add(row);
        }
        Optional<ExportCursor> next = Optional.empty();
        if (rows.size() == limit) {
            List<Object> last = rows.get(rows.size() - 1);
            next = Optional.of(new ExportCursor(source.keyColumns.stream().map(last::get).toList()));
        }
        return new ExportPage(rows, next);
    }

    /** {@code (k1, k2, …) > (v1, v2, …)} spelled out, as not every database compares row values. */
    private static String keysetAfter(List<String> key, List<Object> values, List<Object> parameters) {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            List<String> terms = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                terms.add(key.get(j) + " = ?");
                parameters.add(bound(values.get(j)));
            }
            terms.add(key.get(i) + " > ?");
            parameters.add(bound(values.get(i)));
            alternatives.add("(" + String.join(" AND ", terms) + ")");
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }

    private static Object bound(Object value) {
        return value instanceof Instant instant ? Timestamps.stored(instant) : value;
    }

    /** A column as the export shows it: instants as Instant, whole numbers as Long, decimals exact. */
    private static Object value(Object column) {
        if (column instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (column instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (column instanceof BigDecimal || column == null || column instanceof String) {
            return column;
        }
        if (column instanceof Number number) {
            return number.longValue();
        }
        return column.toString();
    }
}
