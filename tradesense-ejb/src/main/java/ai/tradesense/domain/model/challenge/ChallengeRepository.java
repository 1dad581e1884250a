package ai.tradesense.domain.model.challenge;

import java.util.List;
import java.util.Optional;

import ai.tradesense.domain.model.Page;
import ai.tradesense.domain.rules.ChallengeStatus;

/** Challenges and the rows that belong to them. */
public interface ChallengeRepository {

    Optional<Challenge> find(String id);

    /** The challenge, locked for the rest of the transaction: events to one challenge go one at a time. */
    Optional<Challenge> lock(String id);

    /** Filters are optional (null means any). Newest first. */
    Page<Challenge> search(ChallengeStatus status, String planCode, String traderId, int page, int size);

    void add(Challenge challenge);

    Optional<RecordedEvent> recordedEvent(String challengeId, String type, String eventId);

    void add(RecordedEvent event);

    /** Recorded events with a sequence number above {@code afterSeq}, in order, at most {@code limit}. */
    List<RecordedEvent> eventsAfter(String challengeId, long afterSeq, int limit);

    Optional<Trade> trade(String challengeId, String tradeId);

    void add(Trade trade);

    void add(AuditEntry entry);

    List<AuditEntry> auditTrail(String challengeId, long afterSeq, int limit);
}
