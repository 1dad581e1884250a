package ai.tradesense.domain.model.challenge;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import ai.tradesense.domain.model.Timestamps;
import ai.tradesense.domain.rules.Event;

/**
 * An event as it was received and what the engine made of it, with the balance, equity and phase it left,
 * so a repeat of the same (type, id) gets its first entry again and changes nothing. Rows written
 * before answers were rebuilt carry the whole first answer instead of the three figures.
 */
@Entity
@Table(name = "challenge_event")
@IdClass(CompositeId.BySeq.class)
public class RecordedEvent {

    @Id
    @Column(name = "challenge_id", length = 36)
    private String challengeId;

    @Id
    private long seq;

    @Column(nullable = false, length = 16)
    private String type;

    @Column(name = "event_id", length = 128)
    private String eventId;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(nullable = false, length = 4000)
    private String payload;

    @Column(nullable = false, length = 100_000)
    private String outcomes;

    @Column(length = 1_000_000)
    private String answer;

    @Column(precision = 30, scale = 10)
    private BigDecimal balance;

    @Column(precision = 30, scale = 10)
    private BigDecimal equity;

    @Column(name = "phase_index")
    private Integer phaseIndex;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    protected RecordedEvent() {
    }

    public RecordedEvent(String challengeId, long seq, Event event, String payload, String outcomes,
                         BigDecimal balance, BigDecimal equity, int phaseIndex, Instant receivedAt) {
        this.challengeId = challengeId;
        this.seq = seq;
        this.type = event.type().name();
        this.eventId = event.id();
        this.occurredAt = Timestamps.stored(event.at());
        this.payload = payload;
        this.outcomes = outcomes;
        this.balance = balance;
        this.equity = equity;
        this.phaseIndex = phaseIndex;
        this.receivedAt = Timestamps.stored(receivedAt);
    }

    public String challengeId() {
        return challengeId;
    }

    public long seq() {
        return seq;
    }

    public String type() {
        return type;
    }

    public Instant occurredAt() {
        return occurredAt.toInstant();
    }

    public String eventId() {
        return eventId;
    }

    public String payload() {
        return payload;
    }

    public String outcomes() {
        return outcomes;
    }

    /** The first answer as stored by rows written before answers were rebuilt; empty for later rows. */
    public Optional<String> answer() {
        return Optional.ofNullable(answer);
    }

    /** The balance, equity and phase the event left; empty for rows that stored the whole answer instead. */
    public Optional<Figures> figures() {
        return balance == null ? Optional.empty() : Optional.of(new Figures(balance, equity, phaseIndex));
    }

    /** What the daily snapshots take from each event. */
    public record Figures(BigDecimal balance, BigDecimal equity, int phaseIndex) { }

    public Instant receivedAt() {
        return receivedAt.toInstant();
    }
}
