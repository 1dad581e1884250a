package ai.tradesense.domain.model.surveillance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.tradesense.domain.model.Timestamps;

/**
 * Two traders staff know belong together (a household, a company): surveillance treats their accounts as one
 * party's. Stored once per unordered pair, the smaller id first.
 */
@Entity
@Table(name = "trader_link")
public class TraderLink {

    /** Why the traders belong together. */
    public enum Kind { HOUSEHOLD, COMPANY, OTHER }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "trader_a", nullable = false, updatable = false, length = 128)
    private String traderA;

    @Column(name = "trader_b", nullable = false, updatable = false, length = 128)
    private String traderB;

    @Column(nullable = false, updatable = false, length = 16)
    private String kind;

    @Column(updatable = false, length = 1000)
    private String note;

    @Column(name = "linked_by", nullable = false, updatable = false, length = 128)
    private String linkedBy;

    @Column(name = "linked_at", nullable = false, updatable = false)
    private OffsetDateTime linkedAt;

    protected TraderLink() {
    }

    public TraderLink(String id, String trader, String other, Kind kind, String note, String linkedBy, Instant at) {
        if (trader.equals(other)) {
            throw new IllegalArgumentException("a trader is not linked to themselves");
        }
        this.id = Objects.requireNonNull(id, "id");
        this.traderA = trader.compareTo(other) < 0 ? trader : other;
        this.traderB = trader.compareTo(other) < 0 ? other : trader;
        this.kind = kind.name();
        this.note = note;
        this.linkedBy = Objects.requireNonNull(linkedBy, "linkedBy");
        this.linkedAt = Timestamps.stored(at);
    }

    public String id() {
        return id;
    }

    public String traderA() {
        return traderA;
    }

    public String traderB() {
        return traderB;
    }

    public Kind kind() {
        return Kind.valueOf(kind);
    }

    public String note() {
        return note;
    }

    public String linkedBy() {
        return linkedBy;
    }

    public Instant linkedAt() {
        return linkedAt.toInstant();
    }
}
