package ai.tradesense.infrastructure.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The circuit breaker in front of the Redis calls made while a client waits (rate-limit hits, live
 * publishes, gauge reads): after {@code threshold} failures in a row it opens and callers go straight to
 * their local fallback without touching Redis; once {@code delay} has passed, one caller at a time is let
 * through as a probe, and its success closes the breaker again. Not MicroProfile Fault Tolerance's
 * {@code @CircuitBreaker}: these clients are made by {@link SharedStoreProducer} from configuration, and
 * interceptors do not reach objects a producer method returns.
 */
final class RequestPathBreaker {

    private static final Logger LOG = Logger.getLogger(RequestPathBreaker.class.getName());

    static final int DEFAULT_THRESHOLD = 3;
    static final Duration DEFAULT_DELAY = Duration.ofSeconds(5);

    private final String description;
    private final int threshold;
    private final long delayMillis;
    private final LongSupplier nowMillis;
    private final AtomicInteger failuresInARow = new AtomicInteger();
    /** When the next probe may go through; {@code Long.MIN_VALUE} while the breaker is closed. */
    private final AtomicLong openUntil = new AtomicLong(Long.MIN_VALUE);

    RequestPathBreaker(String description, int threshold, Duration delay, LongSupplier nowMillis) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the breaker's threshold must be at least 1");
        }
        this.description = description;
        this.threshold = threshold;
        this.delayMillis = delay.toMillis();
        this.nowMillis = nowMillis;
    }

    static RequestPathBreaker of(String description) {
        return new RequestPathBreaker(description, DEFAULT_THRESHOLD, DEFAULT_DELAY, () -> System.nanoTime() / 1_000_000);
    }

    /**
     * True when the caller may try Redis: the breaker is closed, or it is open, its delay has passed and
     * this caller is the one probe (the probe's outcome moves the next one out or closes the breaker).
     */
    boolean allowsCall() {
        long until = openUntil.get();
        if (until == Long.MIN_VALUE) {
            return true;
        }
        long now = nowMillis.getAsLong();
        return now >= until && openUntil.compareAndSet(until, now + delayMillis);
    }

    void succeeded() {
        failuresInARow.set(0);
        if (openUntil.getAndSet(Long.MIN_VALUE) != Long.MIN_VALUE) {
            LOG.log(Level.INFO, "Redis at {0} answers again: rate limits and live fan-out use it again", description);
        }
    }

    void failed(RuntimeException cause) {
        long until = openUntil.get();
        if (until != Long.MIN_VALUE) {
            // a failed probe (or a call that started before the breaker opened): wait a full delay again
            openUntil.compareAndSet(until, Math.max(until, nowMillis.getAsLong() + delayMillis));
            return;
        }
        if (failuresInARow.incrementAndGet() >= threshold
                && openUntil.compareAndSet(Long.MIN_VALUE, nowMillis.getAsLong() + delayMillis)) {
            LOG.log(Level.WARNING, "Redis at {0} does not answer in time ({1}): rate limits hold per node and live "
                    + "changes reach only the watchers on this node until it does; trying again every {2} ms",
                    new Object[] {description, cause.getMessage(), Long.toString(delayMillis)});
        }
    }

    /** True while the breaker is open (or half-open): callers use their local fallback. */
    boolean isOpen() {
        return openUntil.get() != Long.MIN_VALUE;
    }
}
