package ai.tradesense.infrastructure.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ClockProducerTest {

    @Test
    void withoutAnOffsetTheClockIsTheSystemsInUtc() {
        assertThat(ClockProducer.offset("PT0S")).isEqualTo(Clock.systemUTC());
        assertThat(ClockProducer.offset(" ")).isEqualTo(Clock.systemUTC());
    }

    @Test
    void anOffsetShiftsTheClockAndItKeepsTicking() {
        Clock shifted = ClockProducer.offset("PT-6H");
        Instant expected = Instant.now().minus(Duration.ofHours(6));

        assertThat(Duration.between(expected, shifted.instant()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aMalformedOffsetStopsTheStartWithTheKeysName() {
        assertThatThrownBy(() -> ClockProducer.offset("six hours")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tradesense.clock.offset");
    }
}
