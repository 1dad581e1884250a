package ai.tradesense.application.challenge;

import java.time.Instant;

import ai.tradesense.application.security.Caller;

/** What staff may do to a challenge by hand; each needs a reason, audited with who did it. */
public interface ManualActions {

    enum Action { FAIL, PASS, PAUSE, RESUME, EXTEND, RESTORE }

    /**
     * Applies a manual action now. Admins may do all; risk staff may only pause and resume.
     *
     * @param until for PAUSE, when the pause ends (null: the next day boundary)
     * @param days  for EXTEND, how many days the time limits move
     */
    ChallengeSnapshot act(Caller caller, String challengeId, Action action, String reason, Instant until,
                          Integer days);
}
