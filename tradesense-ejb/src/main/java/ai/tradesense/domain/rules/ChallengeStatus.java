package ai.tradesense.domain.rules;

/**
 * Where a challenge stands ({@code docs/rules.md} §11). FAILED and PASSED are final; PENDING_REVIEW
 * waits for staff.
 */
public enum ChallengeStatus {
    ACTIVE, PAUSED, PENDING_REVIEW, PASSED, FAILED;

    /** Events are recorded but no longer applied. */
    public boolean isFrozen() {
        return this == PENDING_REVIEW || this == PASSED || this == FAILED;
    }
}
