package ai.tradesense.application.challenge;

import java.time.Instant;

/** One entry of the audit trail as the API lists it, with the hashes that chain it to the one before. */
public record AuditEntryView(long seq, String kind, Instant at, String actor, AuditContent content,
                             String previousHash, String hash) { }
