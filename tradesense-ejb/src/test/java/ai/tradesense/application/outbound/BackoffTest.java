package ai.tradesense.application.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(12, Duration.ofSeconds(5), Duration.ofHours(1));

    @Test
    void ceilingDoublesFromTheBaseUpToTheMaximum() {
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(80));
        assertThat(backoff.ceiling(11)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.ceiling(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void delayStaysBetweenHalfTheCeilingAndTheCeiling() {
        Random random = new Random(42);
        for (int attempts = 1; attempts <= 40; attempts++) {
            Duration ceiling = backoff.ceiling(attempts);
            for (int i = 0; i < 200; i++) {
                Duration delay = backoff.delay(attempts, random.nextDouble());
                assertThat(delay).isBetween(ceiling.dividedBy(2), ceiling);
            }
            assertThat(backoff.delay(attempts, 0.0)).isEqualTo(Duration.ofMillis(ceiling.toMillis() / 2));
            assertThat(backoff.delay(attempts, 0.999_999)).isGreaterThan(ceiling.multipliedBy(99).dividedBy(100));
        }
    }

    @Test
    void jitterSpreadsRetriesOfTheSameAttempt() {
        Random random = new Random(7);
        long distinct = random.doubles(100).mapToObj(r -> backoff.delay(6, r)).distinct().count();
        assertThat(distinct).isGreaterThan(90);
    }

    @Test
    void exhaustedAtTheMaximumNumberOfAttempts() {
        assertThat(backoff.exhausted(11)).isFalse();
        assertThat(backoff.exhausted(12)).isTrue();
    }

    @Test
    void refusesAMaximumBelowTheBase() {
        assertThatThrownBy(() -> new Backoff(3, Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
