package ai.tradesense.infrastructure.redis;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import ai.tradesense.application.RateLimiter;

/**
 * Fixed windows kept in this JVM: the limiter of embedded mode and the fallback of the Redis limiter.
 * Memory is bounded: expired windows are swept out now and then, and when more than {@code maxBuckets}
 * windows are live some are forgotten (their clients get a fresh window) rather than the heap growing
 * with every address or email an attacker makes up.
 */
final class InProcessRateLimiter implements RateLimiter {

    private static final Logger LOG = Logger.getLogger(InProcessRateLimiter.class.getName());

    static final int DEFAULT_MAX_BUCKETS = 100_000;

    /** How often expired windows are swept out even when the map is not full. */
    static final long SWEEP_INTERVAL_MILLIS = 10_000;

    private static final long CAPACITY_WARNING_INTERVAL_MILLIS = 60_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final LongSupplier nowMillis;
    private final int maxBuckets;
    private final AtomicLong nextSweepAt;
    private final AtomicLong nextCapacityWarningAt;

    /** A limiter on the monotonic clock, immune to changes of the wall clock. */
    InProcessRateLimiter() {
        this(() -> System.nanoTime() / 1_000_000, DEFAULT_MAX_BUCKETS);
    }

    InProcessRateLimiter(LongSupplier nowMillis, int maxBuckets) {
        if (maxBuckets < 1) {
            throw new IllegalArgumentException("maxBuckets must be at least 1");
        }
        this.nowMillis = nowMillis;
        this.maxBuckets = maxBuckets;
        long now = nowMillis.getAsLong();
        this.nextSweepAt = new AtomicLong(now + SWEEP_INTERVAL_MILLIS);
        this.nextCapacityWarningAt = new AtomicLong(now);
    }

    @Override
    public Decision hit(String bucket, int limit, Duration window) {
        long windowMillis = FixedWindow.checkedWindowMillis(bucket, limit, window);
        long now = nowMillis.getAsLong();
        Window current = windows.compute(bucket, (key, old) -> old == null || old.endsAt() <= now
                ? new Window(now + windowMillis, 1)
                : new Window(old.endsAt(), old.count() + 1));
        keepBounded(now);
        return FixedWindow.decide(current.count(), limit, current.endsAt() - now);
    }

    /** Number of windows held, live or not yet swept. */
    int size() {
        return windows.size();
    }

    private void keepBounded(long now) {
        long sweepAt = nextSweepAt.get();
        boolean full = windows.size() > maxBuckets;
        if ((full || now >= sweepAt) && nextSweepAt.compareAndSet(sweepAt, now + SWEEP_INTERVAL_MILLIS)) {
            // a conditional remove: a window renewed meanwhile is a different value and stays
            windows.entrySet().removeIf(entry -> entry.getValue().endsAt() <= now);
        }
        if (windows.size() > maxBuckets) {
            forgetLiveWindows(now);
        }
    }

    /** Frees a tenth of the room at once, so that a flood of new buckets does not sweep on every hit. */
    private void forgetLiveWindows(long now) {
        int target = maxBuckets - Math.max(1, maxBuckets / 10);
        Iterator<String> keys = windows.keySet().iterator();
        while (windows.size() > target && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
        long warnAt = nextCapacityWarningAt.get();
        if (now >= warnAt && nextCapacityWarningAt.compareAndSet(warnAt, now + CAPACITY_WARNING_INTERVAL_MILLIS)) {
            LOG.log(Level.WARNING, "More than {0,number,#} rate-limit buckets are live in this node; forgetting some of "
                    + "them (their clients start a fresh window)", maxBuckets);
        }
    }

    private record Window(long endsAt, long count) {
    }
}
