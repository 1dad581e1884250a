package ai.tradesense.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The trading day a thread remembers answers exactly what finding it afresh does, across DST changes. */
class DayBoundaryMemoryTest {

    private static final List<String> ZONES = List.of("Europe/Prague", "America/New_York", "Australia/Lord_Howe",
            "Asia/Kolkata", "UTC", "Pacific/Chatham");
    private static final List<String> TIMES = List.of("00:00", "02:30", "17:00", "23:59", "01:00", "03:00");

    @Test
    void remembersNoDayWrongly() {
        Random random = new Random(20261203);
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        for (int round = 0; round < 200; round++) {
            DayBoundary boundary = new DayBoundary(ZoneId.of(ZONES.get(random.nextInt(ZONES.size()))),
                    LocalTime.parse(TIMES.get(random.nextInt(TIMES.size()))));
            Instant at = from.plusSeconds(random.nextInt(365 * 86_400));
            for (int step = 0; step < 500; step++) {
                // Mostly small steps forward (the same day again), sometimes a jump either way or another boundary.
                int kind = random.nextInt(20);
                at = kind == 0 ? at.minusSeconds(random.nextInt(3 * 86_400))
                        : kind == 1 ? at.plusSeconds(random.nextInt(3 * 86_400))
                        : at.plusSeconds(random.nextInt(600));
                DayBoundary asked = kind == 2 ? new DayBoundary(ZoneId.of("Asia/Tokyo"), LocalTime.NOON) : boundary;
                Instant start = asked.latestBoundaryAtOrBefore(at);
                assertThat(asked.dayStartOf(at)).as("%s at %s", asked, at).isEqualTo(start);
                assertThat(asked.tradingDayOf(at)).as("%s at %s", asked, at)
                        .isEqualTo(start.atZone(asked.zone()).toLocalDate());
                assertThat(at).isBefore(asked.nextAfter(start)).isAfterOrEqualTo(start);
            }
        }
    }

    @Test
    void anInstantJustBeforeABoundaryBelongsToTheDayBefore() {
        DayBoundary prague = new DayBoundary(ZoneId.of("Europe/Prague"), LocalTime.MIDNIGHT);
        Instant midnight = Instant.parse("2026-03-28T23:00:00Z");
        assertThat(prague.tradingDayOf(midnight.minusNanos(1))).hasToString("2026-03-28");
        assertThat(prague.tradingDayOf(midnight)).hasToString("2026-03-29");
        assertThat(prague.tradingDayOf(midnight.minusNanos(1))).hasToString("2026-03-28");
    }
}
