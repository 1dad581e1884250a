package ai.tradesense.domain.model.alert;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.tradesense.domain.model.Timestamps;

/**
 * Something risk staff should look at: a floor's room running out, a platform feed gone quiet, a failure.
 * One alert per challenge and dedupe key (for a level of room use, the key names the trading day, so it
 * is raised at most once a day); staff acknowledge it once, with a note.
 */
@Entity
@Table(name = "alert")
public class Alert {

    /** How urgent an alert is. */
    public enum Severity { WARNING, CRITICAL }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "challenge_id", nullable = false, updatable = false, length = 36)
    private String challengeId;

    @Column(nullable = false, updatable = false, length = 32)
    private String kind;

    @Column(nullable = false, updatable = false, length = 16)
    private String severity;

    @Column(name = "dedupe_key", nullable = false, updatable = false, length = 160)
    private String dedupeKey;

    @Column(nullable = false, updatable = false, length = 500)
    private String message;

    /** Figures behind the alert, stored as a JSON document by the persistence unit's converter. */
    @Basic
    @Column(nullable = false, updatable = false, length = 100000)
    private AlertData data;

    @Column(name = "raised_at", nullable = false, updatable = false)
    private OffsetDateTime raisedAt;

    @Column(name = "acknowledged_at")
    private OffsetDateTime acknowledgedAt;

    @Column(name = "acknowledged_by", length = 128)
    private String acknowledgedBy;

    @Column(length = 1000)
    private String note;

    protected Alert() {
    }

    public Alert(String id, String challengeId, String kind, Severity severity, String dedupeKey, String message,
                 AlertData data, Instant raisedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.challengeId = Objects.requireNonNull(challengeId, "challengeId");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.severity = severity.name();
        this.dedupeKey = Objects.requireNonNull(dedupeKey, "dedupeKey");
        this.message = Objects.requireNonNull(message, "message");
        this.data = Objects.requireNonNull(data, "data");
        this.raisedAt = Timestamps.stored(raisedAt);
    }

    /**
     * Records that staff saw it.
     *
     * @return false when it was acknowledged already (nothing changes then)
     */
    public boolean acknowledge(String by, String note, Instant at) {
        if (acknowledgedAt != null) {
            return false;
        }
        this.acknowledgedAt = Timestamps.stored(at);
        this.acknowledgedBy = by;
        this.note = note;
        return true;
    }

    public String id() {
        return id;
    }

    public String challengeId() {
        return challengeId;
    }

    public String kind() {
        return kind;
    }

    public Severity severity() {
        return Severity.valueOf(severity);
    }

    public String dedupeKey() {
        return dedupeKey;
    }

    public String message() {
        return message;
    }

    public AlertData data() {
        return data;
    }

    public Instant raisedAt() {
        return raisedAt.toInstant();
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt == null ? null : acknowledgedAt.toInstant();
    }

    public String acknowledgedBy() {
        return acknowledgedBy;
    }

    public String note() {
        return note;
    }
}
