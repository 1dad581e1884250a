package ai.tradesense.application.internal;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.tradesense.application.challenge.AuditContent;
import ai.tradesense.application.challenge.ChallengeDocuments;
import ai.tradesense.domain.model.challenge.AuditEntry;
import ai.tradesense.domain.model.challenge.Challenge;
import ai.tradesense.domain.model.challenge.ChallengeRepository;
import ai.tradesense.domain.rules.Evaluation;
import ai.tradesense.domain.rules.Outcome;

/** Appends entries to a challenge's audit trail, in the caller's transaction. */
@ApplicationScoped
class AuditWriter {

    private static final Logger LOG = Logger.getLogger(AuditWriter.class.getName());

    @Inject
    ChallengeRepository challenges;

    @Inject
    ChallengeDocuments documents;

    void write(Challenge challenge, AuditEntry.Kind kind, Instant at, String actor, AuditContent content) {
        challenges.add(documents.audit(challenge, kind, at, actor, content));
    }

    /** Every change of status the engine reported, each as one chained entry. */
    void statusChanges(Challenge challenge, Evaluation evaluation, Instant at) {
        for (Outcome outcome : evaluation.outcomes()) {
            AuditEntry.Kind kind = switch (outcome.type()) {
                case FAILED -> AuditEntry.Kind.FAILED;
                case PAUSED -> AuditEntry.Kind.PAUSED;
                case RESUMED -> AuditEntry.Kind.RESUMED;
                case PHASE_PASSED -> AuditEntry.Kind.PHASE_PASSED;
                case PENDING_REVIEW -> AuditEntry.Kind.PENDING_REVIEW;
                case PASSED -> AuditEntry.Kind.PASSED;
                case EXTENDED -> AuditEntry.Kind.EXTENDED;
                case RESTORED -> AuditEntry.Kind.RESTORED;
                case SCALED -> AuditEntry.Kind.SCALED;
                default -> null;
            };
            if (kind != null) {
                write(challenge, kind, at, "engine",
                        new AuditContent.StatusChanged(challenge.seq(), outcome, challenge.status()));
                LOG.log(Level.INFO, "Challenge {0}: {1} ({2})", new Object[] {challenge.id(), outcome.type(), outcome});
            }
        }
    }
}
