package ai.tradesense.domain.model.outbound;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.tradesense.domain.model.Timestamps;

/** An enforcement command for the trading platform, pulled in seq order and acknowledged once. */
@Entity
@Table(name = "platform_command")
public class PlatformCommand {

    @Id
    private long seq;

    @Column(name = "challenge_id", nullable = false, updatable = false, length = 36)
    private String challengeId;

    @Column(name = "plan_code", nullable = false, updatable = false, length = 64)
    private String planCode;

    @Column(nullable = false, updatable = false, length = 32)
    private String command;

    @Column(name = "until_at", updatable = false)
    private OffsetDateTime until;

    @Column(nullable = false, updatable = false, length = 64)
    private String reason;

    /** The outbox entry (and so the CloudEvents id) of its {@code platform.command} webhook. */
    @Column(name = "outbox_id", nullable = false, updatable = false, length = 36)
    private String outboxId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "acknowledged_at")
    private OffsetDateTime acknowledgedAt;

    @Column(name = "acknowledged_by", length = 200)
    private String acknowledgedBy;

    protected PlatformCommand() {
    }

    public PlatformCommand(long seq, String challengeId, String planCode, String command, Instant until,
                           String reason, String outboxId, Instant at) {
        this.seq = seq;
        this.challengeId = Objects.requireNonNull(challengeId, "challengeId");
        this.planCode = Objects.requireNonNull(planCode, "planCode");
        this.command = Objects.requireNonNull(command, "command");
        this.until = until == null ? null : Timestamps.stored(until);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.outboxId = Objects.requireNonNull(outboxId, "outboxId");
        this.createdAt = Timestamps.stored(at);
    }

    /** The platform carried it out; a second acknowledgement changes nothing. */
    public boolean acknowledge(String by, Instant at) {
        if (acknowledgedAt != null) {
            return false;
        }
        acknowledgedAt = Timestamps.stored(at);
        acknowledgedBy = by;
        return true;
    }

    public long seq() {
        return seq;
    }

    public String challengeId() {
        return challengeId;
    }

    public String planCode() {
        return planCode;
    }

    public String command() {
        return command;
    }

    public Instant until() {
        return until == null ? null : until.toInstant();
    }

    public String reason() {
        return reason;
    }

    public String outboxId() {
        return outboxId;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt == null ? null : acknowledgedAt.toInstant();
    }

    public String acknowledgedBy() {
        return acknowledgedBy;
    }
}
