package ai.tradesense.domain.model.outbound;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.tradesense.domain.model.Timestamps;

/**
 * One outbound event, written in the transaction of the change it reports. Its id is the CloudEvents id:
 * every attempt and replay of every delivery of it carries the same one.
 */
@Entity
@Table(name = "outbox")
public class OutboxEntry {

    @Id
    @Column(length = 36)
    private String id;

    /** The event type name ({@code challenge.failed}). */
    @Column(nullable = false, updatable = false, length = 64)
    private String type;

    /** The challenge it is about. */
    @Column(nullable = false, updatable = false, length = 36)
    private String subject;

    /** The CloudEvent's data, JSON. */
    @Column(nullable = false, updatable = false, length = 100000)
    private String data;

    /** When the change happened: the CloudEvents {@code time}. */
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected OutboxEntry() {
    }

    public OutboxEntry(String id, String type, String subject, String data, Instant occurredAt, Instant at) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.data = Objects.requireNonNull(data, "data");
        this.occurredAt = Timestamps.stored(occurredAt);
        this.createdAt = Timestamps.stored(at);
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String subject() {
        return subject;
    }

    public String data() {
        return data;
    }

    public Instant occurredAt() {
        return occurredAt.toInstant();
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }
}
