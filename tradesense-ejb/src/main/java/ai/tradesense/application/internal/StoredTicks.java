package ai.tradesense.application.internal;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.tradesense.application.challenge.AppliedEvent;
import ai.tradesense.application.challenge.AuditContent;
import ai.tradesense.application.challenge.ChallengeDocuments;
import ai.tradesense.domain.model.challenge.AuditEntry;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.model.challenge.ChallengeRepository;
import ai.tradesense.domain.model.challenge.RecordedEvent;

/**
 * Writes a pending tick (docs/rules.md §18) when it is stored after all: its event row, as it was applied
 * (no outcome, the state it left), and its audit entry, in the caller's transaction, before whatever comes
 * next in the log.
 */
@ApplicationScoped
class StoredTicks {

    @Inject
    ChallengeRepository challenges;

    @Inject
    ChallengeDocuments documents;

    @Inject
    AuditWriter audit;

    RecordedEvent store(Challenge challenge, Challenge.StoredTick stored) {
        RecordedEvent row = documents.recorded(challenge.id(), stored.seq(), stored.after(), stored.tick(), List.of(),
                stored.receivedAt());
        challenges.add(row);
        AppliedEvent entry = new AppliedEvent(stored.seq(), stored.tick().type().name(), stored.tick().id(),
                stored.tick().at(), List.of(), false);
        audit.write(challenge, AuditEntry.Kind.EVENT_APPLIED, stored.tick().at(), stored.actor(),
                new AuditContent.EventRecorded(entry, stored.tick()));
        return row;
    }

    /** Stores the challenge's pending tick now, if it has one (before a staff action, which reads its equity). */
    void storePending(Challenge challenge) {
        challenge.storePendingTick().ifPresent(stored -> store(challenge, stored));
    }
}
