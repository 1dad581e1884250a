package ai.tradesense.application.outbound;

import java.time.Duration;

/**
 * When a failed delivery is tried again: after attempt n, a ceiling of {@code base * 2^(n-1)} capped at
 * {@code max}, and a delay drawn between half the ceiling and the ceiling (jitter, so receivers that
 * come back are not hit by every retry at once).
 */
public record Backoff(int maxAttempts, Duration base, Duration max) {

    public Backoff {
        if (maxAttempts < 1 || base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs maxAttempts >= 1 and 0 < base <= max");
        }
    }

    /** The ceiling after {@code attempts} failed attempts (1 or more). */
    public Duration ceiling(int attempts) {
        int doublings = Math.min(Math.max(attempts, 1) - 1, 40);
        long millis = base.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /** The delay after {@code attempts} failed attempts; {@code random} is uniform in [0, 1). */
    public Duration delay(int attempts, double random) {
        long ceiling = ceiling(attempts).toMillis();
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random * (ceiling - half)));
    }

    /** True when no attempt is left after {@code attempts}. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
