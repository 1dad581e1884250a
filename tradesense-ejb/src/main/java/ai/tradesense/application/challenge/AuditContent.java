package ai.tradesense.application.challenge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import ai.tradesense.domain.rules.ChallengeStatus;
import ai.tradesense.domain.rules.Event;
import ai.tradesense.domain.rules.Outcome;

/** What an audit entry records, one shape per kind of entry; its stored form is what the hash covers. */
public sealed interface AuditContent {

    /** CHALLENGE_STARTED. */
    record Started(String planCode, int planVersion, String traderId, Instant startAt) implements AuditContent { }

    /** EVENT_APPLIED or EVENT_IGNORED: the event's entry (never a duplicate) and the event itself. */
    record EventRecorded(AppliedEvent entry, Event event) implements AuditContent { }

    /** MANUAL_ACTION, by staff. {@code until} and {@code days} are null unless given. */
    record ActionTaken(ManualActions.Action action, String reason, List<Outcome> outcomes, Instant until,
                       Integer days) implements AuditContent {
        public ActionTaken {
            outcomes = List.copyOf(outcomes);
        }
    }

    /**
     * PAYOUT_REQUESTED, PAYOUT_APPROVED (a first of two approvals), PAYOUT_PAID or PAYOUT_REJECTED: the
     * request, its gross amount, the shares once paid, the reason of a rejection and what the engine reported
     * when it applied the payout (empty otherwise).
     */
    record PayoutStep(String payoutId, BigDecimal amount, BigDecimal traderShare, BigDecimal firmShare,
                      String reason, List<Outcome> outcomes) implements AuditContent {
        public PayoutStep {
            outcomes = List.copyOf(outcomes);
        }
    }

    /** A change of status the engine reported after event {@code eventSeq}. */
    record StatusChanged(long eventSeq, Outcome outcome, ChallengeStatus status) implements AuditContent { }
}
