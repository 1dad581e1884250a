package ai.tradesense.domain.model.identity;

import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.tradesense.domain.model.Timestamps;

/** A single-use refresh token, stored as the SHA-256 of its secret. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected RefreshToken() {
    }

    public RefreshToken(String id, String userId, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.createdAt = Timestamps.stored(createdAt);
        this.expiresAt = Timestamps.stored(expiresAt);
    }

    /** Usable: not revoked and not expired at {@code now}. */
    public boolean isUsableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt.toInstant());
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = Timestamps.stored(now);
        }
    }

    public String userId() {
        return userId;
    }

}
