package ai.tradesense.domain.model.challenge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import ai.tradesense.domain.model.Page;
import ai.tradesense.domain.rules.ChallengeStatus;

/** Challenges and the rows that belong to them. */
public interface ChallengeRepository {

    Optional<Challenge> find(String id);

    /** The challenge, locked for the rest of the transaction: events to one challenge go one at a time. */
    Optional<Challenge> lock(String id);

    /** The challenges of these ids that exist, in one look-up per thousand ids, without locking them. */
    List<Challenge> findAll(Collection<String> ids);

    /** The challenges with these ids, locked for the rest of the transaction in id order. */
    List<Challenge> lockAll(Collection<String> ids);

    /** Filters are optional (null means any). Newest first. */
    Page<Challenge> search(ChallengeStatus status, String planCode, String traderId, int page, int size);

    void add(Challenge challenge);

    Optional<RecordedEvent> recordedEvent(String challengeId, String type, String eventId);

    /**
     * In one look-up, the recorded events of these challenges carrying one of these event ids (of any
     * type: the caller matches challenge, type and id). Only what the database holds, as
     * {@link #recordedEvent}.
     */
    List<RecordedEvent> recordedEvents(Collection<String> challengeIds, Collection<String> eventIds);

    void add(RecordedEvent event);

    /**
     * Runs {@code work} with the event and audit rows it adds held and then written together, in one batch
     * per table, in the same transaction (for ingestion, which adds thousands). Queries within it do not
     * see them, as they do not see events recorded earlier in the transaction anyway.
     */
    <T> T batched(Supplier<T> work);

    /** Recorded events with a sequence number above {@code afterSeq}, in order, at most {@code limit}. */
    List<RecordedEvent> eventsAfter(String challengeId, long afterSeq, int limit);

    Optional<Trade> trade(String challengeId, String tradeId);

    void add(Trade trade);

    void add(AuditEntry entry);

    List<AuditEntry> auditTrail(String challengeId, long afterSeq, int limit);

    // For the risk worker.

    /**
     * Ids of the challenges still trading (ACTIVE or PAUSED), in id order; with {@code dayDueAt}, only
     * those whose next day boundary is at or before it.
     */
    List<String> tradingIds(Instant dayDueAt);

    /** Trading challenges whose next day boundary is at or before {@code at} (or not known yet). */
    long countDayDue(Instant at);

    /**
     * Ids from {@code fromId} (included) to {@code toId} (excluded; an empty end is no bound) of trading
     * challenges that may need the worker: a day boundary or
     * deadline at or before {@code now}, a floor's room used at least {@code minUse}, or open trades
     * without an equity report since {@code feedBefore}; rows whose worker columns are not filled yet
     * are included. With {@code dayOnly}, only those with a day boundary due.
     */
    List<String> needingAttention(String fromId, String toId, Instant now, BigDecimal minUse, Instant feedBefore,
                                  boolean dayOnly);

    /** Ids of challenges whose worker columns (V4) are not filled yet. */
    List<String> withoutWatchColumns(int limit);

    /** Ids of challenges with events the daily snapshots do not include yet. */
    List<String> withNewEvents(int limit);

    Optional<ChallengeDay> lastDay(String challengeId);

    /** Every daily snapshot of a challenge, oldest first. */
    List<ChallengeDay> days(String challengeId);

    void add(ChallengeDay day);

    /** The challenge's closed trades. */
    List<Trade> closedTrades(String challengeId);
}
