package ai.tradesense.domain.model.challenge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import ai.tradesense.domain.model.Timestamps;

/**
 * One entry of a challenge's append-only audit trail. Its SHA-256 hash covers the previous entry's
 * hash and this entry's own content, so altering, removing or reordering any entry breaks the chain
 * from that entry on.
 */
@Entity
@Table(name = "audit_entry")
@IdClass(CompositeId.BySeq.class)
public class AuditEntry {

    /** The "previous hash" of a challenge's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final String HEX = "0123456789abcdef";

    /** What an entry records. */
    public enum Kind {
        CHALLENGE_STARTED, EVENT_APPLIED, EVENT_IGNORED, MANUAL_ACTION, PAUSED, RESUMED, FAILED, PHASE_PASSED,
        PENDING_REVIEW, PASSED, EXTENDED, RESTORED, PAYOUT_REQUESTED, PAYOUT_APPROVED, PAYOUT_PAID, PAYOUT_REJECTED,
        SCALED
    }

    @Id
    @Column(name = "challenge_id", length = 36)
    private String challengeId;

    @Id
    private long seq;

    @Column(nullable = false, length = 32)
    private String kind;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(nullable = false, length = 128)
    private String actor;

    @Column(nullable = false, length = 100_000)
    private String content;

    @Column(name = "previous_hash", nullable = false, length = 64)
    private String previousHash;

    @Column(nullable = false, length = 64)
    private String hash;

    protected AuditEntry() {
    }

    static AuditEntry after(String challengeId, long previousSeq, String previousHash, Kind kind, Instant at,
                            String actor, String content) {
        AuditEntry entry = new AuditEntry();
        entry.challengeId = challengeId;
        entry.seq = previousSeq + 1;
        entry.kind = kind.name();
        // The database keeps microseconds; the hash must cover what is stored.
        entry.occurredAt = Timestamps.stored(at);
        entry.actor = actor;
        entry.content = content;
        entry.previousHash = previousHash;
        entry.hash = entry.computeHash();
        return entry;
    }

    /** The hash this entry's stored fields give; differs from {@link #hash()} when the row was altered. */
    public String computeHash() {
        String canonical = canonical(previousHash, challengeId, seq, kind, occurredAt.toInstant().toString(), actor,
                content);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The fields as a JSON array, which delimits every field unambiguously whatever characters they contain.
     * The bytes are those JSON-P (Parsson) wrote when the first chains were hashed, and must stay so: a string
     * escapes only the quote, the backslash and the control characters (backspace, tab, newline, form feed and
     * carriage return by their short escapes, the others as a lower-case unicode escape), all else literal.
     */
    static String canonical(String previousHash, String challengeId, long seq, String kind, String at, String actor,
                            String content) {
        StringBuilder json = new StringBuilder(content.length() + 256).append('[');
        string(json, previousHash).append(',');
        string(json, challengeId).append(',').append(seq).append(',');
        string(json, kind).append(',');
        string(json, at).append(',');
        string(json, actor).append(',');
        return string(json, content).append(']').toString();
    }

    private static StringBuilder string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }

    public String challengeId() {
        return challengeId;
    }

    public long seq() {
        return seq;
    }

    public String kind() {
        return kind;
    }

    public Instant occurredAt() {
        return occurredAt.toInstant();
    }

    public String actor() {
        return actor;
    }

    public String content() {
        return content;
    }

    public String previousHash() {
        return previousHash;
    }

    public String hash() {
        return hash;
    }
}
