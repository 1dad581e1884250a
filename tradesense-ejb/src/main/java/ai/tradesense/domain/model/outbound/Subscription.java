package ai.tradesense.domain.model.outbound;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.tradesense.domain.model.Timestamps;

/** Where a firm's system wants webhooks, and which event types. */
@Entity
@Table(name = "webhook_subscription")
public class Subscription {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 2000)
    private String url;

    /** Event type names separated by a space. */
    @Column(name = "event_types", nullable = false, length = 1000)
    private String eventTypes;

    @Column(length = 500)
    private String description;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Subscription() {
    }

    public Subscription(String id, String url, List<String> eventTypes, String description, boolean active, Instant at) {
        this.id = Objects.requireNonNull(id, "id");
        this.createdAt = Timestamps.stored(at);
        change(url, eventTypes, description, active, at);
    }

    /** Replaces what the subscription asks for. */
    public void change(String url, List<String> eventTypes, String description, boolean active, Instant at) {
        this.url = Objects.requireNonNull(url, "url");
        this.eventTypes = String.join(" ", eventTypes);
        this.description = description;
        this.active = active;
        this.updatedAt = Timestamps.stored(at);
    }

    public boolean wants(String eventType) {
        return active && eventTypes().contains(eventType);
    }

    public String id() {
        return id;
    }

    public String url() {
        return url;
    }

    public List<String> eventTypes() {
        return eventTypes.isBlank() ? List.of() : Arrays.asList(eventTypes.split(" "));
    }

    public String description() {
        return description;
    }

    public boolean active() {
        return active;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant updatedAt() {
        return updatedAt.toInstant();
    }
}
