package ai.tradesense.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import ai.tradesense.domain.model.Timestamps;
import ai.tradesense.domain.model.challenge.AuditEntry;
import ai.tradesense.domain.model.challenge.RecordedEvent;

/**
 * The event and audit rows of a batched unit of work ({@link JpaChallengeRepository#batched}), written with
 * plain JDBC in one batched insert per table when the work is done: the hot rows (two per event) skip the
 * persistence unit's per-object work (registration, change sets, ordering), which was most of the node's
 * time per event. They go through the persistence unit's own connection of the transaction, after it
 * flushed, so they see its rows (the challenge a row refers to) and commit or roll back with it; a
 * failed insert fails the transaction. (A second connection from the pool would be another database
 * session, blind to the unit's uncommitted rows.) The entities are never managed, and the unit keeps no
 * shared cache, so nothing read later is stale. Queries of the same transaction do not see these rows,
 * as they did not see unflushed ones before (the event look-ups read the database only; callers know
 * what they recorded). Outside a batched unit of work rows are persisted as any entity. What is held
 * belongs to the transaction ({@link Held}, kept with its entity manager).
 */
@ApplicationScoped
public class PendingRows {

    static final String INSERT_EVENT = "INSERT INTO challenge_event (challenge_id, seq, type, event_id, occurred_at,"
            + " payload, outcomes, answer, balance, equity, phase_index, received_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_AUDIT = "INSERT INTO audit_entry (challenge_id, seq, kind, occurred_at, actor, content,"
            + " previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    TransactionalEntityManager entityManager;

    /** One transaction's rows waiting for the end of its batched unit of work. */
    static final class Held {

        private final List<RecordedEvent> events = new ArrayList<>();
        private final List<AuditEntry> audit = new ArrayList<>();
        private boolean holding;
    }

    <T> T batched(Supplier<T> work) {
        TransactionalEntityManager.Context context = entityManager.context();
        Held held = context.rows;
        if (held.holding) {
            return work.get();
        }
        held.holding = true;
        try {
            T result = work.get();
            write(context.primary(), held);
            return result;
        } finally {
            held.holding = false;
            held.events.clear();
            held.audit.clear();
        }
    }

    void add(RecordedEvent event) {
        TransactionalEntityManager.Context context = entityManager.context();
        if (context.rows.holding) {
            context.rows.events.add(event);
        } else {
            context.primary().persist(event);
        }
    }

    void add(AuditEntry entry) {
        TransactionalEntityManager.Context context = entityManager.context();
        if (context.rows.holding) {
            context.rows.audit.add(entry);
        } else {
            context.primary().persist(entry);
        }
    }

    private static void write(EntityManager em, Held held) {
        if (held.events.isEmpty() && held.audit.isEmpty()) {
            return;
        }
        // The unit writes what it holds first and keeps its connection for the rest of the transaction.
        em.flush();
        try {
            Connection connection = em.unwrap(Connection.class);
            writeEvents(connection, held.events);
            writeAudit(connection, held.audit);
        } catch (SQLException e) {
            throw new PersistenceException("the event and audit rows could not be written: " + e.getMessage(), e);
        }
    }

    private static void writeEvents(Connection connection, List<RecordedEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENT)) {
            for (RecordedEvent e : events) {
                insert.setString(1, e.challengeId());
                insert.setLong(2, e.seq());
                insert.setString(3, e.type());
                insert.setString(4, e.eventId());
                insert.setObject(5, Timestamps.stored(e.occurredAt()));
                insert.setString(6, e.payload());
                insert.setString(7, e.outcomes());
                insert.setString(8, e.answer().orElse(null));
                RecordedEvent.Figures figures = e.figures().orElse(null);
                if (figures == null) {
                    insert.setNull(9, Types.NUMERIC);
                    insert.setNull(10, Types.NUMERIC);
                    insert.setNull(11, Types.INTEGER);
                } else {
                    insert.setBigDecimal(9, figures.balance());
                    insert.setBigDecimal(10, figures.equity());
                    insert.setInt(11, figures.phaseIndex());
                }
                insert.setObject(12, Timestamps.stored(e.receivedAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void writeAudit(Connection connection, List<AuditEntry> audit) throws SQLException {
        if (audit.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_AUDIT)) {
            for (AuditEntry a : audit) {
                insert.setString(1, a.challengeId());
                insert.setLong(2, a.seq());
                insert.setString(3, a.kind());
                insert.setObject(4, Timestamps.stored(a.occurredAt()));
                insert.setString(5, a.actor());
                insert.setString(6, a.content());
                insert.setString(7, a.previousHash());
                insert.setString(8, a.hash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
