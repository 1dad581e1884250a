package ai.tradesense.application.challenge;

/**
 * The result of recomputing a challenge's audit chain.
 *
 * @param firstBrokenSeq null when the chain is valid
 * @param problem        null when the chain is valid
 */
public record AuditVerification(String challengeId, boolean valid, long entriesChecked, Long firstBrokenSeq,
                                String problem) {

    public static AuditVerification intact(String challengeId, long checked) {
        return new AuditVerification(challengeId, true, checked, null, null);
    }

    public static AuditVerification broken(String challengeId, long checked, long at, String problem) {
        return new AuditVerification(challengeId, false, checked, at, problem);
    }
}
