package ai.tradesense.domain.model.identity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.tradesense.domain.model.Timestamps;

/** A person who signs in: a trader, risk staff or an admin. */
@Entity
@Table(name = "app_user")
public class User {

    /** Role names as stored; the application maps them to its roles. */
    public enum StoredRole { TRADER, RISK, ADMIN }

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(nullable = false, length = 100)
    private String roles;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected User() {
    }

    public User(String id, String email, String displayName, String passwordHash, Set<StoredRole> roles,
                Instant createdAt) {
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        assignRoles(roles);
        this.createdAt = Timestamps.stored(createdAt);
    }

    public void assignRoles(Set<StoredRole> assigned) {
        if (assigned.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        this.roles = assigned.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    /** Replaces the stored hash of the same password by one made with today's parameters. */
    public void rehashPassword(String strongerHash) {
        this.passwordHash = strongerHash;
    }

    public Set<StoredRole> roles() {
        Set<StoredRole> parsed = EnumSet.noneOf(StoredRole.class);
        Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty())
                .map(StoredRole::valueOf).forEach(parsed::add);
        return parsed;
    }

    public String id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }
}
