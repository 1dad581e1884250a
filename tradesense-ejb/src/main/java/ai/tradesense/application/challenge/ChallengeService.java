package ai.tradesense.application.challenge;

import java.time.Instant;
import java.util.List;

import jakarta.json.JsonObject;

import ai.tradesense.domain.model.Page;
import ai.tradesense.domain.rules.ChallengeStatus;

/** Challenges and their events. Every change to an account goes through the rule engine, here. */
public interface ChallengeService {

    /**
     * Starts a challenge in the first phase of the newest version of a plan.
     *
     * @param startAt when its account opens; null for now
     */
    ChallengeSnapshot start(String planCode, String traderId, Instant startAt);

    ChallengeSnapshot find(String id);

    /** Filters may be null. Newest first. */
    Page<ChallengeSnapshot> list(ChallengeStatus status, String planCode, String traderId, int page, int size);

    /**
     * Applies one event (a JSON object) or several (a JSON array) in order, in one transaction, and
     * answers with the resulting state and what happened to each event. A repeat of an event's
     * (type, id) answers as the first time did and changes nothing.
     *
     * @throws ai.tradesense.domain.model.InvalidInputException when an event is malformed or cannot
     *         be applied (nothing is applied then)
     * @throws EventOutOfOrderException when an event is older than the last one applied
     */
    IngestAnswer ingest(String challengeId, String body, String actor);

    /** Recorded events after {@code afterSeq}, in order. */
    List<JsonObject> events(String challengeId, long afterSeq, int limit);

    /** Audit entries after {@code afterSeq}, in order. */
    List<JsonObject> audit(String challengeId, long afterSeq, int limit);

    /** Recomputes the audit chain and names the first entry that does not match. */
    JsonObject verifyAudit(String challengeId);

    /**
     * What {@link #ingest} answers.
     *
     * @param body   the answer document
     * @param replay true when every event was a repeat and the stored first answer is returned
     */
    record IngestAnswer(JsonObject body, boolean replay) { }
}
