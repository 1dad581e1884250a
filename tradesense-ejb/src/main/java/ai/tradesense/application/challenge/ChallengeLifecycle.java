package ai.tradesense.application.challenge;

import java.time.Instant;

import ai.tradesense.application.security.Caller;
import ai.tradesense.domain.model.Page;
import ai.tradesense.domain.rules.ChallengeStatus;

/**
 * Starting challenges and reading them. Traders see only their own challenges, platform keys only their
 * plans, and a challenge a caller may not see answers as if it did not exist.
 */
public interface ChallengeLifecycle {

    /**
     * Starts a challenge in the first phase of the newest version of a plan. A trader starts challenges
     * only for themself; an admin names the trader.
     *
     * @param traderId null for the calling trader
     * @param startAt  when its account opens; null for now
     */
    ChallengeSnapshot start(Caller caller, String planCode, String traderId, Instant startAt);

    ChallengeSnapshot find(Caller caller, String id);

    /** Filters may be null; a trader's list is always their own. Newest first. */
    Page<ChallengeSnapshot> list(Caller caller, ChallengeStatus status, String planCode, String traderId, int page,
                                 int size);
}
