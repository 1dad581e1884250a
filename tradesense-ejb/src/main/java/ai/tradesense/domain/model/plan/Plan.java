package ai.tradesense.domain.model.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import ai.tradesense.domain.model.Timestamps;
import ai.tradesense.domain.rules.RuleSet;

/**
 * One version of a plan. A plan is never edited in place: a revision is a new version, and running
 * challenges keep the version they started on.
 */
@Entity
@Table(name = "plan_version")
@IdClass(PlanVersionId.class)
public class Plan {

    @Id
    @Column(nullable = false, updatable = false, length = 64)
    private String code;

    @Id
    @Column(nullable = false, updatable = false)
    private int version;

    @Column(updatable = false, length = 200)
    private String name;

    @Column(nullable = false, updatable = false, length = 3)
    private String currency;

    @Column(name = "initial_balance", nullable = false, updatable = false, precision = 19, scale = 4)
    private BigDecimal initialBalance;

    /**
     * The rules, stored as the canonical plan document (the persistence unit's converter for rule sets
     * writes and reads it); the one source of this version's rules.
     */
    @Basic
    @Column(name = "document", nullable = false, updatable = false, length = 65536)
    private RuleSet rules;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected Plan() {
    }

    private Plan(RuleSet rules, int version, Instant at) {
        this.code = Objects.requireNonNull(rules.code(), "a stored plan needs a code");
        this.version = version;
        this.name = rules.name();
        this.currency = rules.currency();
        this.initialBalance = rules.initialBalance();
        // Both databases keep microseconds; the answer must equal what a later read returns.
        this.createdAt = Timestamps.stored(at);
        this.rules = rules;
    }

    /** The first version of a new plan. */
    public static Plan publish(RuleSet rules, Instant at) {
        return new Plan(rules, 1, at);
    }

    /** The next version of this plan, with new rules under the same code. */
    public Plan revise(RuleSet revised, Instant at) {
        if (!code.equals(revised.code())) {
            throw new IllegalArgumentException("a revision keeps the plan's code");
        }
        return new Plan(revised, version + 1, at);
    }

    public RuleSet rules() {
        return rules;
    }

    public String code() {
        return code;
    }

    public int version() {
        return version;
    }

    public String name() {
        return name;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal initialBalance() {
        return initialBalance;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }
}
