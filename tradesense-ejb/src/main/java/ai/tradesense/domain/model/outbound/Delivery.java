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
 * One outbox entry for one subscription: PENDING until a receiver answers 2xx (DELIVERED) or the attempts
 * run out (DEAD). {@code nextAttemptAt} is when it is due; a worker that claims it moves it ahead by a
 * lease, so a worker killed mid-attempt leaves it due again once the lease is over (at least once).
 */
@Entity
@Table(name = "webhook_delivery")
public class Delivery {

    /** Where a delivery stands. */
    public enum Status { PENDING, DELIVERED, DEAD }

    private static final int MAX_ERROR = 500;

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "subscription_id", nullable = false, updatable = false, length = 36)
    private String subscriptionId;

    @Column(name = "outbox_id", nullable = false, updatable = false, length = 36)
    private String outboxId;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_error", length = MAX_ERROR)
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "delivered_at")
    private OffsetDateTime deliveredAt;

    protected Delivery() {
    }

    public Delivery(String id, String subscriptionId, String outboxId, Instant at) {
        this.id = Objects.requireNonNull(id, "id");
        this.subscriptionId = Objects.requireNonNull(subscriptionId, "subscriptionId");
        this.outboxId = Objects.requireNonNull(outboxId, "outboxId");
        this.status = Status.PENDING.name();
        this.createdAt = Timestamps.stored(at);
        this.nextAttemptAt = createdAt;
    }

    /** Taken by a worker until {@code leaseEnd}: no other worker sends it before then. */
    public void claim(Instant leaseEnd) {
        nextAttemptAt = Timestamps.stored(leaseEnd);
    }

    public void delivered(int httpStatus, Instant at) {
        attempts++;
        status = Status.DELIVERED.name();
        lastStatus = httpStatus;
        lastError = null;
        deliveredAt = Timestamps.stored(at);
    }

    /** An attempt failed: tried again at {@code next}, or DEAD when {@code next} is null. */
    public void failed(int httpStatus, String error, Instant next) {
        attempts++;
        lastStatus = httpStatus == 0 ? null : httpStatus;
        lastError = error == null ? null : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        if (next == null) {
            status = Status.DEAD.name();
        } else {
            nextAttemptAt = Timestamps.stored(next);
        }
    }

    /** Staff send it again: a new attempt now, with the same CloudEvents id; past attempts still count. */
    public void replay(Instant now) {
        status = Status.PENDING.name();
        nextAttemptAt = Timestamps.stored(now);
        deliveredAt = null;
    }

    public String id() {
        return id;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public String outboxId() {
        return outboxId;
    }

    public Status status() {
        return Status.valueOf(status);
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt.toInstant();
    }

    public Integer lastStatus() {
        return lastStatus;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant deliveredAt() {
        return deliveredAt == null ? null : deliveredAt.toInstant();
    }
}
