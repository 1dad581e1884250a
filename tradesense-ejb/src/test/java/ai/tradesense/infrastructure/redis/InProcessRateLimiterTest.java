package ai.tradesense.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import ai.tradesense.application.RateLimiter.Decision;

class InProcessRateLimiterTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final InProcessRateLimiter limiter = new InProcessRateLimiter(now::get, 1_000);

    @Test
    void allowsUpToTheLimitAndCountsDown() {
        assertThat(limiter.hit("login:ip:1.2.3.4", 3, MINUTE)).isEqualTo(new Decision(true, 2, 0));
        assertThat(limiter.hit("login:ip:1.2.3.4", 3, MINUTE)).isEqualTo(new Decision(true, 1, 0));
        assertThat(limiter.hit("login:ip:1.2.3.4", 3, MINUTE)).isEqualTo(new Decision(true, 0, 0));
    }

    @Test
    void refusesOverTheLimitUntilTheWindowEnds() {
        hit("login:ip:1.2.3.4", 3, 3);
        now.addAndGet(15_000);

        Decision refused = limiter.hit("login:ip:1.2.3.4", 3, MINUTE);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isEqualTo(45);
    }

    @Test
    void retryAfterRoundsUpToWholeSecondsAndIsAtLeastOne() {
        hit("b", 1, 1);
        now.addAndGet(100);
        assertThat(limiter.hit("b", 1, Duration.ofMillis(1_500)).retryAfterSeconds()).isEqualTo(60);

        hit("c", 1, 1, Duration.ofMillis(1_500));
        now.addAndGet(100);
        assertThat(limiter.hit("c", 1, Duration.ofMillis(1_500)).retryAfterSeconds()).isEqualTo(2);
        now.addAndGet(401);
        assertThat(limiter.hit("c", 1, Duration.ofMillis(1_500)).retryAfterSeconds()).isEqualTo(1);
        now.addAndGet(998);
        assertThat(limiter.hit("c", 1, Duration.ofMillis(1_500)).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void aNewWindowStartsWhenTheOldOneEnds() {
        hit("login:email:a@b.c", 2, 2);
        now.addAndGet(MINUTE.toMillis() - 1);
        assertThat(limiter.hit("login:email:a@b.c", 2, MINUTE).allowed()).isFalse();

        now.addAndGet(1);

        assertThat(limiter.hit("login:email:a@b.c", 2, MINUTE)).isEqualTo(new Decision(true, 1, 0));
    }

    @Test
    void refusedHitsDoNotExtendTheWindow() {
        hit("api:user:7", 1, 1);
        for (int i = 0; i < 59; i++) {
            now.addAndGet(1_000);
            assertThat(limiter.hit("api:user:7", 1, MINUTE).allowed()).isFalse();
        }

        now.addAndGet(1_000);

        assertThat(limiter.hit("api:user:7", 1, MINUTE).allowed()).isTrue();
    }

    @Test
    void bucketsAreCountedApart() {
        hit("login:ip:1.2.3.4", 2, 2);

        assertThat(limiter.hit("login:ip:1.2.3.4", 2, MINUTE).allowed()).isFalse();
        assertThat(limiter.hit("login:ip:1.2.3.5", 2, MINUTE)).isEqualTo(new Decision(true, 1, 0));
        assertThat(limiter.hit("login:email:a@b.c", 2, MINUTE)).isEqualTo(new Decision(true, 1, 0));
    }

    @Test
    void sweepsOutExpiredWindows() {
        for (int i = 0; i < 500; i++) {
            limiter.hit("login:ip:10.0.0." + i, 5, Duration.ofSeconds(1));
        }
        assertThat(limiter.size()).isEqualTo(500);

        now.addAndGet(InProcessRateLimiter.SWEEP_INTERVAL_MILLIS);
        limiter.hit("login:ip:10.0.1.1", 5, Duration.ofSeconds(1));

        assertThat(limiter.size()).isEqualTo(1);
    }

    @Test
    void neverHoldsMoreThanItsCapOfBuckets() {
        for (int i = 0; i < 5_000; i++) {
            limiter.hit("login:email:user" + i + "@example.com", 5, MINUTE);
            assertThat(limiter.size()).isLessThanOrEqualTo(1_000);
        }
    }

    @Test
    void allowsExactlyTheLimitUnderConcurrentHits() throws Exception {
        InProcessRateLimiter realClock = new InProcessRateLimiter();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> {
                    int allowed = 0;
                    for (int i = 0; i < 100; i++) {
                        allowed += realClock.hit("api:user:busy", 250, MINUTE).allowed() ? 1 : 0;
                    }
                    return allowed;
                });
            }
            int allowed = 0;
            for (Future<Integer> result : threads.invokeAll(tasks)) {
                allowed += result.get();
            }
            assertThat(allowed).isEqualTo(250);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void rejectsMeaninglessArguments() {
        assertThatThrownBy(() -> limiter.hit(" ", 1, MINUTE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter.hit("b", 0, MINUTE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter.hit("b", 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter.hit("b", 1, Duration.ofNanos(999_999)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter.hit(null, 1, MINUTE)).isInstanceOf(NullPointerException.class);
    }

    private void hit(String bucket, int limit, int times) {
        hit(bucket, limit, times, MINUTE);
    }

    private void hit(String bucket, int limit, int times, Duration window) {
        for (int i = 0; i < times; i++) {
            assertThat(limiter.hit(bucket, limit, window).allowed()).isTrue();
        }
    }
}
