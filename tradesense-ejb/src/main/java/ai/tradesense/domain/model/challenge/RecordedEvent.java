package ai.tradesense.domain.model.challenge;

import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import ai.tradesense.domain.model.Timestamps;
import ai.tradesense.domain.rules.Event;

/**
 * An event as it was received and what the engine made of it, with the answer given at the time,
 * so a repeat of the same (type, id) gets the same answer and changes nothing.
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

    @Column(nullable = false, length = 1_000_000)
    private String answer;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    protected RecordedEvent() {
    }

    public RecordedEvent(String challengeId, long seq, Event event, String payload, String outcomes, String answer,
                         Instant receivedAt) {
        this.challengeId = challengeId;
        this.seq = seq;
        this.type = event.type().name();
        this.eventId = event.id();
        this.occurredAt = Timestamps.stored(event.at());
        this.payload = payload;
        this.outcomes = outcomes;
        this.answer = answer;
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

    public String answer() {
        return answer;
    }

    public Instant receivedAt() {
        return receivedAt.toInstant();
    }
}
