package ai.tradesense.application.challenge;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import ai.tradesense.domain.model.challenge.AuditEntry;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.model.challenge.RecordedEvent;
import ai.tradesense.domain.rules.AccountState;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.Outcome;

/**
 * The stored form of what a challenge records: each event with its outcomes (from which a repeat's entry
 * is rebuilt as the first answer gave it), and each audit entry's content (which its hash covers).
 */
public interface ChallengeDocuments {

    /** The event as applied to {@code challenge}, whose state it has just changed. */
    RecordedEvent recorded(Challenge challenge, Event event, List<Outcome> outcomes, Instant receivedAt);

    /**
     * The event stored later than it was applied (a pending tick, docs/rules.md §18): its sequence number
     * and the state it left are given, the challenge having moved on since.
     */
    RecordedEvent recorded(String challengeId, long seq, AccountState after, Event event, List<Outcome> outcomes,
                           Instant receivedAt);

    /** True when two events say the same (numbers compared by value), as {@link #sameEvent(RecordedEvent, Event)}. */
    boolean sameEvent(Event first, Event event);

    /** The event as it was first received. */
    Event event(RecordedEvent recorded);

    /**
     * True when {@code event} says the same as the event first recorded (numbers compared by value): only
     * then is it a repeat.
     */
    boolean sameEvent(RecordedEvent recorded, Event event);

    /** The first answer stored by a row written before answers were rebuilt (never a replay); empty for later rows. */
    Optional<IngestAnswer> storedAnswer(RecordedEvent recorded);

    RecordedEventView view(RecordedEvent recorded);

    /** The outcomes stored with the event, without reading the event itself. */
    List<Outcome> outcomes(RecordedEvent recorded);

    /** Appends an entry to the challenge's audit trail; the caller stores it. */
    AuditEntry audit(Challenge challenge, AuditEntry.Kind kind, Instant at, String actor, AuditContent content);

    AuditEntryView view(AuditEntry entry);

}
