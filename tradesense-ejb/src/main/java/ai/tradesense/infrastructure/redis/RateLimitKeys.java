package ai.tradesense.infrastructure.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns a rate-limit bucket into a Redis key under {@code tradesense:rl:}. Buckets carry user input
 * (an email, a header), so the mapping is injective and bounded: characters outside a small safe set
 * are percent-escaped (among them {@code { } %}, so no hash tag steers a Redis Cluster slot and no
 * escape can be forged), and a bucket whose escaped form is long is replaced by its SHA-256, behind a
 * {@code #} that an escaped form never contains. The readable scope in front of the hash is for people
 * looking at Redis; the hash alone tells buckets apart.
 */
final class RateLimitKeys {

    static final String PREFIX = "tradesense:rl:";

    /** Longest escaped bucket kept as it is; longer ones are hashed. */
    static final int MAX_ESCAPED_LENGTH = 128;

    /** Longest readable scope kept in front of a hash. */
    private static final int MAX_SCOPE_LENGTH = 48;

    /** Upper bound of every key's length. */
    static final int MAX_KEY_LENGTH = PREFIX.length() + Math.max(MAX_ESCAPED_LENGTH, MAX_SCOPE_LENGTH + 1 + 64);

    private static final char HASH_MARK = '#';

    private RateLimitKeys() {
    }

    static String of(String bucket) {
        String escaped = escape(bucket);
        if (escaped.length() <= MAX_ESCAPED_LENGTH) {
            return PREFIX + escaped;
        }
        return PREFIX + readableScope(escaped) + HASH_MARK + sha256Hex(bucket);
    }

    /** The escaped text up to and including its last ':' within the first few characters. */
    private static String readableScope(String escaped) {
        int end = escaped.lastIndexOf(':', MAX_SCOPE_LENGTH - 1);
        return end < 0 ? "" : escaped.substring(0, end + 1);
    }

    private static String escape(String bucket) {
        byte[] utf8 = bucket.getBytes(StandardCharsets.UTF_8);
        StringBuilder escaped = new StringBuilder(Math.min(utf8.length, MAX_ESCAPED_LENGTH + 1));
        for (byte b : utf8) {
            if (escaped.length() > MAX_ESCAPED_LENGTH) {
                break; // too long to keep: it will be hashed, the rest of the escape is not needed
            }
            int c = b & 0xff;
            if (isSafe(c)) {
                escaped.append((char) c);
            } else {
                escaped.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return escaped.toString();
    }

    private static boolean isSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == ':' || c == '.' || c == '-' || c == '_' || c == '@';
    }

    private static String sha256Hex(String bucket) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(bucket.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
