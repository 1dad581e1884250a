package ai.tradesense.domain.model.identity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.tradesense.domain.model.Timestamps;

/** The trading platform bridge's key, optionally limited to some plans; stored as a SHA-256 hash. */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "key_hash", nullable = false, length = 64)
    private String keyHash;

    /** Comma-separated plan codes; null for every plan. */
    @Column(name = "plan_codes", length = 2000)
    private String planCodes;

    @Column(name = "created_by", nullable = false, length = 36)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected ApiKey() {
    }

    public ApiKey(String id, String name, String keyHash, Set<String> planCodes, String createdBy, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.keyHash = keyHash;
        this.planCodes = planCodes.isEmpty() ? null : String.join(",", new TreeSet<>(planCodes));
        this.createdBy = createdBy;
        this.createdAt = Timestamps.stored(createdAt);
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = Timestamps.stored(now);
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public Set<String> planCodes() {
        return planCodes == null ? Set.of()
                : Arrays.stream(planCodes.split(",")).collect(Collectors.toCollection(TreeSet::new));
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String keyHash() {
        return keyHash;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant revokedAt() {
        return revokedAt == null ? null : revokedAt.toInstant();
    }
}
