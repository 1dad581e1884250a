package ai.tradesense.application.challenge;

import java.util.List;

import ai.tradesense.application.security.Caller;

/** A challenge's history: its recorded events and its hash-chained audit trail. */
public interface AuditTrail {

    /** Recorded events after {@code afterSeq}, in order. */
    List<RecordedEventView> events(Caller caller, String challengeId, long afterSeq, int limit);

    /** Audit entries after {@code afterSeq}, in order. */
    List<AuditEntryView> audit(Caller caller, String challengeId, long afterSeq, int limit);

    /** Recomputes the audit chain and names the first entry that does not match. */
    AuditVerification verify(Caller caller, String challengeId);
}
