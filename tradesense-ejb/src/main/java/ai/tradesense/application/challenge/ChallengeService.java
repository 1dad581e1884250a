package ai.tradesense.application.challenge;

import java.time.Instant;
import java.util.List;

import jakarta.json.JsonObject;

import ai.tradesense.application.security.Caller;
import ai.tradesense.domain.model.Page;
import ai.tradesense.domain.rules.ChallengeStatus;

/**
 * Challenges and their events. Every change to an account goes through the rule engine, here. Every
 * method takes the caller: traders see only their own challenges, platform keys only their plans, and a
 * challenge a caller may not see answers as if it did not exist.
 */
public interface ChallengeService {

    /**
     * Starts a challenge in the first phase of the newest version of a plan.
     *
     * @param startAt when its account opens; null for now
     */
    ChallengeSnapshot start(Caller caller, String planCode, String traderId, Instant startAt);

    ChallengeSnapshot find(Caller caller, String id);

    /** Filters may be null. Newest first. */
    Page<ChallengeSnapshot> list(Caller caller, ChallengeStatus status, String planCode, String traderId, int page,
                                 int size);

    /**
     * Applies one event (a JSON object) or several (a JSON array) in order, in one transaction, and
     * answers with the resulting state and what happened to each event. A repeat of an event's
     * (type, id) answers as the first time did and changes nothing.
     *
     * @throws ai.tradesense.domain.model.InvalidInputException when an event is malformed or cannot
     *         be applied (nothing is applied then)
     * @throws EventOutOfOrderException when an event is older than the last one applied
     */
    IngestAnswer ingest(Caller caller, String challengeId, String body);

    /**
     * The risk worker's clock: applies a {@code CLOCK} at each instant, in order, through the engine, as
     * the worker (audited as such). Each tick's id is its time, so a tick sent again (a retried shard, a
     * second worker) is a repeat and changes nothing; instants before the challenge's last event are
     * skipped (the engine applied those boundaries with that event), and it stops once the challenge is
     * frozen.
     *
     * @return how many ticks were applied
     */
    int advance(String challengeId, List<Instant> clocks);

    /** What staff may do by hand; each needs a reason, recorded in the audit trail with who did it. */
    enum Action { FAIL, PASS, PAUSE, RESUME, EXTEND, RESTORE }

    /**
     * Applies a manual action now. Admins may do all; risk staff may pause and resume.
     *
     * @param until for PAUSE, when the pause ends (null: the next day boundary)
     * @param days  for EXTEND, how many days the time limits move
     */
    ChallengeSnapshot act(Caller caller, String challengeId, Action action, String reason, Instant until,
                          Integer days);

    /** Recorded events after {@code afterSeq}, in order. */
    List<JsonObject> events(Caller caller, String challengeId, long afterSeq, int limit);

    /** Audit entries after {@code afterSeq}, in order. */
    List<JsonObject> audit(Caller caller, String challengeId, long afterSeq, int limit);

    /** Recomputes the audit chain and names the first entry that does not match. */
    JsonObject verifyAudit(Caller caller, String challengeId);

    /**
     * What {@link #ingest} answers.
     *
     * @param body   the answer document
     * @param replay true when every event was a repeat and the stored first answer is returned
     */
    record IngestAnswer(JsonObject body, boolean replay) { }
}
