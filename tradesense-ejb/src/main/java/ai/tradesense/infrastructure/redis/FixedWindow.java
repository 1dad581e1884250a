package ai.tradesense.infrastructure.redis;

import java.time.Duration;
import java.util.Objects;

import ai.tradesense.application.RateLimiter.Decision;

/**
 * The fixed-window rule both rate limiters share, so that Redis and its in-process fallback answer
 * alike: a window opens with the first hit in a bucket, every hit counts (refused ones too, without
 * extending the window), and a hit is allowed while the count is at most the limit.
 */
final class FixedWindow {

    private FixedWindow() {
    }

    /** The window in milliseconds, after checking the arguments of {@code RateLimiter.hit}. */
    static long checkedWindowMillis(String bucket, int limit, Duration window) {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(window, "window");
        if (bucket.isBlank()) {
            throw new IllegalArgumentException("a rate-limit bucket must not be blank");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("a rate limit must allow at least one hit, was " + limit);
        }
        long millis;
        try {
            millis = window.toMillis();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("a rate-limit window is too long: " + window, e);
        }
        if (millis < 1) {
            throw new IllegalArgumentException("a rate-limit window must last at least 1 ms, was " + window);
        }
        return millis;
    }

    /** The decision for the {@code count}-th hit of a window that ends in {@code millisLeft}. */
    static Decision decide(long count, int limit, long millisLeft) {
        long remaining = Math.max(0, limit - count);
        if (count <= limit) {
            return new Decision(true, remaining, 0);
        }
        return new Decision(false, 0, retryAfterSeconds(millisLeft));
    }

    /** Whole seconds a client waits for the window to end: rounded up, and at least 1. */
    static long retryAfterSeconds(long millisLeft) {
        return Math.max(1, Math.floorDiv(millisLeft + 999, 1000));
    }
}
