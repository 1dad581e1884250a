package ai.tradesense.application.internal;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import ai.tradesense.application.challenge.AuditEntryView;
import ai.tradesense.application.challenge.AuditTrail;
import ai.tradesense.application.challenge.AuditVerification;
import ai.tradesense.application.challenge.ChallengeDocuments;
import ai.tradesense.application.challenge.RecordedEventView;
import ai.tradesense.application.security.Caller;
import ai.tradesense.domain.model.challenge.AuditEntry;
import ai.tradesense.domain.model.challenge.ChallengeRepository;

@Stateless
public class DefaultAuditTrail implements AuditTrail {

    private static final Logger LOG = Logger.getLogger(DefaultAuditTrail.class.getName());
    private static final int VERIFY_BATCH = 1_000;

    @Inject
    ChallengeRepository challenges;

    @Inject
    ChallengeDocuments documents;

    @Override
    public List<RecordedEventView> events(Caller caller, String challengeId, long afterSeq, int limit) {
        VisibleChallenges.visible(caller, challenges.find(challengeId), challengeId);
        return challenges.eventsAfter(challengeId, afterSeq, limit).stream().map(documents::view).toList();
    }

    @Override
    public List<AuditEntryView> audit(Caller caller, String challengeId, long afterSeq, int limit) {
        VisibleChallenges.visible(caller, challenges.find(challengeId), challengeId);
        return challenges.auditTrail(challengeId, afterSeq, limit).stream().map(documents::view).toList();
    }

    @Override
    public AuditVerification verify(Caller caller, String challengeId) {
        long written = VisibleChallenges.visible(caller, challenges.find(challengeId), challengeId).auditSeq();
        String expectedPrevious = AuditEntry.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        List<AuditEntry> entries = challenges.auditTrail(challengeId, 0, VERIFY_BATCH);
        while (!entries.isEmpty()) {
            for (AuditEntry entry : entries) {
                String problem = null;
                if (entry.seq() != expectedSeq) {
                    problem = "entry " + expectedSeq + " is missing";
                } else if (!entry.previousHash().equals(expectedPrevious)) {
                    problem = "its previous hash does not match the entry before it";
                } else if (!entry.computeHash().equals(entry.hash())) {
                    problem = "its content does not match its hash";
                }
                if (problem != null) {
                    LOG.log(Level.WARNING, "Audit chain of challenge {0} is broken at entry {1}: {2}",
                            new Object[] {challengeId, expectedSeq, problem});
                    return AuditVerification.broken(challengeId, checked, expectedSeq, problem);
                }
                expectedPrevious = entry.hash();
                expectedSeq++;
                checked++;
            }
            entries = challenges.auditTrail(challengeId, expectedSeq - 1, VERIFY_BATCH);
        }
        if (checked != written) {
            return AuditVerification.broken(challengeId, checked, checked + 1,
                    "the trail ends at entry " + checked + " but " + written + " were written");
        }
        return AuditVerification.intact(challengeId, checked);
    }
}
