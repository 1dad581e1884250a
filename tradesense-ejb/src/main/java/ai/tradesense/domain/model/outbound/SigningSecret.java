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
 * A subscription's signing secret under a key id. Rotation retires the older ones with a grace: they keep
 * signing beside the newest until {@code retiredAt}, so a receiver can switch keys without losing one.
 */
@Entity
@Table(name = "webhook_secret")
public class SigningSecret {

    @Id
    @Column(name = "key_id", length = 40)
    private String keyId;

    @Column(name = "subscription_id", nullable = false, updatable = false, length = 36)
    private String subscriptionId;

    @Column(nullable = false, updatable = false, length = 200)
    private String secret;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "retired_at")
    private OffsetDateTime retiredAt;

    protected SigningSecret() {
    }

    public SigningSecret(String keyId, String subscriptionId, String secret, Instant at) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.subscriptionId = Objects.requireNonNull(subscriptionId, "subscriptionId");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.createdAt = Timestamps.stored(at);
    }

    /** Stops signing with it at {@code end} (a rotation's grace); a key retired before keeps its earlier end. */
    public void retire(Instant end) {
        if (retiredAt == null || end.isBefore(retiredAt.toInstant())) {
            retiredAt = Timestamps.stored(end);
        }
    }

    /** True while it still signs. */
    public boolean signsAt(Instant now) {
        return retiredAt == null || now.isBefore(retiredAt.toInstant());
    }

    public String keyId() {
        return keyId;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public String secret() {
        return secret;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant retiredAt() {
        return retiredAt == null ? null : retiredAt.toInstant();
    }
}
