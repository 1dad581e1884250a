package ai.tradesense.application;

import java.time.Duration;

/**
 * Counts hits per bucket in fixed windows, shared between API nodes (Redis) or kept in this JVM
 * (embedded mode). A bucket names who is limited and for what ({@code login:ip:1.2.3.4},
 * {@code api:user:42}), its subject normalised by the caller; it never fails because the shared store
 * is down: limits then hold per node until it answers again.
 */
public interface RateLimiter {

    /**
     * Counts one hit in the bucket's current window and says whether it is within {@code limit}.
     * The window starts with the first hit in it and lasts {@code window}; hits over the limit are
     * counted too but do not extend it, so a client that keeps knocking is let in when it ends.
     *
     * @throws IllegalArgumentException when the bucket is blank, the limit below 1 or the window below 1 ms
     */
    Decision hit(String bucket, int limit, Duration window);

    /**
     * The answer to one hit.
     *
     * @param allowed           the hit is within the limit
     * @param remaining         hits still allowed in the current window
     * @param retryAfterSeconds when not allowed, the seconds until the window ends (at least 1); else 0
     */
    record Decision(boolean allowed, long remaining, long retryAfterSeconds) {

        public Decision {
            if (remaining < 0 || retryAfterSeconds < 0) {
                throw new IllegalArgumentException("remaining and retryAfterSeconds must not be negative");
            }
            if (!allowed && retryAfterSeconds < 1) {
                throw new IllegalArgumentException("a refused hit must say when to retry");
            }
        }
    }
}
